from http import HTTPStatus

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from blog import slots
from tests.factories import CommentFactory, PostFactory

pytestmark = pytest.mark.django_db

# What comments and readers put on blog's pages.
FROM_COMMENTS = ['id="comments"', "1 comment</a>"]
FROM_READERS = ["Add to MY Review", "Send to a colleague", "Follow Ada Author"]


@pytest.fixture
def commented_post(author):
    post = PostFactory(title="Queues on a Monday", author=author)
    CommentFactory(post=post)
    return post


@pytest.fixture
def without_comments_and_readers(monkeypatch):
    """Leave every slot empty, as if neither comments nor readers were installed."""
    monkeypatch.setattr(slots, "FILLED", {name: [] for name in slots.SLOTS})


def test_comments_and_readers_fill_the_post_page_and_the_cards(client, commented_post):
    post_page = client.get(commented_post.get_absolute_url()).text
    cards = client.get(reverse("blog:index")).text

    for html in FROM_COMMENTS + FROM_READERS:
        assert html in post_page + cards
    assert "1 comment</a>" in cards


@pytest.mark.usefixtures("without_comments_and_readers")
def test_the_post_page_stands_without_comments_and_readers(client, commented_post):
    response = client.get(commented_post.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    assert "Queues on a Monday" in response.text
    assert "About Ada Author" in response.text
    for html in FROM_COMMENTS + FROM_READERS:
        assert html not in response.text


@pytest.mark.usefixtures("without_comments_and_readers")
@pytest.mark.parametrize("page", ["blog:index", "blog:search"])
def test_cards_stand_without_comments_and_readers(client, commented_post, page):
    response = client.get(reverse(page), {"q": "Monday"})

    assert response.status_code == HTTPStatus.OK
    assert "Queues on a Monday" in response.text
    for html in FROM_COMMENTS + FROM_READERS:
        assert html not in response.text


@pytest.mark.usefixtures("without_comments_and_readers")
def test_a_columnists_blog_stands_without_readers(client, commented_post):
    response = client.get(commented_post.author.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    assert "Follow Ada Author" not in response.text


def test_apps_fill_only_the_slots_blog_offers():
    with pytest.raises(ImproperlyConfigured):
        slots.fill("sidebar", "readers/slots/sidebar.html")
