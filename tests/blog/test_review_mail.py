"""The desk's mail goes through the worker: editors hear of a submission, writers of decisions."""

import pytest
from django.core.management import call_command

from blog import review
from tests.blog.desk import make_person, post_in
from tests.factories import AuthorFactory, UserFactory

# The worker closes its database connection between tasks, as it does in production.
pytestmark = pytest.mark.django_db(transaction=True)


def run_worker():
    call_command("worker", "--batch", "--no-startup-delay", verbosity=0)


@pytest.fixture
def editors():
    return [
        UserFactory(username="ed1", email="ed1@example.com", groups=["Editors"]),
        UserFactory(username="ed2", email="ed2@example.com", groups=["Editors"]),
    ]


@pytest.fixture
def contributor():
    return make_person("contributor")


def test_submitting_tells_each_editor_once_by_the_worker(contributor, editors, mailoutbox):
    UserFactory(username="mod", email="mod@example.com", groups=["Moderators"])
    UserFactory(username="retired", email="old@example.com", groups=["Editors"], is_active=False)
    post = post_in("draft", author=contributor.author, title="Night <shift> & handover")

    review.submit_for_review(post=post, by=contributor)
    assert mailoutbox == []  # sent by the worker, not in the writer's request
    run_worker()
    run_worker()  # a second pass sends nothing again

    assert sorted(m.to[0] for m in mailoutbox) == ["ed1@example.com", "ed2@example.com"]
    message = mailoutbox[0]
    assert message.subject == f"For review: “Night <shift> & handover” by {post.author}"
    # Plain text: the title as written, never HTML-escaped.
    assert "submitted “Night <shift> & handover” for review" in message.body
    assert f"/admin/blog/post/{post.pk}/change/" in message.body


def test_the_writer_hears_of_changes_requested_with_the_note(contributor, editors, mailoutbox):
    post = post_in("in_review", author=contributor.author)

    review.request_changes(post=post, by=editors[0], note="Say who the night shift reports to.")
    run_worker()

    [message] = mailoutbox
    assert message.to == [contributor.email]
    assert message.subject == f"Changes requested: “{post.title}”"
    assert "Say who the night shift reports to." in message.body


def test_the_writer_hears_of_approval_with_the_time_in_the_publications_zone(
    contributor, editors, mailoutbox, time_machine
):
    import datetime

    time_machine.move_to(datetime.datetime(2026, 12, 6, 20, 0, tzinfo=datetime.UTC), tick=False)
    post = post_in("in_review", author=contributor.author)
    at = datetime.datetime(2026, 12, 9, 8, 0, tzinfo=datetime.UTC)

    review.approve(post=post, by=editors[0], at=at)
    run_worker()

    [message] = mailoutbox
    assert message.to == [contributor.email]
    assert message.subject == f"Approved: “{post.title}”"
    assert "Scheduled for Wednesday 9 December, 08:00 GMT." in message.body


def test_a_full_round_sends_each_message_once(contributor, editors, mailoutbox):
    post = post_in("draft", author=contributor.author)

    review.submit_for_review(post=post, by=contributor)
    review.request_changes(post=post, by=editors[1], note="Shorter, please.")
    review.submit_for_review(post=post, by=contributor)
    run_worker()
    assert len(mailoutbox) == 5  # two editors twice, the writer once

    review.approve(post=post, by=editors[0])
    run_worker()
    assert len(mailoutbox) == 6
    assert mailoutbox[-1].to == [contributor.email]


def test_an_editors_bulk_publish_of_a_post_in_review_is_an_approval(
    client, contributor, editors, mailoutbox
):
    post = post_in("in_review", author=contributor.author)
    client.force_login(editors[0])

    client.post("/admin/blog/post/", {"action": "publish_now", "_selected_action": [post.pk]})
    run_worker()

    post.refresh_from_db()
    assert (post.status, post.review_state, post.review_changed_by) == (
        "published",
        "approved",
        editors[0],
    )
    [message] = mailoutbox
    assert message.to == [contributor.email]
    assert message.subject == f"Approved: “{post.title}”"


def test_each_writer_of_a_co_written_post_hears_of_the_decision(contributor, editors, mailoutbox):
    colleague = AuthorFactory(user=UserFactory(username="ken", email="ken@example.com"))
    post = post_in("in_review", author=contributor.author)
    post.post_authors.create(author=colleague, position=1)

    review.request_changes(post=post, by=editors[0], note="One voice, please.")
    run_worker()

    assert sorted(m.to[0] for m in mailoutbox) == sorted([contributor.email, "ken@example.com"])
