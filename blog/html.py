"""Keep authors' HTML to the tags a post may carry, embed their videos, derive plain text."""

import html
import re
from urllib.parse import urlsplit

import nh3
from django.utils.html import strip_tags
from django.utils.text import Truncator

from uploads.bodies import figure_dropped_pictures, lift_pictures_out_of_lists

# What the rich-text editor makes (headings, lists, links, tables, figures with images and
# captions), plus the few inline tags older posts and pasted text carry.
ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "dl", "dt",
    "em", "figcaption", "figure", "h2", "h3", "h4", "hr", "i", "img", "ins", "li", "mark",
    "ol", "p", "pre", "s", "small", "strong", "sub", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "u", "ul",
}  # fmt: skip
# Tags dropped with everything inside them: their content is code or controls, never prose.
# Iframes among them: a body's only frames are the video embeds made below, never pasted ones.
REMOVED_WITH_CONTENT = {
    "applet", "audio", "base", "button", "canvas", "embed", "form", "frame", "frameset",
    "head", "iframe", "input", "link", "math", "meta", "noembed", "noframes", "noscript",
    "object", "option", "param", "script", "select", "style", "svg", "template", "textarea",
    "title", "video", "xmp",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    # data-file: the picture's number, for a picture dropped into the editor (uploads.images).
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading", "data-file"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
IMAGE_URL_SCHEMES = {"http", "https"}
BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|pre|td|th|dt|dd|figcaption|div)>", re.I)
LINE_BREAK = re.compile(r"<br\s*/?>", re.I)
# Where a block ends, in text on its way out of HTML (a private-use character).
BOUNDARY = "\ue000"
# Text that already ends a sentence, or leads into what follows.
CLOSED = re.compile(r"[.!?…:;]['’\")\]]*$")


def is_image_url(url: str) -> bool:
    """Say whether url may be an image's source: http(s), or a path on this site."""
    url = url.strip()
    if url.startswith("/") and not url.startswith("//"):
        return True
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in IMAGE_URL_SCHEMES and bool(parts.netloc)


def filter_attribute(tag: str, name: str, value: str) -> str | None:
    """Keep image sources to http(s) and the site's own paths: no data:, no other schemes."""
    if tag == "img" and name == "src":
        return value if is_image_url(value) else None
    if tag == "img" and name == "data-file":
        return value if value.isascii() and value.isdigit() else None
    if tag == "img" and name == "srcset":
        # nh3 checks the schemes of href and src only; srcset carries URLs too.
        urls = [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]
        return value if urls and all(is_image_url(url) for url in urls) else None
    return value


CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags=REMOVED_WITH_CONTENT,
    attributes=ALLOWED_ATTRIBUTES,
    attribute_filter=filter_attribute,
    url_schemes=ALLOWED_URL_SCHEMES,
    link_rel="noopener noreferrer",
    strip_comments=True,
)


def sanitize_html(value: str) -> str:
    """Return value with every tag, attribute and URL scheme outside the allowlist removed."""
    return CLEANER.clean(value or "")


