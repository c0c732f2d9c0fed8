"""A post's threads are rendered once a content version and shared by readers alike, never
with one reader's own awaiting comments, and a moderator's decision shows at once."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.comments.conftest import comment_data
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db


def test_a_kept_page_of_threads_is_shown_until_content_changes(client, post):
    CommentFactory(post=post, body="The first word.")
    client.get(post.get_absolute_url())

    # Written straight to the table, as nothing in the site does: no content change.
    CommentFactory(post=post, body="Slipped in unseen.")

    page = client.get(post.get_absolute_url()).text
    assert "The first word." in page
    assert "Slipped in unseen." not in page


def test_a_comment_approved_by_a_moderator_shows_to_the_next_reader(client, moderator_client, post):
    CommentFactory(post=post, body="The first word.")
    waiting = CommentFactory(post=post, status="pending", body="Worth the wait.")
    assert "Worth the wait." not in Client().get(post.get_absolute_url()).text

    moderator_client.post(
        reverse("admin:comments_comment_changelist"),
        {"action": "approve", "_selected_action": [waiting.pk]},
    )

    assert "Worth the wait." in Client().get(post.get_absolute_url()).text


def test_a_readers_own_awaiting_comment_is_shown_to_them_alone(client, post):
    CommentFactory(post=post, body="The first word.")
    Client().get(post.get_absolute_url())  # another reader's visit keeps the threads

    client.post(
        reverse("comments:post", kwargs={"pk": post.pk}),
        comment_data(body="My own, awaiting."),
        HTTP_ORIGIN="http://testserver",
    )

    assert "My own, awaiting." in client.get(post.get_absolute_url()).text
    assert "My own, awaiting." not in Client().get(post.get_absolute_url()).text


def test_each_page_of_threads_and_reply_link_is_kept_apart(client, post, settings):
    settings.COMMENTS_PER_PAGE = 1
    CommentFactory(post=post, body="On the first page.")
    CommentFactory(post=post, body="On the second page.")
    client.get(post.get_absolute_url())

    second = client.get(post.get_absolute_url() + "?comments=2").text

    assert "On the second page." in second
    assert "On the first page." not in second
