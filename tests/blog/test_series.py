"""Series: published parts in their order, "Part 2 of 5" on each, and the next part announced
by its number alone until it is public."""

import datetime
import re
from http import HTTPStatus

import feedparser
import pytest
import time_machine
from django.db import IntegrityError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from blog.models import Post, Series
from edge import tags
from edge.state import content_changed
from tests.authors.test_admin import change_url, post_form
from tests.factories import AuthorFactory, PostFactory, SeriesFactory

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Zanzibar outsourcing reckoning"


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def series(author):
    """Ada's series of five planned parts: 1, 2 and 4 published, 3 a draft, 5 scheduled."""
    run = SeriesFactory(
        name="Service desks revisited",
        slug="service-desks-revisited",
        author=author,
        description="A series of regular follow-up articles.",
    )
    parts = {
        1: PostFactory(title="Revisited: the queue", published_at=days_ago(30)),
        2: PostFactory(title="Revisited: the people", published_at=days_ago(20)),
        3: PostFactory(title=SECRET_TITLE, body=f"<p>{SECRET_TITLE} soon</p>", draft=True),
        4: PostFactory(title="Revisited: the tools", published_at=days_ago(10)),
        5: PostFactory(title="Revisited: the ending", scheduled=True),
    }
    for number, post in parts.items():
        post.author, post.series, post.series_part = author, run, number
        post.save()
    run.parts = parts
    return run  # fmt: skip


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def test_the_series_page_lists_published_parts_in_order_and_announces_the_next(client, series):
    page = client.get(reverse("blog:series", kwargs={"slug": series.slug})).text
    text = text_of(page)

    titles = ["Revisited: the queue", "Revisited: the people", "Revisited: the tools"]
    assert [text.index(title) for title in titles] == sorted(text.index(t) for t in titles)
    assert "Coming next: part 3" in text
    assert "3 of 5 parts published" in text
    assert "A series of regular follow-up articles." in text
    assert "Revisited: the ending" not in page
    assert 'href="/series/service-desks-revisited/feed/"' in page


def test_a_published_part_shows_its_place_and_links_to_the_other_parts(client, series):
    second = series.parts[2]

    page = client.get(second.get_absolute_url()).text
    text = text_of(page)

    assert "Part 2 of 5 in the series Service desks revisited" in text
    assert f'href="{series.parts[1].get_absolute_url()}"' in page
    assert f'href="{series.parts[4].get_absolute_url()}"' in page
    assert 'href="/series/service-desks-revisited/"' in page
    assert "Coming next: part 3" in text
    assert "Revisited: the ending" not in page


def public_addresses(series):
    author_slug = series.author.slug
    return [
        reverse("blog:index"),
        reverse("blog:series", kwargs={"slug": series.slug}),
        reverse("blog:series-feed", kwargs={"slug": series.slug}),
        reverse("blog:series-feed-atom", kwargs={"slug": series.slug}),
        reverse("blog:feed"),
        reverse("blog:feed-atom"),
        reverse("blog:author", kwargs={"slug": author_slug}),
        reverse("blog:author-feed", kwargs={"slug": author_slug}),
        reverse("blog:author-feed-atom", kwargs={"slug": author_slug}),
        reverse("blog:sitemap"),
        reverse("blog:search") + "?q=Zanzibar",
        reverse("blog:search") + "?q=revisited",
        *(series.parts[n].get_absolute_url() for n in (1, 2, 4)),
    ]


def test_the_unpublished_parts_title_appears_on_no_public_page_feed_or_search(client, series):
    for address in public_addresses(series):
        response = client.get(address)
        assert response.status_code == HTTPStatus.OK, address
        assert SECRET_TITLE not in response.text, address
        assert "Revisited: the ending" not in response.text, address
    # Its words find nothing either (the page repeats only what the reader typed).
    found = client.get(reverse("blog:search"), {"q": "Zanzibar"}).text
    assert "card__title" not in found


def test_the_series_feeds_carry_the_published_parts_only(client, series):
    for name in ("blog:series-feed", "blog:series-feed-atom"):
        feed = feedparser.parse(client.get(reverse(name, kwargs={"slug": series.slug})).content)

        assert not feed.bozo, feed.bozo_exception
        assert feed.feed.title.startswith("Service desks revisited")
        assert sorted(entry.title for entry in feed.entries) == [
            "Revisited: the people", "Revisited: the queue", "Revisited: the tools",
        ]  # fmt: skip


def test_a_scheduled_part_appears_when_its_time_comes(client, series):
    fifth = series.parts[5]
    with time_machine.travel(fifth.published_at + datetime.timedelta(minutes=1)):
        page = text_of(client.get(reverse("blog:series", kwargs={"slug": series.slug})).text)

    assert "Revisited: the ending" in page
    assert "Coming next: part 3" in page


def test_every_part_published_leaves_nothing_coming(client, series):
    series.parts[3].publish()
    series.parts[5].publish(at=days_ago(1))

    page = text_of(client.get(series.parts[5].get_absolute_url()).text)

    assert "Part 5 of 5" in page
    assert "Coming next" not in page
    assert SECRET_TITLE in page  # public now, listed with the others


