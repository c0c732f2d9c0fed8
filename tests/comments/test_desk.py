"""The moderation desk: every waiting comment in full, decided with one button."""

import datetime
from http import HTTPStatus

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment
from tests.factories import CommentFactory, PostFactory

pytestmark = pytest.mark.django_db

DESK = reverse("admin:comments_comment_desk")
DECIDE = reverse("admin:comments_comment_decide")
LONG_TEXT = (
    "We tried the handover checklist for a month. The first week nobody filled it in, the "
    "second week everyone did, and by the fourth the night shift had rewritten it entirely. "
    "The closing line of this comment is the one the old queue never showed."
)


def test_the_desk_shows_each_waiting_comment_in_full_with_who_where_and_how_long(
    moderator_client, post
):
    CommentFactory.create_batch(3, post=post, email="rebeca@example.com")
    CommentFactory(
        post=post,
        status="pending",
        name="Rebeca",
        location="México",
        email="rebeca@example.com",
        body=LONG_TEXT,
        created_at=timezone.now() - datetime.timedelta(hours=5),
    )
    CommentFactory(post=post, status="approved", body="Already public")

    response = moderator_client.get(DESK)

    assert response.status_code == HTTPStatus.OK
    content = response.text
    assert "The closing line of this comment is the one the old queue never showed." in content
    assert "Rebeca" in content
    assert "(México)" in content
    assert "rebeca@example.com" in content
    assert "3 approved before" in content
    assert "waiting 5\xa0hours" in content
    assert "On handovers" in content
    assert "Ada Author" in content
    assert "Already public" not in content


def test_the_desk_shows_a_comment_as_text_never_as_markup(moderator_client, post):
    CommentFactory(post=post, status="pending", name="<b>Bold</b>", body="<script>x()</script>")

    content = moderator_client.get(DESK).text

    assert "<script>x()" not in content
    assert "&lt;script&gt;x()&lt;/script&gt;" in content
    assert "&lt;b&gt;Bold&lt;/b&gt;" in content


