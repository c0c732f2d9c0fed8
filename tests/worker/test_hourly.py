"""The worker's hourly round: slot reminders and the sweep of uploads, with no cron."""

import datetime
import logging
import zoneinfo

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from blog.models import PostImage
from tests.blog.uploads import picture
from tests.factories import AuthorFactory
from worker.loop import Worker

# The worker commits its work, as in production.
pytestmark = pytest.mark.django_db(transaction=True)

LONDON = zoneinfo.ZoneInfo("Europe/London")
# Monday 7 December 2026: a Wednesday columnist's next slot is two days away.
MONDAY = datetime.datetime(2026, 12, 7, 7, 0, tzinfo=LONDON)


def run_worker():
    call_command("worker", "--batch", "--no-startup-delay", verbosity=0)


def test_the_worker_reminds_a_columnist_of_an_empty_slot_once(mailoutbox):
    columnist = AuthorFactory(rhythm="every Wednesday")

    with time_machine.travel(MONDAY, tick=False):
        run_worker()
        run_worker()

    assert [message.to for message in mailoutbox] == [[columnist.user.email]]
    assert "Wednesday 9 December" in mailoutbox[0].subject


def test_the_worker_sweeps_pictures_no_post_took(client, author):
    client.force_login(author.user)
    url = reverse("admin:blog_post_editor_picture")
    forgotten = client.post(url, {"file": picture("old.jpg", 300, 200)}).json()["id"]
    recent = client.post(url, {"file": picture("new.jpg", 300, 200)}).json()["id"]
    PostImage.objects.filter(pk=forgotten).update(
        created_at=timezone.now() - datetime.timedelta(days=2)
    )

    run_worker()

    assert list(PostImage.objects.values_list("pk", flat=True)) == [recent]


def test_a_failing_hourly_command_is_logged_and_the_others_still_run(settings, caplog):
    caplog.set_level(logging.INFO, logger="worker.loop")
    settings.WORKER_HOURLY_COMMANDS = ["no_such_command", "send_slot_reminders"]

    Worker(
        queue_names=["default"], interval=0, batch=True, backend_name="default",
        startup_delay=False, max_tasks=None, worker_id="hourly-test", excluded_queue_names=[],
    ).run_hourly_commands()  # fmt: skip

    assert "Hourly command no_such_command failed" in caplog.text
    assert "send_slot_reminders: Sent 0 slot reminder(s)." in caplog.text