def test_a_series_with_nothing_published_yet_says_so(client, author):
    run = SeriesFactory(author=author, slug="soon")
    PostFactory(author=author, series=run, series_part=1, draft=True, title=SECRET_TITLE)

    page = text_of(client.get(reverse("blog:series", kwargs={"slug": "soon"})).text)

    assert "The first part of this series is still to come." in page
    assert "Coming next: part 1" in page
    assert "Zanzibar" not in page


def test_an_unknown_series_is_not_found(client):
    assert client.get(reverse("blog:series", kwargs={"slug": "nope"})).status_code == 404
    assert client.get(reverse("blog:series-feed", kwargs={"slug": "nope"})).status_code == 404


def test_a_preview_of_the_coming_part_shows_its_place_to_its_author(author_client, series):
    third = series.parts[3]

    page = text_of(author_client.get(reverse("blog:preview", kwargs={"pk": third.pk})).text)

    assert "Part 3 of 5 in the series Service desks revisited" in page


def make_parts(series, count, start=1):
    for number in range(start, start + count):
        PostFactory(author=series.author, series=series, series_part=number, category=None)


@pytest.mark.parametrize("page", ["series", "post"])
def test_series_and_post_pages_cost_the_same_queries_with_few_or_many_parts(
    author, page, django_assert_max_num_queries
):
    run = SeriesFactory(author=author, slug="long-run")
    # Enough of the author's columns around the parts that the page's other links are full.
    PostFactory.create_batch(6, author=author, category=None)
    make_parts(run, 3)
    PostFactory(author=author, series=run, series_part=30, draft=True)

    def address():
        if page == "series":
            return reverse("blog:series", kwargs={"slug": "long-run"})
        return Post.objects.get(series=run, series_part=1).get_absolute_url()

    def count():
        content_changed()  # as every change made in the admin does: nothing kept
        client = Client()
        with django_assert_max_num_queries(20) as first:
            client.get(address())
        with django_assert_max_num_queries(12) as kept:
            client.get(address())
        return len(first.captured_queries), len(kept.captured_queries)

    few = count()
    make_parts(run, 9, start=4)
    assert count() == few


def test_a_part_number_is_taken_once_per_series(author, series):
    with pytest.raises(IntegrityError):
        PostFactory(author=author, series=series, series_part=2)


def test_the_post_form_names_the_part_number_taken_and_keeps_the_rest(author_client, series):
    post = PostFactory(author=series.author, title="My new part")
    data = post_form(post, series=series.pk, series_part=2, body="<p>Kept words</p>")

    response = author_client.post(change_url(post), data)

    assert response.status_code == HTTPStatus.OK
    assert "The series has a part 2 already: choose another number." in response.text
    assert "Kept words" in response.text
    post.refresh_from_db()
    assert post.series is None


def test_a_part_without_its_number_is_refused_with_a_message(author_client, series):
    post = PostFactory(author=series.author)

    response = author_client.post(change_url(post), post_form(post, series=series.pk))

    assert "Give the post&#x27;s part number in the series, 1 for the first." in response.text


def test_a_columnist_adds_a_post_to_their_series_but_not_to_anothers(author_client, author, series):
    others = SeriesFactory(author=AuthorFactory(), name="Olu's series")
    post = PostFactory(author=author)

    response = author_client.post(
        change_url(post), post_form(post, series=others.pk, series_part=1)
    )
    assert "Select a valid choice" in response.text
    form = author_client.get(change_url(post)).text
    assert "Olu&#x27;s series" not in form

    response = author_client.post(
        change_url(post), post_form(post, series=series.pk, series_part=6)
    )
    assert response.status_code == HTTPStatus.FOUND
    post.refresh_from_db()
    assert (post.series, post.series_part) == (series, 6)


def test_saving_a_draft_part_purges_the_series_pages(
    author_client,
    series,
    varnish,  # noqa: F811 (the fixture imported above)
    django_capture_on_commit_callbacks,
):
    draft = series.parts[3]
    with django_capture_on_commit_callbacks(execute=True):
        author_client.post(change_url(draft), post_form(draft, title="Still secret"))

    [purged] = varnish.purged_tags()
    assert tags.series(series.pk) in purged


def test_renaming_a_series_purges_its_pages_and_shows_at_once(
    editor_client,
    series,
    varnish,  # noqa: F811 (the fixture imported above)
    django_capture_on_commit_callbacks,
):
    reader = Client()
    reader.get(series.parts[1].get_absolute_url())
    data = {
        "name": "Desks, again", "slug": series.slug, "author": series.author_id,
        "description": "",
    }  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(change_url(series), data)

    assert response.status_code == HTTPStatus.FOUND
    assert tags.series(series.pk) in varnish.purged_tags()[0]
    assert "in the series Desks, again" in text_of(
        reader.get(series.parts[1].get_absolute_url()).text
    )


def test_a_columnist_keeps_their_own_series_only(client, author, series):
    others = SeriesFactory(author=AuthorFactory(), name="Olu's series")
    client.force_login(author.user)

    listing = client.get(reverse("admin:blog_series_changelist")).text
    assert "Service desks revisited" in listing
    assert "Olu&#x27;s series" not in listing
    assert client.get(change_url(others)).status_code == HTTPStatus.FOUND  # "missing"

    response = client.post(
        reverse("admin:blog_series_add"),
        {"name": "Mine", "slug": "mine", "author": others.author_id, "description": ""},
    )
    assert response.status_code == HTTPStatus.FOUND
    assert Series.objects.get(slug="mine").author == author
