"""Moderators decide in the admin; authors read the comments on their own posts."""

import datetime
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment
from tests.factories import CommentFactory, PostFactory

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:comments_comment_changelist")


def act(client, action, comments):
    return client.post(
        QUEUE, {"action": action, "_selected_action": [c.pk for c in comments]}, follow=True
    )


def test_the_queue_opens_on_pending_comments_oldest_first(moderator_client, post):
    now = timezone.now()
    newer = CommentFactory(post=post, status="pending", body="Newer one", created_at=now)
    older = CommentFactory(
        post=post, status="pending", body="Older one", created_at=now - datetime.timedelta(hours=3)
    )
    CommentFactory(post=post, status="approved", body="Already decided")

    response = moderator_client.get(QUEUE)

    assert response.status_code == HTTPStatus.OK
    assert list(response.context["cl"].result_list) == [older, newer]
    content = response.text
    assert "Already decided" not in content
    assert older.email in content
    assert older.ip_address in content
    assert "3\xa0hours" in content


def test_the_queue_shows_how_many_earlier_comments_were_approved(moderator_client, post):
    CommentFactory.create_batch(2, post=post, email="regular@example.com")
    CommentFactory(post=post, email="regular@example.com", status="rejected")
    waiting = CommentFactory(post=post, email="regular@example.com", status="pending")

    response = moderator_client.get(QUEUE)

    row = next(c for c in response.context["cl"].result_list if c.pk == waiting.pk)
    assert row.approved_count == 2


@pytest.mark.parametrize(
    ("action", "status"),
    [("approve", "approved"), ("reject", "rejected"), ("mark_spam", "spam")],
)
def test_bulk_decisions_change_exactly_the_selected_and_record_the_moderator(
    moderator_client, moderator, post, action, status
):
    chosen = CommentFactory.create_batch(2, post=post, status="pending")
    untouched = CommentFactory(post=post, status="pending")

    act(moderator_client, action, chosen)

    for comment in chosen:
        comment.refresh_from_db()
        assert comment.status == status
        assert comment.decided_by == moderator
        assert comment.decided_at is not None
    untouched.refresh_from_db()
    assert untouched.status == "pending"
    assert untouched.decided_by is None


def test_a_moderator_decides_one_comment_from_its_page(moderator_client, moderator, post):
    comment = CommentFactory(post=post, status="pending", body="Original words")
    url = reverse("admin:comments_comment_change", args=[comment.pk])

    response = moderator_client.post(url, {"_approve": "", "body": "Rewritten"})

    assert response.status_code == HTTPStatus.FOUND
    comment.refresh_from_db()
    assert (comment.status, comment.decided_by, comment.body) == (
        "approved", moderator, "Original words",
    )  # fmt: skip


def test_an_approved_comment_appears_for_everyone(moderator_client, post):
    comment = CommentFactory(post=post, status="pending", body="Worth reading")
    assert "Worth reading" not in Client().get(post.get_absolute_url()).text

    act(moderator_client, "approve", [comment])

    assert "Worth reading" in Client().get(post.get_absolute_url()).text


def test_an_author_reads_comments_on_their_own_posts_only(author_client, post, other_author):
    CommentFactory(post=post, status="pending", body="On my post")
    CommentFactory(post=PostFactory(author=other_author), status="pending", body="On theirs")

    response = author_client.get(QUEUE)

    assert response.status_code == HTTPStatus.OK
    assert "On my post" in response.text
    assert "On theirs" not in response.text


def test_an_author_cannot_moderate_even_on_their_own_posts(author_client, post, other_author):
    mine = CommentFactory(post=post, status="pending")
    theirs = CommentFactory(post=PostFactory(author=other_author), status="pending")

    act(author_client, "approve", [mine, theirs])
    author_client.post(reverse("admin:comments_comment_change", args=[mine.pk]), {"_approve": ""})

    assert set(Comment.objects.values_list("status", flat=True)) == {"pending"}


def test_the_admin_index_tells_moderators_what_waits_and_for_how_long(moderator_client, post):
    CommentFactory(
        post=post, status="pending", created_at=timezone.now() - datetime.timedelta(hours=5)
    )
    CommentFactory(post=post, status="pending")

    content = moderator_client.get(reverse("admin:index")).text

    assert "2 comments await moderation" in content
    assert "the oldest has waited 5\xa0hours" in content


def test_moderators_keep_blocklists_in_the_admin(moderator_client, moderator):
    response = moderator_client.post(
        reverse("admin:comments_blockrule_add"),
        {"kind": "ip", "value": "203.0.113.0/24", "note": "Flood on Monday"},
    )

    assert response.status_code == HTTPStatus.FOUND
    rule = moderator.blockrule_set.get()
    assert rule.value == "203.0.113.0/24"


def test_a_blocklist_ip_rule_must_be_an_address_or_network(moderator_client):
    response = moderator_client.post(
        reverse("admin:comments_blockrule_add"), {"kind": "ip", "value": "not-an-ip"}
    )

    assert response.status_code == HTTPStatus.OK
    assert "Enter an IP address or a network." in response.text
