"""A post's state in words, and the admin index's "Waiting for you"."""

import datetime
from http import HTTPStatus

import pytest

from blog.review_words import moment, state_in_words
from tests.blog.desk import form_for, make_person, post_in
from tests.factories import AuthorFactory, PostFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 12, 6, 20, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _now(time_machine):
    time_machine.move_to(NOW, tick=False)


def test_times_are_said_in_the_publications_zone_with_its_name():
    winter = datetime.datetime(2026, 12, 9, 8, 0, tzinfo=datetime.UTC)
    summer = datetime.datetime(2027, 6, 9, 8, 0, tzinfo=datetime.UTC)

    assert moment(winter) == "Wednesday 9 December, 08:00 GMT"
    assert moment(summer) == "Wednesday 9 June 2027, 09:00 BST"


def test_each_state_is_said_in_words():
    author = AuthorFactory()
    scheduled = PostFactory(
        author=author, published_at=datetime.datetime(2026, 12, 9, 8, tzinfo=datetime.UTC)
    )
    public = PostFactory(author=author, published_at=NOW - datetime.timedelta(days=3, hours=2))
    in_review = post_in("in_review", author=author)
    sent_back = post_in("changes_requested", author=author)

    assert state_in_words(post_in("draft", author=author)) == "Draft"
    assert state_in_words(scheduled) == "Scheduled for Wednesday 9 December, 08:00 GMT"
    assert state_in_words(public) == "Published 3\xa0days ago"
    assert state_in_words(in_review) == "In review since Sunday 6 December, 20:00 GMT"
    assert state_in_words(sent_back) == "Changes requested on Sunday 6 December, 20:00 GMT"


def test_the_publication_time_is_picked_in_the_zone_named_beside_it(client):
    client.force_login(make_person("editor"))
    post = PostFactory(published_at=datetime.datetime(2026, 12, 9, 8, tzinfo=datetime.UTC))

    text = client.get(f"/admin/blog/post/{post.pk}/change/").text

    assert 'type="datetime-local" name="published_at" value="2026-12-09T08:00"' in text
    assert "Europe/London time (GMT)" in text


def test_a_time_picked_in_summer_is_london_summer_time(client):
    editor = make_person("editor")
    post = post_in("in_review", author=AuthorFactory())
    client.force_login(editor)
    client.post(
        f"/admin/blog/post/{post.pk}/change/",
        form_for(post, published_at="2027-06-09T09:00", _approve_and_schedule="x"),
    )

    post.refresh_from_db()
    assert post.published_at == datetime.datetime(2027, 6, 9, 8, 0, tzinfo=datetime.UTC)


def test_editors_find_posts_in_review_waiting_for_them(client, django_assert_max_num_queries):
    writer = AuthorFactory(display_name="Cora Guest")
    for number in range(12):
        post_in("in_review", author=writer, title=f"Guest column {number}")
    post_in("changes_requested", author=writer, title="Sent back")
    client.force_login(make_person("editor"))

    with django_assert_max_num_queries(12):
        text = client.get("/admin/").text

    assert "Waiting for you" in text
    assert text.count("Guest column") == 10
    assert "Sent back" not in text
    assert "See every post in review" in text


def test_a_writer_finds_their_posts_sent_back(client):
    contributor = make_person("contributor")
    post_in("changes_requested", author=contributor.author, title="Mine to revise")
    post_in("changes_requested", author=AuthorFactory(), title="Someone else's")
    shared = post_in("changes_requested", author=AuthorFactory(), title="Ours to revise")
    shared.post_authors.create(author=contributor.author, position=1)
    client.force_login(contributor)

    response = client.get("/admin/")

    assert response.status_code == HTTPStatus.OK
    panel = response.text.split('class="module waiting-for-you"')[1].split("</section>")[0]
    assert "Mine to revise" in panel
    assert "Ours to revise" in panel
    assert "Someone else's" not in response.text


def test_the_list_filters_by_review_state(client):
    post_in("in_review", author=AuthorFactory(), title="Waiting")
    post_in("changes_requested", author=AuthorFactory(), title="Back")
    post_in("draft", author=AuthorFactory(), title="Plain draft")
    client.force_login(make_person("editor"))

    for state, titles in [("in_review", {"Waiting"}), ("changes_requested", {"Back"})]:
        response = client.get("/admin/blog/post/", {"state": state})
        assert {p.title for p in response.context["cl"].result_list} == titles


def test_the_post_list_gives_publication_times_in_the_publications_zone_named(client):
    # 08:00 UTC in July is 09:00 in London, on summer time.
    PostFactory(title="Summer", published_at=datetime.datetime(2026, 7, 1, 8, tzinfo=datetime.UTC))
    client.force_login(make_person("editor"))

    text = client.get("/admin/blog/post/").text

    assert "Wed 1 Jul, 09:00 BST" in text
