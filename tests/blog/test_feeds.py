import calendar
import datetime
from http import HTTPStatus

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import CategoryFactory, PostFactory

pytestmark = pytest.mark.django_db

FORMATS = {"rss": "", "atom": "-atom"}


@pytest.fixture
def publication(author, other_author):
    """Ada's published post, her draft and scheduled posts beside it, and Olu's post elsewhere."""
    category = CategoryFactory(name="Service strategy", slug="service-strategy")
    published = PostFactory(
        title="Ada's Q&A Column", author=author, category=category,
        tags=["itil", "change"], excerpt="The excerpt of the column.",
        body="<p>The whole body, with <a href=\"/about/\">a link</a>.</p>"
        '<p><img src="/media/posts/chart.png" alt="A chart"></p>',
    )  # fmt: skip
    PostFactory(
        title="Ada's Draft Column", author=author, category=category, tags=["itil"], draft=True
    )
    PostFactory(
        title="Ada's Scheduled Column", author=author, category=category, tags=["itil"],
        scheduled=True,
    )  # fmt: skip
    elsewhere = PostFactory(title="Olu's Column", author=other_author, tags=["supplier"])
    return {"published": published, "elsewhere": elsewhere, "category": category}


def feed_urls(publication):
    """Return each feed's address with the titles it must hold, in both formats."""
    published = publication["published"]
    everything = {published.title, publication["elsewhere"].title}
    scopes = [
        ("blog:feed", {}, everything),
        ("blog:author-feed", {"slug": "ada-author"}, {published.title}),
        ("blog:category-feed", {"slug": "service-strategy"}, {published.title}),
        ("blog:tag-feed", {"slug": "itil"}, {published.title}),
    ]
    return [
        (kind, reverse(name + suffix, kwargs=kwargs), titles)
        for name, kwargs, titles in scopes
        for kind, suffix in FORMATS.items()
    ]


def parse(client, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return response, feed


def as_utc(struct_time):
    return datetime.datetime.fromtimestamp(calendar.timegm(struct_time), tz=datetime.UTC)


def test_every_feed_holds_exactly_its_published_posts(client, publication):
    for kind, url, titles in feed_urls(publication):
        response, feed = parse(client, url)

        assert feed.version == ("rss20" if kind == "rss" else "atom10"), url
        assert {entry.title for entry in feed.entries} == titles, url
        expected_type = "application/rss+xml" if kind == "rss" else "application/atom+xml"
        assert response["Content-Type"].startswith(expected_type), url


def test_feed_items_carry_author_categories_dates_and_absolute_links(client, publication):
    post = publication["published"]
    post.refresh_from_db()
    for kind, url, _titles in feed_urls(publication):
        _response, feed = parse(client, url)
        entry = next(e for e in feed.entries if e.title == post.title)

        assert entry.link == f"http://testserver{post.get_absolute_url()}", url
        assert entry.author == "Ada Author", url
        assert {tag.term for tag in entry.tags} == {"Service strategy", "itil", "change"}, url
        assert as_utc(entry.published_parsed) == post.published_at.replace(microsecond=0), url
        assert entry.summary == "The excerpt of the column.", url
        if kind == "atom":
            # Never corrected: updated is its publication, whatever silent edits came after.
            assert as_utc(entry.updated_parsed) == post.published_at.replace(microsecond=0)
            assert entry.author_detail.href == "http://testserver/authors/ada-author/"
        assert feed.feed.link.startswith("http://testserver/"), url


def test_feeds_describe_their_subject(client, publication):
    _response, site = parse(client, reverse("blog:feed"))
    _response, blog = parse(client, reverse("blog:author-feed-atom", kwargs={"slug": "ada-author"}))

    assert site.feed.title == "The Service Desk Review"
    assert site.feed.link == "http://testserver/"
    assert blog.feed.title == "Ada Author Blog — The Service Desk Review"
    assert blog.feed.subtitle == "Notes from the service desk"
    assert blog.feed.link == "http://testserver/authors/ada-author/"


def test_full_text_setting_puts_the_whole_body_in_the_feed_with_absolute_links(
    client, publication, settings
):
    settings.FEED_FULL_TEXT = True
    for kind, suffix in FORMATS.items():
        url = reverse("blog:author-feed" + suffix, kwargs={"slug": "ada-author"})
        description = parse(client, url)[1].entries[0].summary

        assert "The whole body" in description, kind
        assert "The excerpt of the column." not in description, kind
        assert 'href="http://testserver/about/"' in description, kind
        assert 'src="http://testserver/media/posts/chart.png"' in description, kind


def test_feed_holds_the_latest_twenty_posts(client, author):
    posts = [PostFactory(author=author) for _ in range(22)]

    _response, feed = parse(client, reverse("blog:feed"))

    newest_first = sorted(posts, key=lambda p: p.published_at, reverse=True)
    assert [e.title for e in feed.entries] == [p.title for p in newest_first[:20]]


def test_scheduled_post_enters_the_feed_when_its_time_comes(client, author, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    PostFactory(
        title="The Scheduled Column",
        author=author,
        tags=["itil"],
        published_at=timezone.now() + datetime.timedelta(minutes=10),
    )
    urls = [reverse("blog:feed"), reverse("blog:author-feed-atom", kwargs={"slug": author.slug})]

    time_machine.shift(datetime.timedelta(minutes=9))
    for url in urls:
        assert parse(client, url)[1].entries == [], url

    time_machine.shift(datetime.timedelta(minutes=2))
    for url in urls:
        assert [e.title for e in parse(client, url)[1].entries] == ["The Scheduled Column"], url


@pytest.mark.parametrize("name", ["blog:author-feed", "blog:category-feed", "blog:tag-feed"])
def test_feed_of_something_that_does_not_exist_is_404(client, name):
    assert client.get(reverse(name, kwargs={"slug": "nobody"})).status_code == 404


def test_pages_announce_their_feeds_in_the_head(client, publication):
    post = publication["published"]
    site_rss = 'type="application/rss+xml" title="The Service Desk Review (RSS)" href="/feed/"'
    site_atom = (
        'type="application/atom+xml" title="The Service Desk Review (Atom)" href="/feed/atom/"'  # noqa: E501
    )
    pages = {
        reverse("blog:index"): None,
        post.get_absolute_url(): None,
        "/about/": None,
        post.author.get_absolute_url(): "/authors/ada-author/feed/",
        post.category.get_absolute_url(): "/category/service-strategy/feed/",
        reverse("blog:tag", kwargs={"slug": "itil"}): "/tag/itil/feed/",
    }
    for url, own_feed in pages.items():
        content = client.get(url).text
        head = content.split("</head>")[0]

        assert site_rss in head, url
        assert site_atom in head, url
        if own_feed:
            assert f'href="{own_feed}"' in head, url
            assert f'href="{own_feed}atom/"' in head, url
            # A visible way to subscribe, not only the browser's discovery.
            body = content.split("<main")[1].split("</main>")[0]
            assert f'<a href="{own_feed}" type="application/rss+xml">Subscribe by RSS' in body
