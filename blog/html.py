"""Keep authors' HTML to the tags a post may carry, and derive plain text from it."""

import html
import re

import nh3
from django.utils.html import strip_tags
from django.utils.text import Truncator

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "dl", "dt",
    "em", "figcaption", "figure", "h2", "h3", "h4", "hr", "i", "img", "ins", "li", "mark",
    "ol", "p", "pre", "s", "small", "strong", "sub", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
BLOCK_END = re.compile(
    r"</(p|h[1-6]|li|blockquote|pre|td|th|dt|dd|figcaption|div)>|<br\s*/?>", re.I
)


def sanitize_html(value: str) -> str:
    """Return value with every tag, attribute and URL scheme outside the allowlist removed."""
    return nh3.clean(
        value or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def html_to_text(value: str) -> str:
    """Return the readable text of an HTML fragment on one line."""
    # Block boundaries separate words even where the HTML has no whitespace between them.
    spaced = BLOCK_END.sub(r"\g<0> ", value or "")
    text = html.unescape(strip_tags(spaced))
    return re.sub(r"\s+", " ", text).strip()


def summarize(value: str, words: int = 45) -> str:
    """Return the first words of an HTML fragment as plain text, cut at a word with an ellipsis."""
    return Truncator(html_to_text(value)).words(words, truncate="…")


# In sanitised HTML every attribute value is double-quoted, so a plain pattern finds them all.
LINK_ATTRIBUTE = re.compile(r'(?P<name>\s(?:href|src|srcset))="(?P<value>[^"]*)"')


def absolutize_urls(value: str, base_url: str) -> str:
    """Return sanitised HTML with its site-relative links and image sources made absolute."""
    origin = base_url.rstrip("/")

    def absolute(url):
        url = url.strip()
        return origin + url if url.startswith("/") and not url.startswith("//") else url

    def rewrite(match):
        name, value = match["name"], match["value"]
        if name.strip() == "srcset":
            candidates = (candidate.strip().split(" ", 1) for candidate in value.split(","))
            value = ", ".join(" ".join([absolute(c[0]), *c[1:]]) for c in candidates if c[0])
        else:
            value = absolute(value)
        return f'{name}="{value}"'

    return LINK_ATTRIBUTE.sub(rewrite, value or "")
