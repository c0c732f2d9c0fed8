"""A columnist is mailed two days before a slot with nothing scheduled for it, once."""

import datetime
import io
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.reminders import send_slot_reminders
from tests.factories import AuthorFactory, PostFactory

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")
# Monday 7 December 2026: Wednesday's columnists hear of the 9th.
NOW = datetime.datetime(2026, 12, 7, 7, 0, tzinfo=LONDON)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


def test_a_columnist_with_nothing_scheduled_is_reminded_once(author, settings):
    settings.SITE_URL = "https://news.example"

    out = io.StringIO()
    call_command("send_slot_reminders", stdout=out)
    call_command("send_slot_reminders", stdout=out)
    send_slot_reminders()

    assert out.getvalue() == "Sent 1 slot reminder(s).\nSent 0 slot reminder(s).\n"
    assert len(mail.outbox) == 1
    (message,) = mail.outbox
    assert message.to == [author.user.email]
    assert message.subject == "Your column for Wednesday 9 December: nothing is scheduled yet"
    assert "Your rhythm (every Wednesday) expects a column on Wednesday 9 December" in message.body
    assert "nothing is scheduled between 6 December and 12 December" in message.body
    assert "https://news.example/admin/blog/post/add/" in message.body


def test_a_scheduled_column_in_the_slots_window_means_no_reminder(author):
    PostFactory(author=author, published_at=datetime.datetime(2026, 12, 10, 9, tzinfo=LONDON))

    assert send_slot_reminders() == 0
    assert mail.outbox == []


def test_a_scheduled_column_co_written_in_the_slots_window_means_no_reminder(author):
    PostFactory(coauthors=[author], published_at=datetime.datetime(2026, 12, 10, 9, tzinfo=LONDON))

    assert send_slot_reminders() == 0


def test_a_draft_does_not_fill_the_slot(author):
    PostFactory(author=author, draft=True)

    assert send_slot_reminders() == 1


def test_only_columnists_whose_slot_is_two_days_away_hear(author, other_author):
    other_author.rhythm = "every Thursday"
    other_author.save()
    retired = AuthorFactory(rhythm="every Wednesday", is_active=False)
    vague = AuthorFactory(rhythm="when the mood takes me")

    send_slot_reminders()

    assert [m.to for m in mail.outbox] == [[author.user.email]]
    assert retired.user.email not in str([m.to for m in mail.outbox])
    assert vague.user.email not in str([m.to for m in mail.outbox])


def test_the_next_slot_gets_a_reminder_of_its_own(author):
    send_slot_reminders()
    with time_machine.travel(NOW + datetime.timedelta(days=7), tick=False):
        send_slot_reminders()

    assert [m.subject for m in mail.outbox] == [
        "Your column for Wednesday 9 December: nothing is scheduled yet",
        "Your column for Wednesday 16 December: nothing is scheduled yet",
    ]


def test_a_fortnightly_columnist_hears_only_in_their_weeks(author):
    author.rhythm = "fortnightly"
    author.save()
    # Last out on Wednesday 25 November: the rhythm expects the 9th, not the 16th.
    PostFactory(author=author, published_at=datetime.datetime(2026, 11, 25, 9, tzinfo=LONDON))

    assert send_slot_reminders() == 1
    with time_machine.travel(NOW + datetime.timedelta(days=7), tick=False):
        assert send_slot_reminders() == 0


def test_the_reminders_queries_do_not_grow_with_columnists():
    AuthorFactory(rhythm="every Wednesday")

    def count():
        mail.outbox.clear()
        from worker.models import SentMail

        SentMail.objects.all().delete()
        with CaptureQueriesContext(connection) as captured:
            send_slot_reminders()
        return len(captured), len(mail.outbox)

    few, sent = count()
    for _ in range(5):
        columnist = AuthorFactory(rhythm="every Wednesday")
        PostFactory(author=columnist, published_at=NOW - datetime.timedelta(days=7))
    many, sent_many = count()
    # Each mail sent costs its record (a savepoint and an insert); the rest stays the same.
    assert (sent, sent_many) == (1, 6)
    per_mail = 3
    assert many - per_mail * sent_many == few - per_mail * sent
