"""Tasks a dead worker left are run again, at most WORKER_MAX_ATTEMPTS times; no mail twice."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from readers.tasks import send_post_to_colleagues
from tests.factories import PostFactory
from tests.ops.servers import free_port
from worker.models import Heartbeat, SentMail

# The worker commits each claim and each mail's record, as in production.
pytestmark = pytest.mark.django_db(transaction=True)

COLLEAGUES = [f"colleague{n}@example.com" for n in range(5)]


def run_worker():
    call_command("worker", "--batch", "--no-startup-delay", verbosity=0)


@pytest.fixture
def send():
    result = send_post_to_colleagues.enqueue(
        post_id=PostFactory().pk, recipients=COLLEAGUES, sender_name="Ann", note=""
    )
    return DBTaskResult.objects.get(pk=result.id)


def left_running(task, *, seconds_ago, attempts=1):
    """Make task look claimed by workers that died, the last seconds_ago."""
    DBTaskResult.objects.filter(pk=task.pk).update(
        status="RUNNING",
        started_at=timezone.now() - datetime.timedelta(seconds=seconds_ago),
        worker_ids=[f"dead-{n}" for n in range(attempts)],
    )


def test_a_task_whose_worker_died_is_run_again_once_its_lease_expires(send, mailoutbox, settings):
    settings.WORKER_LEASE_SECONDS = 60
    left_running(send, seconds_ago=30)
    run_worker()
    assert mailoutbox == []  # its worker may still be at it

    left_running(send, seconds_ago=61)
    run_worker()

    assert sorted(message.to[0] for message in mailoutbox) == COLLEAGUES
    send.refresh_from_db()
    assert send.status == "SUCCESSFUL"


def test_a_task_left_unfinished_too_often_is_given_up(send, mailoutbox, settings):
    settings.WORKER_MAX_ATTEMPTS = 5
    left_running(send, seconds_ago=3600, attempts=5)

    run_worker()

    send.refresh_from_db()
    assert send.status == "FAILED"
    assert send.exception_class_path == "worker.loop.LeaseExpired"
    assert mailoutbox == []


def test_a_task_run_again_mails_no_colleague_twice(send, mailoutbox):
    run_worker()
    assert len(mailoutbox) == 5

    # As if its worker had died after sending, before recording the task's success.
    left_running(send, seconds_ago=3600)
    run_worker()

    assert len(mailoutbox) == 5
    send.refresh_from_db()
    assert send.status == "SUCCESSFUL"


def test_the_same_send_asked_for_twice_is_mailed_twice(mailoutbox):
    post = PostFactory()
    for _ in range(2):
        send_post_to_colleagues.enqueue(
            post_id=post.pk, recipients=COLLEAGUES[:1], sender_name="Ann", note=""
        )

    run_worker()

    assert len(mailoutbox) == 2  # two readers' requests, not one task run twice


def test_the_worker_says_it_is_alive(send):
    run_worker()

    beat = Heartbeat.objects.get()
    assert timezone.now() - beat.beat_at < datetime.timedelta(seconds=5)


def test_with_the_mail_server_away_the_task_waits_to_be_run_again_not_failed(send, settings):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": free_port(), "timeout": 1},
        }
    }
    run_worker()

    send.refresh_from_db()
    assert send.status == "READY"
    assert send.run_after > timezone.now()  # after a pause

    left_running(send, seconds_ago=0, attempts=settings.WORKER_MAX_ATTEMPTS - 1)
    DBTaskResult.objects.filter(pk=send.pk).update(status="READY", run_after=timezone.now())
    run_worker()

    send.refresh_from_db()
    assert send.status == "FAILED"


def test_a_task_whose_code_is_gone_fails_and_the_worker_carries_on(send, mailoutbox):
    gone = send_post_to_colleagues.enqueue(
        post_id=PostFactory().pk, recipients=COLLEAGUES[:1], sender_name="Ann", note=""
    )
    DBTaskResult.objects.filter(pk=gone.id).update(task_path="readers.tasks.retired_task")

    run_worker()

    assert DBTaskResult.objects.get(pk=gone.id).status == "FAILED"
    assert len(mailoutbox) == 5  # the other task's


def test_records_of_mail_sent_are_kept_thirty_days(send):
    old = SentMail.objects.create(key="old", recipient="a@example.com")
    SentMail.objects.filter(pk=old.pk).update(sent_at=timezone.now() - datetime.timedelta(days=31))
    recent = SentMail.objects.create(key="recent", recipient="b@example.com")
    SentMail.objects.filter(pk=recent.pk).update(
        sent_at=timezone.now() - datetime.timedelta(days=29)
    )

    run_worker()

    assert set(SentMail.objects.values_list("key", flat=True)) >= {"recent"}
    assert not SentMail.objects.filter(key="old").exists()
