"""The tag box's suggestions: existing tags by prefix, the most used first, for writers only."""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse

from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

URL = reverse("admin:blog_post_tag_suggestions")


def suggestions(client, q):
    response = client.get(URL, {"q": q})
    assert response.status_code == HTTPStatus.OK
    return response.json()["tags"]


def test_the_address_is_the_post_admins():
    assert URL == "/admin/blog/post/tags/"
    assert resolve(URL).url_name == "blog_post_tag_suggestions"


def test_existing_tags_matching_the_prefix_come_most_used_first(author_client, other_author):
    for _ in range(3):
        PostFactory(author=other_author, tags=["service desks"])
    PostFactory(author=other_author, tags=["service desks", "Servers", "rotas"])
    PostFactory(author=other_author, tags=["Servers", "security"])

    assert suggestions(author_client, "SER") == ["service desks", "Servers"]
    assert suggestions(author_client, "  se ") == ["service desks", "Servers", "security"]
    assert suggestions(author_client, "") == []
    assert suggestions(author_client, "nothing like it") == []


def test_a_tag_only_on_another_columnists_draft_is_not_suggested(
    author_client, author, other_author
):
    PostFactory(author=other_author, draft=True, tags=["secret merger"])
    PostFactory(author=author, draft=True, tags=["second thoughts"])

    assert suggestions(author_client, "se") == ["second thoughts"]


def test_editors_are_offered_every_tag(editor_client, other_author):
    PostFactory(author=other_author, draft=True, tags=["secret merger"])

    assert suggestions(editor_client, "se") == ["secret merger"]


def test_only_writers_may_ask(moderator_client):
    assert Client().get(URL, {"q": "se"}).status_code == HTTPStatus.FOUND
    assert moderator_client.get(URL, {"q": "se"}).status_code == HTTPStatus.FORBIDDEN


def test_the_same_queries_however_many_tags_there_are(author_client, other_author):
    def count():
        with CaptureQueriesContext(connection) as captured:
            suggestions(author_client, "se")
        return len(captured)

    PostFactory(author=other_author, tags=["setting"])
    few = count()
    for number in range(30):
        PostFactory(author=other_author, tags=[f"setting {number}", f"service {number}"])

    assert count() == few
    assert len(suggestions(author_client, "se")) == 10
