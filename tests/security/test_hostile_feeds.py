"""Hostile text reaches feed readers as text, and a hostile body as nothing live."""

import re
from http import HTTPStatus

import feedparser
import pytest
from django.urls import reverse
from taggit.models import Tag

from tests.factories import AuthorFactory, CategoryFactory, PostFactory
from tests.security.hostile import HOSTILE
from tests.security.markup import live_parts, text_of

pytestmark = pytest.mark.django_db

SCOPES = [
    ("blog:feed", {}),
    ("blog:author-feed", {"slug": "hostile-author"}),
    ("blog:category-feed", {"slug": "hostile-category"}),
    ("blog:tag-feed", {"slug": "hostile-tag"}),
]
FORMATS = {"rss": "", "atom": "-atom"}


def printable(text):
    """Return text as XML can carry it: without the control characters it forbids."""
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", text)


@pytest.fixture(params=HOSTILE, ids=range(len(HOSTILE)))
def hostile(request):
    """A columnist, a category, a tag and a post whose every field a reader sees is hostile."""
    payload = request.param
    author = AuthorFactory(display_name=payload, tagline=payload, slug="hostile-author")
    category = CategoryFactory(name=payload, description=payload, slug="hostile-category")
    Tag.objects.create(name=payload, slug="hostile-tag")
    PostFactory(
        title=payload, excerpt=payload, body=f"<p>{payload}</p>{payload}", author=author,
        category=category, tags=[payload],
    )  # fmt: skip
    return printable(payload)


def fetch(client, name, kwargs, kind):
    response = client.get(reverse(name + FORMATS[kind], kwargs=kwargs))
    assert response.status_code == HTTPStatus.OK
    # Parsed as it arrives: feedparser's own sanitising would hide what a reader gets.
    feed = feedparser.parse(response.content, sanitize_html=False)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def read(detail_or_value, kind):
    """Return what a reader shows of a plain-text field.

    RSS says nothing of its elements' types and readers decode them as HTML; Atom's say
    whether they are text or HTML, and its names and categories are text.
    """
    if isinstance(detail_or_value, str):
        as_html = kind == "rss"
        value = detail_or_value
    else:
        as_html = kind == "rss" or detail_or_value.type == "text/html"
        value = detail_or_value.value
    return text_of(value) if as_html else value


@pytest.mark.parametrize("kind", FORMATS)
@pytest.mark.parametrize(("name", "kwargs"), SCOPES, ids=[name for name, _ in SCOPES])
def test_hostile_text_reaches_feed_readers_as_the_text_typed(
    client, hostile, name, kwargs, kind, settings
):
    feed = fetch(client, name, kwargs, kind)

    [entry] = feed.entries
    assert read(entry.title_detail, kind) == hostile
    assert read(entry.summary_detail, kind) == hostile
    assert read(entry.author, kind) == hostile
    assert {read(tag.term, kind) for tag in entry.tags} == {hostile}  # section and tag
    publication = settings.PUBLICATION_NAME
    feed_titles = {
        "blog:feed": (publication, settings.PUBLICATION_TAGLINE),
        "blog:author-feed": (f"{hostile} Blog — {publication}", hostile),
        "blog:category-feed": (f"{hostile} — {publication}", hostile),
        "blog:tag-feed": (f"Tagged “{hostile}” — {publication}", f"Columns tagged “{hostile}”"),
    }
    title, description = feed_titles[name]
    assert read(feed.feed.title_detail, kind) == title
    assert read(feed.feed.subtitle_detail, kind) == description


@pytest.mark.parametrize("kind", FORMATS)
def test_a_hostile_body_reaches_feed_readers_as_the_sanitised_html_of_the_page(
    client, hostile, kind, settings
):
    settings.FEED_FULL_TEXT = True

    [entry] = fetch(client, "blog:feed", {}, kind).entries

    assert entry.summary_detail.type == "text/html"
    assert live_parts(entry.summary) == []
