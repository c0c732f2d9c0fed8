"""A scheduled post appears by itself when its time comes, everywhere readers look."""

import datetime
from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.factories import CategoryFactory, PostFactory

pytestmark = pytest.mark.django_db

PUBLICATION_TIME = datetime.datetime(2030, 12, 3, 9, 0, tzinfo=datetime.UTC)
TITLE = "Quokkas in the change advisory board"


@pytest.fixture
def scheduled_post(author, time_machine):
    time_machine.move_to(PUBLICATION_TIME - datetime.timedelta(days=1), tick=False)
    category = CategoryFactory(name="Service transition", slug="service-transition")
    return PostFactory(
        title=TITLE,
        author=author,
        category=category,
        tags=["quokka"],
        published_at=PUBLICATION_TIME,
    )


def listing_urls(post):
    """Return every public address that lists the post once it is published."""
    day = post.published_at
    names = [
        ("blog:index", {}),
        ("blog:author", {"slug": post.author.slug}),
        ("blog:category", {"slug": post.category.slug}),
        ("blog:tag", {"slug": "quokka"}),
        ("blog:archive-year", {"year": day.year}),
        ("blog:archive-month", {"year": day.year, "month": f"{day.month:02d}"}),
        ("blog:feed", {}),
        ("blog:feed-atom", {}),
        ("blog:author-feed", {"slug": post.author.slug}),
        ("blog:author-feed-atom", {"slug": post.author.slug}),
        ("blog:category-feed", {"slug": post.category.slug}),
        ("blog:category-feed-atom", {"slug": post.category.slug}),
        ("blog:tag-feed", {"slug": "quokka"}),
        ("blog:tag-feed-atom", {"slug": "quokka"}),
    ]
    return [reverse(name, kwargs=kwargs) for name, kwargs in names] + [
        reverse("blog:search") + "?q=quokkas"
    ]


def test_a_scheduled_post_is_hidden_until_its_time_then_everywhere(
    client, scheduled_post, time_machine
):
    time_machine.move_to(PUBLICATION_TIME - datetime.timedelta(minutes=1), tick=False)

    assert client.get(scheduled_post.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    for url in listing_urls(scheduled_post):
        response = client.get(url)
        # A date archive with nothing public in it is a 404 of its own.
        assert response.status_code in (HTTPStatus.OK, HTTPStatus.NOT_FOUND), url
        assert TITLE not in response.content.decode(), url

    time_machine.move_to(PUBLICATION_TIME + datetime.timedelta(minutes=1), tick=False)

    assert client.get(scheduled_post.get_absolute_url()).status_code == HTTPStatus.OK
    for url in listing_urls(scheduled_post):
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        assert TITLE in response.content.decode(), url


def test_the_preview_shows_a_scheduled_post_to_its_author_before_its_time(
    client, scheduled_post, time_machine
):
    time_machine.move_to(PUBLICATION_TIME - datetime.timedelta(minutes=1), tick=False)
    client.force_login(scheduled_post.author.user)

    response = client.get(reverse("blog:preview", kwargs={"pk": scheduled_post.pk}))

    assert response.status_code == HTTPStatus.OK
    assert "It is scheduled for 3 December 2030, 09:00." in response.text
