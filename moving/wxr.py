"""Read a WordPress export (WXR 1.1 or 1.2) as a stream of plain records, safely.

The parser is defusedxml's: a DTD (and with it every entity, billion laughs and external
files alike) is refused. Elements are cleared once read, so that memory stays flat however
long the export; a line longer than MAX_LINE_BYTES is refused before it is held in memory.
"""

from dataclasses import dataclass, field
from datetime import datetime

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, iterparse
from django.utils import timezone

# A body of a few megabytes on one line happens; a line of hundreds does not.
MAX_LINE_BYTES = 64 * 1024 * 1024
READ_SIZE = 64 * 1024
# What WordPress writes for a date it has not set (a draft's).
NO_DATE = "0000-00-00 00:00:00"

# What Masthead's own exports add, which WordPress ignores (see moving/exporter.py).
MASTHEAD_NAMESPACE = "https://masthead.invalid/wxr/1.0/"
NAMESPACES = {
    MASTHEAD_NAMESPACE: "masthead",
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
# The children of <channel> read as records; the rest of the channel is its header.
RECORDS = {"wp:author", "wp:category", "wp:tag", "wp:term", "item"}


class WXRError(Exception):
    """The file is not a WordPress export that may be read safely."""


def local_name(tag: str) -> str:
    """Return an element's name as WXR writes it: "wp:post_id", "content:encoded", "title"."""
    if not tag.startswith("{"):
        return tag
    uri, name = tag[1:].split("}", 1)
    if uri.startswith("http://wordpress.org/export/"):
        return f"{'excerpt' if uri.endswith('/excerpt/') else 'wp'}:{name}"
    return f"{NAMESPACES.get(uri, uri)}:{name}"


class LineLimitedReader:
    """Hand the parser a file's bytes, refusing a line longer than the limit."""

    def __init__(self, file, limit: int):
        self.file = file
        self.limit = limit
        self.run = 0

    def read(self, size: int = READ_SIZE) -> bytes:
        chunk = self.file.read(min(size, READ_SIZE) if size and size > 0 else READ_SIZE)
        newline = chunk.rfind(b"\n")
        self.run = len(chunk) - newline - 1 if newline >= 0 else self.run + len(chunk)
        if self.run > self.limit:
            raise WXRError(
                f"A line of the file is longer than {self.limit:,} bytes: this is not a "
                "WordPress export, or it is damaged."
            )
        return chunk


@dataclass
class Record:
    """One child of <channel>: an author, a term, or an item with its comments and metadata."""

    kind: str
    fields: dict = field(default_factory=dict)
    categories: list = field(default_factory=list)  # (domain, nicename, name)
    meta: dict = field(default_factory=dict)
    comments: list = field(default_factory=list)

    def get(self, name: str, default: str = "") -> str:
        return self.fields.get(name, default)


def record_of(element) -> Record:
    """Return the record an element of <channel> holds, reading its children once."""
    record = Record(kind=local_name(element.tag))
    for child in element:
        name = local_name(child.tag)
        if name == "category":
            record.categories.append(
                (child.get("domain", ""), child.get("nicename", ""), (child.text or "").strip())
            )
        elif name == "wp:postmeta":
            values = {local_name(c.tag): c.text or "" for c in child}
            record.meta[values.get("wp:meta_key", "")] = values.get("wp:meta_value", "")
        elif name == "wp:comment":
            comment = {}
            for c in child:
                if local_name(c.tag) != "wp:commentmeta":
                    comment[local_name(c.tag)] = c.text or ""
            record.comments.append(comment)
        else:
            record.fields[name] = child.text or ""
    return record


class WXRReader:
    """Iterate over the records of an export; the channel's header fills self.header."""

    def __init__(self, path, *, max_line_bytes: int | None = None):
        self.path = path
        self.max_line_bytes = max_line_bytes or MAX_LINE_BYTES
        self.header: dict = {}

    def __iter__(self):
        with open(self.path, "rb") as file:
            reader = LineLimitedReader(file, self.max_line_bytes)
            try:
                yield from self.records(reader)
            except DefusedXmlException as exc:
                raise WXRError(
                    "The file declares a DTD or entities, which a WordPress export never "
                    f"does; it was refused unread ({type(exc).__name__})."
                ) from exc
            except ParseError as exc:
                raise WXRError(f"The file is not well-formed XML (truncated?): {exc}.") from exc

    def records(self, reader):
        stack = []
        seen_rss = False
        for event, element in iterparse(reader, events=("start", "end"), forbid_dtd=True):
            if event == "start":
                if not stack and local_name(element.tag) != "rss":
                    raise WXRError("The file is XML but not an RSS document: not a WXR export.")
                seen_rss = True
                stack.append(element)
                continue
            stack.pop()
            depth = len(stack)
            name = local_name(element.tag)
            if depth == 2 and name in RECORDS:
                yield record_of(element)
                # Forget what was read: the channel keeps no children, memory stays flat.
                element.clear()
                del stack[1][:]
            elif depth == 2:
                self.header[name] = (element.text or "").strip()
                element.clear()
        if not seen_rss:
            raise WXRError("The file is empty.")
        if "wp:wxr_version" not in self.header:
            raise WXRError("The file has no wp:wxr_version: it is not a WordPress export.")


def wordpress_time(value: str, gmt: str = "") -> datetime | None:
    """Return a WordPress date ("2019-03-05 10:00:00"), in GMT if given, else local time."""
    for text, zone in ((gmt, timezone.UTC), (value, timezone.get_current_timezone())):
        text = (text or "").strip()
        if text and text != NO_DATE:
            try:
                return datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=zone)
            except ValueError:
                continue
    return None