# Video: an address alone in a paragraph becomes a player, built here from the video's id.
YOUTUBE_ID = r"(?P<id>[A-Za-z0-9_-]{11})"
VIMEO_ID = r"(?P<id>[0-9]{1,12})"
# Whatever follows the id in an address (a start time, a playlist): the player ignores it.
REST = r"(?:[?&#]\S*)?"
YOUTUBE_PLAYER = "https://www.youtube-nocookie.com/embed/{id}"
VIMEO_PLAYER = "https://player.vimeo.com/video/{id}?dnt=1"
VIDEO_ADDRESSES = [
    (re.compile(rf"https?://(?:www\.|m\.)?youtube\.com/watch\?(?:\S*?&)?v={YOUTUBE_ID}(?:[&#]\S*)?"),
     YOUTUBE_PLAYER),
    (re.compile(rf"https?://youtu\.be/{YOUTUBE_ID}/?{REST}"), YOUTUBE_PLAYER),
    (re.compile(rf"https?://(?:www\.|m\.)?youtube\.com/shorts/{YOUTUBE_ID}/?{REST}"),
     YOUTUBE_PLAYER),
    (re.compile(rf"https?://(?:www\.)?vimeo\.com/{VIMEO_ID}/?{REST}"), VIMEO_PLAYER),
]  # fmt: skip
# A player's address back to the one an author pastes, so that the editor can show it.
VIDEO_PLAYERS = [
    (re.compile(rf"https://www\.youtube-nocookie\.com/embed/{YOUTUBE_ID}"),
     "https://www.youtube.com/watch?v={id}"),
    (re.compile(rf"https://player\.vimeo\.com/video/{VIMEO_ID}\?dnt=1"),
     "https://vimeo.com/{id}"),
]  # fmt: skip
VIDEO_EMBED = (
    '<figure class="video"><iframe src="{src}" title="Video" loading="lazy" '
    'allow="autoplay; encrypted-media; picture-in-picture" allowfullscreen '
    'referrerpolicy="strict-origin-when-cross-origin" '
    'sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"></iframe></figure>'
)
# Exactly the markup VIDEO_EMBED makes, and nothing else: any other iframe is dropped.
EMBEDDED_VIDEO = re.compile(re.escape(VIDEO_EMBED).replace(re.escape("{src}"), r'(?P<src>[^"<>]+)'))
PARAGRAPH = re.compile(r"<p>(?P<content>[^<]*(?:<a [^>]*>[^<]*</a>[^<]*)?)</p>")
LINK = re.compile(r'<a href="(?P<href>[^"]*)"[^>]*>(?P<text>[^<]*)</a>')


def video_player_url(address: str) -> str | None:
    """Return the privacy-friendly player's address for a YouTube or Vimeo video's address."""
    for pattern, player in VIDEO_ADDRESSES:
        if match := pattern.fullmatch(address.strip()):
            return player.format(id=match["id"])
    return None


def embed_videos(value: str) -> str:
    """Return sanitised HTML with each paragraph holding only a video's address made a player."""

    def embed(match):
        content = match["content"].replace("&nbsp;", " ").strip()
        if link := LINK.fullmatch(content):
            address = html.unescape(link["href"])
            # A link reading otherwise ("watch this") is the author's words: it stays a link.
            if video_player_url(html.unescape(link["text"])) != video_player_url(address):
                return match[0]
        else:
            address = html.unescape(content)
        player = video_player_url(address)
        return VIDEO_EMBED.format(src=html.escape(player)) if player else match[0]

    return PARAGRAPH.sub(embed, value)


def unembed_videos(value: str) -> str:
    """Return HTML with the players embed_videos made back to paragraphs of their addresses."""

    def address(match):
        for pattern, page in VIDEO_PLAYERS:
            if found := pattern.fullmatch(html.unescape(match["src"])):
                return f"<p>{html.escape(page.format(id=found['id']))}</p>"
        return ""

    return EMBEDDED_VIDEO.sub(address, value or "")


def clean_body(value: str) -> str:
    """Return a post's body as stored: sanitised, with its video addresses made players."""
    # Players made on an earlier save go back to addresses first, or sanitising would drop them.
    body = figure_dropped_pictures(sanitize_html(unembed_videos(value)))
    return embed_videos(lift_pictures_out_of_lists(body))


def html_to_text(value: str) -> str:
    """Return the readable text of an HTML fragment on one line. A heading, list item or
    paragraph that ends without punctuation gets a full stop, so that blocks read as sentences
    ("Why it matters. The board…") rather than run together."""
    marked = BLOCK_END.sub(rf"\g<0>{BOUNDARY}", LINE_BREAK.sub(" ", value or ""))
    text = html.unescape(strip_tags(marked))
    blocks = [re.sub(r"\s+", " ", block).strip() for block in text.split(BOUNDARY)]
    blocks = [block for block in blocks if block]
    closed = [b if CLOSED.search(b) else f"{b}." for b in blocks[:-1]]
    return " ".join([*closed, *blocks[-1:]])


def summarize(value: str, words: int = 45) -> str:
    """Return the first words of an HTML fragment as plain text, cut at a word with an ellipsis."""
    return summarize_text(html_to_text(value), words)


def summarize_text(text: str, words: int = 45) -> str:
    """Return the first words of plain text, cut at a word with an ellipsis."""
    return Truncator(text).words(words, truncate="…")


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
