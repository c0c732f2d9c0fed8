"""Make the plain text readers type (comments, names, notes) safe to store and to show.

Shared by comments and readers; it depends on Django alone.
"""

import re
import unicodedata

from django import forms
from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe

# Control characters and bidirectional overrides: invisible, and able to disguise text.
UNSAFE_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
LINK = re.compile(r"https?://|www\.", re.IGNORECASE)
# What urlize would turn into a link: addresses, bare domains and email addresses.
LINKABLE = re.compile(r"https?://|www\.|@|\.(com|org|net|io|uk|edu|gov)\b", re.IGNORECASE)
# What a mail client may make a link of: a scheme, www., an email address, a bare domain
# ("evil.com/pay", any top-level domain, the full stops of other scripts too) or an IP address.
DOT = r"[.\u3002\uff0e\uff61]"
MAIL_LINKABLE = re.compile(
    rf"\b(?:https?|ftp|mailto|tel|sms|file|news|irc|javascript|data):|www{DOT}|\S@\S"
    rf"|\b\w[\w-]*(?:{DOT}[\w-]+)*{DOT}(?!\d+\b)[^\W\d_]{{2,}}\b"
    rf"|\b\d{{1,3}}(?:{DOT}\d{{1,3}}){{3}}\b",
    re.IGNORECASE,
)
# Combining marks kept on one character: enough for any language (Vietnamese stacks two),
# too few to draw over the lines above.
MAX_COMBINING_MARKS = 4
COMBINING_RUN = re.compile(r"([\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a"
                           r"\u064b-\u065f\u0e31-\u0e3a\u0e47-\u0e4e\u1ab0-\u1aff"
                           r"\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+)")  # fmt: skip


def clean_text(value: str) -> str:
    """Return value normalised, without control or direction-override characters, and with
    at most MAX_COMBINING_MARKS marks stacked on any character."""
    # Marks are counted decomposed, so that "Ź" counts its accent as one of them.
    value = limit_combining_marks(unicodedata.normalize("NFD", value or ""))
    value = UNSAFE_CHARACTERS.sub("", unicodedata.normalize("NFC", value))
    return value.replace("\r\n", "\n").strip()


def limit_combining_marks(value: str) -> str:
    """Return value with each run of combining marks cut to MAX_COMBINING_MARKS."""
    if not COMBINING_RUN.search(value):
        return value
    return COMBINING_RUN.sub(lambda run: run[1][:MAX_COMBINING_MARKS], value)


def mail_linkable(value: str) -> str:
    """Return the first part of value a mail client could turn into a link, or ""."""
    match = MAIL_LINKABLE.search(unicodedata.normalize("NFKC", value or ""))
    return match[0] if match else ""


class PlainTextField(forms.CharField):
    """A text box whose line breaks count as one character each, as the reader sees them.

    Browsers send each line break of a textarea as CR LF: counted as sent, 10,000 characters
    typed with 99 line breaks would be refused as 10,099.
    """

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n") if value else value


def count_links(value: str) -> int:
    """Return how many web addresses value holds."""
    return len(LINK.findall(value or ""))


def render_plain_text(value: str) -> str:
    """Render plain text as escaped paragraphs with URLs as links readers can trust less."""
    if not LINKABLE.search(value):
        # Most texts hold no address: escaping alone is much cheaper than urlize.
        return mark_safe(linebreaks(value, autoescape=True))  # noqa: S308 - escaped by linebreaks
    linked = urlize(value, trim_url_limit=60, nofollow=True, autoescape=True)
    linked = linked.replace('rel="nofollow"', 'rel="nofollow ugc"')
    return mark_safe(linebreaks(linked, autoescape=False))  # noqa: S308 - escaped by urlize
