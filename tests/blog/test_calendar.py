"""The editorial calendar in the admin: columns and expected slots, by role, and moving a
scheduled column to another day."""

import datetime
import html
import re
import zoneinfo
from http import HTTPStatus

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from blog.models import Post
from edge import tags
from edge.state import content_version
from tests.factories import AuthorFactory, PostFactory

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")
# Sunday 6 December 2026, noon in London.
NOW = datetime.datetime(2026, 12, 6, 12, 0, tzinfo=LONDON)
CALENDAR = reverse("admin:blog_post_calendar")
MOVE = reverse("admin:blog_post_reschedule")


def at(day, hour=9, minute=30):
    return datetime.datetime(2026, 12, day, hour, minute, tzinfo=LONDON)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


def cells(response):
    """Return each day's cell text of the calendar, by its ISO date, squeezed."""
    page = response.content.decode()
    found = re.findall(r'<td class="cal-day[^"]*" data-date="([\d-]+)">(.*?)</td>', page, re.S)
    return {
        day: html.unescape(" ".join(re.sub(r"<[^>]+>", " ", text).split())) for day, text in found
    }


@pytest.fixture
def desk(author, other_author):
    """Ada writes every Wednesday; Olu fortnightly on Fridays, last on Tuesday 1 December."""
    author.rhythm = "every Wednesday"
    author.save()
    other_author.rhythm = "fortnightly on Fridays"
    other_author.save()
    # Both joined long before.
    type(author).objects.update(created_at=at(1) - datetime.timedelta(days=365))
    PostFactory(author=other_author, title="Olu on change", published_at=at(1))
    PostFactory(author=author, title="Ada's next column", published_at=at(9, 8, 15))
    PostFactory(author=other_author, title="Olu's next column", published_at=at(18))
    return author, other_author


def test_the_month_shows_weekly_and_fortnightly_slots_with_the_overdue_marked(editor_client, desk):
    response = editor_client.get(CALENDAR)

    assert response.status_code == HTTPStatus.OK
    days = cells(response)
    assert "Times are in the publication's time zone, Europe/London" in response.text
    # Ada's Wednesdays: the 2nd has passed with no column, the 9th is filled by a scheduled
    # one, the 16th, 23rd and 30th are to come.
    assert "Ada Author: overdue" in days["2026-12-02"]
    assert "Ada Author: filled" in days["2026-12-09"]
    for day in ("2026-12-16", "2026-12-23", "2026-12-30"):
        assert "Ada Author: column expected" in days[day]
    assert "Ada Author" not in days["2026-12-03"]
    # Olu's Fridays every other week from the week of the 1st: the 4th (filled by the 1st's
    # column), the 18th (scheduled) and 1 January; never the 11th or 25th.
    assert "Olu Other: filled" in days["2026-12-04"]
    assert "Olu Other: filled" in days["2026-12-18"]
    assert "Olu Other: column expected" in days["2027-01-01"]
    assert "Olu Other" not in days["2026-12-11"] + days["2026-12-25"]
    # The columns themselves, with their times and state.
    assert "Olu on change" in days["2026-12-01"] and "published" in days["2026-12-01"]
    assert "08:15 Ada's next column Ada Author · scheduled" in days["2026-12-09"]


def test_a_column_co_written_in_a_slots_window_fills_the_co_authors_slot(editor_client, desk):
    author, other_author = desk
    PostFactory(author=other_author, coauthors=[author], title="Together", published_at=at(2))

    days = cells(editor_client.get(CALENDAR))

    assert "Ada Author: filled" in days["2026-12-02"]


def test_no_slot_is_expected_before_a_columnist_joined(editor_client, desk):
    author, _ = desk
    type(author).objects.filter(pk=author.pk).update(created_at=at(3))

    days = cells(editor_client.get(CALENDAR))

    assert "Ada Author" not in days["2026-12-02"]
    assert "Ada Author: filled" in days["2026-12-09"]


def test_the_week_view_shows_seven_days_with_prev_and_next(editor_client, desk):
    response = editor_client.get(CALENDAR, {"view": "week", "day": "2026-12-09"})

    days = cells(response)
    assert list(days) == [f"2026-12-{d:02d}" for d in range(7, 14)]
    assert "Ada's next column" in days["2026-12-09"]
    assert "Week of 7 December 2026" in response.text
    assert "view=week&amp;day=2026-11-30" in response.text
    assert "view=week&amp;day=2026-12-14" in response.text
    assert "view=month&amp;day=2026-12-09" in response.text  # the month of the day asked for


def test_a_rhythm_the_calendar_cannot_read_is_named_to_editors(editor_client, author):
    author.rhythm = "whenever the muse visits"
    author.save()

    response = editor_client.get(CALENDAR)

    assert "Ada Author — rhythm not understood (“whenever the muse visits”)" in " ".join(
        re.sub(r"<[^>]+>", " ", response.text).split()
    )


def test_a_columnist_sees_their_own_columns_and_slots_only(author_client, desk):
    response = author_client.get(CALENDAR)

    assert response.status_code == HTTPStatus.OK
    text = " ".join(cells(response).values())
    assert "Ada's next column" in text and "Ada Author: overdue" in text
    assert "Olu" not in text and "Olu" not in response.text


@pytest.mark.parametrize("who", ["moderator_client", "client"])
def test_the_calendar_is_closed_to_moderators_and_readers(request, who, desk):
    response = request.getfixturevalue(who).get(CALENDAR)

    if who == "client":
        assert response.status_code == HTTPStatus.FOUND  # to the log-in page
    else:
        assert response.status_code == HTTPStatus.FORBIDDEN


