"""Read HTML as a feed reader or a browser would, and say what in it is live."""

import html
import re
from html.parser import HTMLParser

# Elements that run code, take over the page, load from elsewhere or post elsewhere.
LIVE_ELEMENTS = {
    "applet", "base", "embed", "form", "frame", "frameset", "iframe", "link", "math", "meta",
    "object", "script", "style", "svg",
}  # fmt: skip
RUNNING_SCHEMES = ("javascript:", "vbscript:", "data:")
# Browsers ignore these inside an address's scheme.
IGNORED_IN_SCHEMES = re.compile(r"[\x00-\x20]")


class Markup(HTMLParser):
    """Collect the elements of an HTML fragment and whatever of it is live."""

    def __init__(self, value):
        super().__init__(convert_charrefs=True)
        self.elements, self.live = [], []
        self.feed(value)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append(tag)
        if tag in LIVE_ELEMENTS:
            self.live.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.live.append(f"{tag} {name}")
            address = IGNORED_IN_SCHEMES.sub("", value or "").lower()
            if address.startswith(RUNNING_SCHEMES):
                self.live.append(f"{tag} {name}={value}")

    handle_startendtag = handle_starttag

    def handle_decl(self, decl):
        self.elements.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.elements.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.elements.append(f"<![{data}]>")


def live_parts(value):
    """Return what is live in an HTML fragment: scripting elements, handlers, script addresses."""
    return Markup(value).live


def text_of(value):
    """Return the text a reader shows of HTML that ought to hold text only, failing on markup."""
    markup = Markup(value)
    assert markup.elements == [], (value, markup.elements)
    return html.unescape(value)
