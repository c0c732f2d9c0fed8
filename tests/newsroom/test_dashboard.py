"""The newsroom's front page: a columnist's desk, moderators' waiting comments."""

import datetime
from http import HTTPStatus
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CommentFactory, PostFactory

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
# Sunday 6 December 2026, noon in London.
NOW = datetime.datetime(2026, 12, 6, 12, 0, tzinfo=LONDON)


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(NOW, tick=False):
        yield


def at(day, hour=9):
    return datetime.datetime(2026, 12, day, hour, 0, tzinfo=LONDON)


def test_a_columnist_sees_drafts_schedule_comments_and_when_the_next_column_is_due(
    author_client, author, other_author
):
    PostFactory(author=author, draft=True, title="Half a thought on rotas")
    PostFactory(author=author, title="Scheduled for Christmas", published_at=at(23, 7))
    published = PostFactory(author=author, title="The handover", published_at=at(2))
    CommentFactory.create_batch(2, post=published)
    CommentFactory(post=published, status="pending")
    CommentFactory(post=published, status="spam")
    PostFactory(author=other_author, draft=True, title="Someone else's draft")

    response = author_client.get("/admin/")

    assert response.status_code == HTTPStatus.OK
    desk = response.text.split('id="columnist-desk"', 1)[1].split("</div>", 1)[0]
    assert "Half a thought on rotas" in desk
    assert "Scheduled for Christmas" in desk
    assert "appears Wednesday 23 December 2026, 07:00 GMT" in desk
    assert "Times are the publication's: Europe/London." in desk
    assert "The handover" in desk
    assert "2 comments, 1 waiting for moderation" in desk
    # "every Wednesday" (the factory's rhythm), last column 2 December: the 23rd's column
    # answers its own week, not the 9th's.
    assert "Your next column is due Wednesday 9 December" in desk
    assert "Someone else" not in response.text


def test_without_a_column_scheduled_the_rhythm_counts_from_the_last_one(author_client, author):
    PostFactory(author=author, published_at=at(2))

    response = author_client.get("/admin/")

    assert "Your next column is due Wednesday 9 December" in response.text


def test_a_column_scheduled_for_the_week_due_moves_the_next_one_on(author_client, author):
    PostFactory(author=author, published_at=at(2))
    PostFactory(author=author, title="Ready early", published_at=at(8, 7))

    response = author_client.get("/admin/")

    assert "Your next column is due Wednesday 16 December" in response.text


def test_a_rhythm_not_understood_promises_nothing(author_client, author):
    author.rhythm = "when the mood takes me"
    author.save()

    response = author_client.get("/admin/")

    assert "Your desk, Ada Author" in response.text
    assert "is due" not in response.text


def test_moderators_see_comments_waiting_with_the_desks_address_and_no_columnists_desk(
    moderator_client,
):
    CommentFactory.create_batch(3, status="pending")

    response = moderator_client.get("/admin/")

    assert "3 comments await moderation" in response.text
    assert 'href="/admin/comments/comment/desk/"' in response.text
    assert "Your desk" not in response.text


def test_an_editor_without_a_column_gets_no_desk(editor_client):
    assert "Your desk" not in editor_client.get("/admin/").text


def test_the_desk_costs_the_same_queries_however_much_there_is(author_client, author):
    def count():
        with CaptureQueriesContext(connection) as captured:
            assert author_client.get("/admin/").status_code == HTTPStatus.OK
        return len(captured)

    PostFactory(author=author, published_at=at(1))
    few = count()
    for day in range(2, 6):
        post = PostFactory(author=author, published_at=at(day))
        CommentFactory.create_batch(2, post=post)
        CommentFactory(post=post, status="pending")
        PostFactory(author=author, draft=True)
        PostFactory(author=author, published_at=at(20 + day))

    assert count() == few
