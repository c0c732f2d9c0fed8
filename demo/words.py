"""Read the demo's words from the data files in demo/content/.

Every name, column and quotation there is made up for the demo. typeset() gives prose its
typographic quotes; links inside prose use [[category:<slug>|text]] or [[tag:<slug>|text]],
where the slug "*" means the post's own category, and load_demo turns them into addresses.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

CONTENT = Path(__file__).resolve().parent / "content"
AUTHOR = "AUTHOR"  # in a comment's name: the post's own columnist, answering
EVENT_TAG = "EVENT"  # in a post's tags: the hashtag of that year's conference, e.g. "servicecon26"


def typeset(text: str) -> str:
    """Return text on one line, with curly apostrophes and single quotes."""
    text = " ".join(text.split())
    text = re.sub(r"(^|[\s(“])'", "\\1‘", text)
    return text.replace("'", "’")


def plain_text(text: str) -> str:
    """Return a reader's plain text with each paragraph typeset on one line, a blank line apart."""
    return "\n\n".join(typeset(part) for part in re.split(r"\n\s*\n", text.strip()))


@dataclass(frozen=True)
class Columnist:
    username: str
    first_name: str
    last_name: str
    slug: str
    tagline: str
    introduction: str
    rhythm: str
    is_active: bool = True

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class PostSpec:
    title: str
    author: str  # a columnist's slug
    category: str  # a category's slug
    tags: tuple[str, ...]
    lead: str
    days_ago: int | None  # None: a draft; negative: scheduled for the future
    excerpt: str = ""
    is_featured: bool = False
    has_image: bool = False
    coauthors: tuple[str, ...] = ()  # columnists' slugs, named after the author
    series: str = ""  # a series' slug
    part: int | None = None  # its number in the series


@dataclass(frozen=True)
class SeriesSpec:
    name: str
    slug: str
    author: str  # a columnist's slug
    description: str = ""


@dataclass(frozen=True)
class CommentSpec:
    name: str  # a reader's first name, or AUTHOR
    body: str  # plain text; a blank line starts a new paragraph
    location: str = ""  # the place a reader signs with; blank for the columnist
    replies: tuple["CommentSpec", ...] = ()


@dataclass(frozen=True)
class HeldComment:
    post: str  # the title of the post it answers
    minutes_ago: int
    comment: CommentSpec


@dataclass(frozen=True)
class Demo:
    """The demo publication's words, as load_demo uses them."""

    event: str
    event_days_ago: int
    categories: list[tuple[str, str, str]]  # (name, slug, description)
    tags: list[str]
    staff: list[tuple[str, str, str, str]]  # (username, first name, last name, group)
    superuser: str
    columnists: list[Columnist]
    series: list[SeriesSpec]
    published: list[PostSpec]
    scheduled: list[PostSpec]
    drafts: list[PostSpec]
    sections: dict[str, list[tuple[str, str]]]  # (subheading, paragraph) by category
    lists: dict[str, list[tuple[str, tuple[str, ...]]]]  # (introduction, items) by category
    quotes: dict[str, list[tuple[str, str]]]  # (quotation, who said it) by category
    closers: list[str]
    comments: dict[str, list[CommentSpec]]  # approved, by post title
    pending: list[HeldComment]  # the newest first
    spam: list[HeldComment]

    @property
    def usernames(self) -> list[str]:
        return [
            *(c.username for c in self.columnists),
            *(username for username, *_ in self.staff),
            self.superuser,
        ]

    def event_tag(self, year: int) -> str:
        """Name the conference hashtag of a year, the way attendees type it."""
        return f"{self.event.lower()}{year % 100:02d}"


def read(name: str):
    """Return the parsed data file demo/content/<name>.yaml."""
    with (CONTENT / f"{name}.yaml").open(encoding="utf-8") as file:
        return yaml.safe_load(file)


def comment_spec(data: dict) -> CommentSpec:
    replies = tuple(comment_spec(reply) for reply in data.get("replies", ()))
    return CommentSpec(data["name"], data["body"], data.get("location", ""), replies)


def held(entries: list[dict]) -> list[HeldComment]:
    return [
        HeldComment(entry.pop("post"), entry.pop("minutes_ago"), comment_spec(entry))
        for entry in entries
    ]


@cache
def demo() -> Demo:
    """Return the demo publication's words, read once."""
    publication, posts, prose, comments = map(read, ["publication", "posts", "prose", "comments"])

    def specs(entries):
        return [
            PostSpec(
                **{
                    **entry,
                    "tags": tuple(entry["tags"]),
                    "coauthors": tuple(entry.get("coauthors", ())),
                }
            )
            for entry in entries
        ]

    return Demo(
        event=publication["event"]["name"],
        event_days_ago=publication["event"]["days_ago"],
        categories=[(c["name"], c["slug"], c["description"]) for c in publication["categories"]],
        tags=publication["tags"],
        staff=[
            (s["username"], s["first_name"], s["last_name"], s["group"])
            for s in publication["staff"]
        ],
        superuser=publication["superuser"],
        columnists=[Columnist(**entry) for entry in read("columnists")],
        series=[SeriesSpec(**entry) for entry in posts.get("series", ())],
        published=specs(posts["published"]),
        scheduled=specs(posts["scheduled"]),
        drafts=specs(posts["drafts"]),
        sections={
            key: [(s["heading"], s["text"]) for s in items]
            for key, items in prose["sections"].items()
        },
        lists={
            key: [(entry["intro"], tuple(entry["items"])) for entry in items]
            for key, items in prose["lists"].items()
        },
        quotes={
            key: [(entry["quote"], entry["source"]) for entry in items]
            for key, items in prose["quotes"].items()
        },
        closers=prose["closers"],
        comments={
            title: [comment_spec(entry) for entry in entries]
            for title, entries in comments["approved"].items()
        },
        pending=held(comments["pending"]),
        spam=held(comments["spam"]),
    )


@cache
def synthetic() -> dict:
    """Return the vocabulary of generate_publication's synthetic publication, read once."""
    words = read("synthetic")
    words["categories"] = [(c["name"], c["description"]) for c in words["categories"]]
    words["quotes"] = [(q["quote"], q["source"]) for q in words["quotes"]]
    return words