def test_one_click_approves_and_the_comment_appears_on_the_post(moderator_client, moderator, post):
    comment = CommentFactory(post=post, status="pending", body="Worth reading")

    response = moderator_client.post(
        DECIDE, {"act": f"approve:{comment.pk}", "query": f"post={post.pk}"}
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"{DESK}?post={post.pk}"
    comment.refresh_from_db()
    assert (comment.status, comment.decided_by) == ("approved", moderator)
    assert "Worth reading" in Client().get(post.get_absolute_url()).text


@pytest.mark.parametrize(("verb", "status"), [("reject", "rejected"), ("spam", "spam")])
def test_one_click_rejects_or_marks_spam(moderator_client, post, verb, status):
    comment = CommentFactory(post=post, status="pending")

    moderator_client.post(DECIDE, {"act": f"{verb}:{comment.pk}"})

    comment.refresh_from_db()
    assert comment.status == status


def test_a_rejection_records_its_reason_and_the_desk_shows_who_decided(moderator_client, post):
    comment = CommentFactory(post=post, status="pending", name="Tom")

    moderator_client.post(
        DECIDE, {"act": f"reject:{comment.pk}", f"reason-{comment.pk}": "off-topic"}
    )

    comment.refresh_from_db()
    assert comment.reason == Comment.Reason.OFF_TOPIC
    content = moderator_client.get(DESK).text
    assert "Recently decided" in content
    assert "rejected by moderator" in content
    assert "It is not about the post." in content


@pytest.mark.parametrize(
    ("verb", "field", "value", "expected"),
    [
        ("reject", "reason", "zzz", ("rejected", "")),  # an unknown reason is not recorded
        ("reply", "reply", "  ", ("pending", "")),  # an empty reply is not sent
    ],
)
def test_what_the_desk_cannot_take_as_sent_is_left_out(
    moderator_client, post, verb, field, value, expected
):
    comment = CommentFactory(post=post, status="pending")

    moderator_client.post(DECIDE, {"act": f"{verb}:{comment.pk}", f"{field}-{comment.pk}": value})

    comment.refresh_from_db()
    assert (comment.status, comment.reason) == expected
    assert not comment.replies.exists()


def test_bulk_buttons_act_on_the_selected_comments_only(moderator_client, post):
    chosen = CommentFactory.create_batch(2, post=post, status="pending")
    untouched = CommentFactory(post=post, status="pending")

    moderator_client.post(DECIDE, {"bulk": "approve", "ids": [c.pk for c in chosen]})

    assert set(Comment.objects.approved()) == set(chosen)
    untouched.refresh_from_db()
    assert untouched.status == "pending"


def test_a_bulk_button_with_nothing_ticked_says_so(moderator_client, post):
    CommentFactory(post=post, status="pending")

    response = moderator_client.post(DECIDE, {"bulk": "approve"}, follow=True)

    assert "Tick the comments to decide first." in response.text
    assert Comment.objects.get().status == "pending"


def test_a_reply_approves_the_comment_and_is_published_under_it(moderator_client, moderator, post):
    moderator.first_name, moderator.last_name = "Mo", "Derator"
    moderator.save()
    comment = CommentFactory(post=post, status="pending", body="A question for the desk")

    moderator_client.post(
        DECIDE, {"act": f"reply:{comment.pk}", f"reply-{comment.pk}": "Thank you, answered."}
    )

    comment.refresh_from_db()
    reply = comment.replies.get()
    assert comment.status == reply.status == "approved"
    assert (reply.name, reply.user, reply.decided_by) == ("Mo Derator", moderator, moderator)
    page = Client().get(post.get_absolute_url()).text
    assert "A question for the desk" in page
    assert "Thank you, answered." in page


def test_the_desk_filters_by_columnist_and_by_post(moderator_client, post, other_author):
    other_post = PostFactory(title="Elsewhere", author=post.author)
    theirs = PostFactory(title="Olu's column", author=other_author)
    CommentFactory(post=post, status="pending", body="On handovers, pending")
    CommentFactory(post=other_post, status="pending", body="Elsewhere, pending")
    CommentFactory(post=theirs, status="pending", body="On Olu's, pending")

    by_columnist = moderator_client.get(DESK, {"author": other_author.pk}).text
    by_post = moderator_client.get(DESK, {"post": post.pk}).text

    assert "On Olu&#x27;s, pending" in by_columnist
    assert "On handovers, pending" not in by_columnist
    assert "On handovers, pending" in by_post
    assert "Elsewhere, pending" not in by_post
    assert "On Olu&#x27;s, pending" not in by_post


def test_the_desks_queries_do_not_grow_with_the_comments_shown(moderator_client, post):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert moderator_client.get(DESK).status_code == HTTPStatus.OK
        return len(captured)

    CommentFactory(post=post, status="pending")
    CommentFactory(status="rejected", decided_by=None)
    few = queries()
    for _ in range(3):
        other = PostFactory()
        CommentFactory.create_batch(4, post=other, status="pending", email="x@example.com")
        CommentFactory(post=other, status="approved", email="x@example.com")
    many = queries()

    assert many == few
    assert many <= 15


def test_a_columnist_cannot_moderate_by_a_forged_post_even_on_their_own_post(author_client, post):
    comment = CommentFactory(post=post, status="pending")

    desk = author_client.get(DESK)
    forged = [
        author_client.post(DECIDE, {"act": f"approve:{comment.pk}"}),
        author_client.post(DECIDE, {"bulk": "spam", "ids": [comment.pk]}),
        author_client.post(DECIDE, {"act": f"reply:{comment.pk}", f"reply-{comment.pk}": "Mine"}),
    ]

    comment.refresh_from_db()
    assert desk.status_code == HTTPStatus.FORBIDDEN
    assert [r.status_code for r in forged] == [HTTPStatus.FORBIDDEN] * 3
    assert comment.status == "pending"
    assert Comment.objects.count() == 1


def test_editors_moderate_at_the_desk_too(editor_client, post):
    comment = CommentFactory(post=post, status="pending")

    assert editor_client.get(DESK).status_code == HTTPStatus.OK
    editor_client.post(DECIDE, {"bulk": "spam", "ids": [comment.pk]})

    comment.refresh_from_db()
    assert comment.status == "spam"


def test_visitors_who_are_not_staff_are_sent_to_log_in(client, post):
    comment = CommentFactory(post=post, status="pending")

    for response in (client.get(DESK), client.post(DECIDE, {"act": f"approve:{comment.pk}"})):
        assert response.status_code == HTTPStatus.FOUND
        assert "/login/" in response["Location"]
    comment.refresh_from_db()
    assert comment.status == "pending"


def test_the_comments_form_decides_with_buttons_instead_of_a_status_list(moderator_client, post):
    comment = CommentFactory(post=post, status="pending")
    url = reverse("admin:comments_comment_change", args=[comment.pk])

    content = moderator_client.get(url).text
    response = moderator_client.post(url, {"_reject": "", "reason": "advertising"})

    assert 'name="_approve"' in content
    assert 'name="_reject"' in content
    assert 'name="_spam"' in content
    assert '<select name="status"' not in content
    assert response["Location"] == DESK
    comment.refresh_from_db()
    assert (comment.status, comment.reason) == ("rejected", "advertising")
    assert "It advertises a product or service." in moderator_client.get(url).text


def test_the_admin_index_leads_moderators_to_the_desk(moderator_client, post):
    CommentFactory(post=post, status="pending")

    content = moderator_client.get(reverse("admin:index")).text

    assert f'href="{DESK}"' in content
    assert "1 comment awaits moderation" in content