def test_the_admin_index_links_to_the_calendar(editor_client, author_client):
    assert CALENDAR in editor_client.get(reverse("admin:index")).text


def test_the_calendars_queries_do_not_grow_with_columnists_and_columns(editor_client, desk):
    def count():
        with CaptureQueriesContext(connection) as captured:
            assert editor_client.get(CALENDAR).status_code == HTTPStatus.OK
        return len(captured)

    few = count()
    for n in range(6):
        columnist = AuthorFactory(rhythm=["every Monday", "fortnightly", "monthly"][n % 3])
        PostFactory.create_batch(3, author=columnist, published_at=at(n + 1))
        PostFactory(author=columnist, published_at=at(n + 10))
    assert count() == few


# Moving a scheduled column.


def move(client, post, day, **headers):
    return client.post(MOVE, {"post": post.pk, "date": day, "next": CALENDAR}, **headers)


def test_dragging_moves_a_scheduled_column_to_another_day_at_the_same_time(
    author_client, desk, varnish, django_capture_on_commit_callbacks
):
    post = Post.objects.get(title="Ada's next column")
    version = content_version()

    with django_capture_on_commit_callbacks(execute=True):
        response = move(author_client, post, "2026-12-11", headers={"Accept": "application/json"})

    assert response.status_code == HTTPStatus.OK
    assert response.json() == {
        "message": "“Ada's next column” is now scheduled for Friday 11 December 2026 at 08:15.",
        "date": "2026-12-11",
    }
    post.refresh_from_db()
    assert timezone.localtime(post.published_at) == at(11, 8, 15)
    assert post.is_scheduled()
    # Purged as saving the post would: its own page and the lists it will join.
    assert content_version() != version
    [purged] = varnish.purged_tags()
    assert {tags.post(post.pk), tags.HOME, tags.FEEDS, tags.author(post.author_id)} <= purged


def test_the_move_form_works_without_javascript(author_client, desk):
    post = Post.objects.get(title="Ada's next column")

    response = move(author_client, post, "2026-12-15")

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == CALENDAR
    post.refresh_from_db()
    assert timezone.localtime(post.published_at) == at(15, 8, 15)
    page = author_client.get(CALENDAR)
    assert "is now scheduled for Tuesday 15 December 2026 at 08:15" in page.text
    assert "Ada's next column" in cells(page)["2026-12-15"]


def test_the_calendar_offers_a_move_form_for_scheduled_columns_only(author_client, desk):
    days = cells(author_client.get(CALENDAR))
    assert "Move to" in days["2026-12-09"]

    PostFactory(author=desk[0], title="Ada last week", published_at=at(3))
    assert "Move to" not in cells(author_client.get(CALENDAR))["2026-12-03"]


def test_a_columnist_cannot_move_another_columnists_post(author_client, desk):
    post = Post.objects.get(title="Olu's next column")

    response = move(author_client, post, "2026-12-20")

    assert response.status_code == HTTPStatus.NOT_FOUND
    post.refresh_from_db()
    assert post.published_at == at(18)


def test_an_editor_may_move_any_columnists_post(editor_client, desk):
    post = Post.objects.get(title="Olu's next column")

    assert move(editor_client, post, "2026-12-21").status_code == HTTPStatus.FOUND
    post.refresh_from_db()
    assert post.published_at == at(21)


def test_a_moderator_cannot_move_a_post(moderator_client, desk):
    post = Post.objects.get(title="Olu's next column")

    assert move(moderator_client, post, "2026-12-21").status_code in (
        HTTPStatus.FORBIDDEN,
        HTTPStatus.NOT_FOUND,
    )
    post.refresh_from_db()
    assert post.published_at == at(18)


def test_a_published_column_never_moves(author_client, desk):
    post = PostFactory(author=desk[0], title="Out already", published_at=at(3))

    response = move(author_client, post, "2026-12-10", headers={"Accept": "application/json"})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "not scheduled" in response.json()["error"]
    post.refresh_from_db()
    assert post.published_at == at(3)


def test_a_column_cannot_be_moved_into_the_past(author_client, desk):
    post = Post.objects.get(title="Ada's next column")

    response = move(author_client, post, "2026-12-05")

    assert response.status_code == HTTPStatus.FOUND
    page = author_client.get(CALENDAR)
    assert "Choose a day to come for “Ada&#x27;s next column”: 5 December at 08:15 has passed" in (
        page.text
    )
    post.refresh_from_db()
    assert post.published_at == at(9, 8, 15)


def test_a_move_from_another_site_is_refused(author, desk):
    post = Post.objects.get(title="Ada's next column")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(author.user)

    response = move(
        browser, post, "2026-12-11",
        headers={"Origin": "https://elsewhere.example", "Sec-Fetch-Site": "cross-site"},
    )  # fmt: skip

    assert response.status_code == HTTPStatus.FORBIDDEN
    post.refresh_from_db()
    assert post.published_at == at(9, 8, 15)


def test_moving_keeps_a_revision_naming_who_moved_it(author_client, author, desk):
    from reversion.models import Version

    post = Post.objects.get(title="Ada's next column")
    move(author_client, post, "2026-12-11")

    version = Version.objects.get_for_object(post).first()
    assert version.revision.user == author.user
    assert version.revision.comment == "Moved on the calendar to 11 December 2026 08:15."
