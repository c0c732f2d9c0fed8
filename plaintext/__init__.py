"""Make the plain text readers type (comments, names, notes) safe to store and to show.

Shared by comments and readers; it depends on Django alone.
"""

import re
import unicodedata

from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe

# Control characters and bidirectional overrides: invisible, and able to disguise text.
UNSAFE_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
LINK = re.compile(r"https?://|www\.", re.IGNORECASE)
# What urlize would turn into a link: addresses, bare domains and email addresses.
LINKABLE = re.compile(r"https?://|www\.|@|\.(com|org|net|io|uk|edu|gov)\b", re.IGNORECASE)


def clean_text(value: str) -> str:
    """Return value normalised, without control or direction-override characters."""
    value = unicodedata.normalize("NFC", value or "")
    return UNSAFE_CHARACTERS.sub("", value).replace("\r\n", "\n").strip()


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
