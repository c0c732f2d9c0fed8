"""Mail about comments goes through the background worker: one digest, then the author's note."""

import datetime

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from comments.models import Comment
from comments.services import comment_approve
from tests.comments.conftest import comment_data
from tests.factories import CommentFactory, UserFactory

# The worker closes its database connection between tasks, as it does in production;
# that needs real transactions rather than one wrapped around the test.
pytestmark = pytest.mark.django_db(transaction=True)


def run_worker():
    call_command("worker", "--batch", "--no-startup-delay", verbosity=0)


@pytest.fixture
def moderators():
    return [
        UserFactory(username="mod1", email="mod1@example.com", groups=["Moderators"]),
        UserFactory(username="mod2", email="mod2@example.com", groups=["Moderators"]),
    ]


def test_each_moderator_gets_one_digest_for_a_burst_of_comments(
    post, moderators, mailoutbox, time_machine, settings
):
    settings.COMMENTS_DIGEST_MINUTES = 10
    time_machine.move_to(datetime.datetime.now(tz=datetime.UTC), tick=False)
    for n in range(3):
        Client(REMOTE_ADDR=f"203.0.113.{n}").post(
            reverse("comments:post", kwargs={"pk": post.pk}),
            comment_data(email=f"reader{n}@example.com", body=f"Comment number {n}"),
        )
    assert Comment.objects.pending().count() == 3
    assert DBTaskResult.objects.count() == 1

    run_worker()
    assert mailoutbox == []  # not before the digest's time

    time_machine.shift(datetime.timedelta(minutes=11))
    run_worker()

    # One message each: no moderator sees another's address.
    assert sorted(message.to for message in mailoutbox) == [
        ["mod1@example.com"], ["mod2@example.com"],
    ]  # fmt: skip
    for message in mailoutbox:
        assert message.subject == "3 comments await moderation"
        for n in range(3):
            assert f"Comment number {n}" in message.body
        assert "/admin/comments/comment/desk/" in message.body


def test_the_author_hears_when_a_comment_on_their_post_is_approved(post, moderator, mailoutbox):
    post.author.user.email = "ada@example.com"
    post.author.user.save()
    comment = CommentFactory(post=post, status="pending", name="Tom", location="Leeds")

    comment_approve(comment=comment, moderator=moderator)
    assert mailoutbox == []  # sent by the worker, not in the moderator's request
    run_worker()

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["ada@example.com"]
    assert message.subject == f"New comment on “{post.title}”"
    assert "Tom (Leeds) commented" in message.body
    assert f"{post.get_absolute_url()}#comment-{comment.pk}" in message.body


def test_approving_twice_notifies_once(post, moderator, mailoutbox):
    post.author.user.email = "ada@example.com"
    post.author.user.save()
    comment = CommentFactory(post=post, status="pending")

    comment_approve(comment=comment, moderator=moderator)
    comment_approve(comment=comment, moderator=moderator)
    run_worker()

    assert len(mailoutbox) == 1


def test_a_writer_hears_the_reason_for_a_rejection_in_plain_text_if_the_moderator_sends_it(
    post, moderator, mailoutbox
):
    client = Client()
    client.force_login(moderator)
    told = CommentFactory(
        post=post, status="pending", name="<b>Tom</b>", email="tom@example.com",
        body="<a href='https://spam.example'>cheap</a>",
    )  # fmt: skip
    untold = CommentFactory(post=post, status="pending", email="sam@example.com")
    decide = reverse("admin:comments_comment_decide")

    client.post(
        decide,
        {"act": f"reject:{told.pk}", f"reason-{told.pk}": "advertising", f"tell-{told.pk}": "on"},
    )
    client.post(decide, {"act": f"reject:{untold.pk}", f"reason-{untold.pk}": "off-topic"})
    assert mailoutbox == []  # sent by the worker, not in the moderator's request
    run_worker()

    [message] = mailoutbox
    assert message.to == ["tom@example.com"]
    assert message.subject == f"Your comment on “{post.title}”"
    assert "It advertises a product or service." in message.body
    assert "Hello <b>Tom</b>," in message.body  # plain text: shown as typed, never as markup
    assert "<a href='https://spam.example'>cheap</a>" in message.body
    assert message.content_subtype == "plain"
    assert not getattr(message, "alternatives", [])
