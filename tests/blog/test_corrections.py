"""Corrections: an editor's edit marked as one shows under the post, in the feed's updated
time and at /corrections/; a silent edit shows nowhere; only editors make them."""

import datetime
import zoneinfo
from http import HTTPStatus

import feedparser
import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from blog.models import Correction, Post
from tests.authors.test_admin import change_url, post_form
from tests.factories import PostFactory
from tests.queries import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")
PUBLISHED = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=LONDON)
CORRECTED = datetime.datetime(2026, 12, 9, 14, 30, tzinfo=LONDON)
NOTE = "An earlier version gave the survey's year as 2019; it was 2021."
CORRECTIONS = reverse("blog:corrections")


@pytest.fixture
def post(author):
    return PostFactory(
        title="What the survey said", author=author, published_at=PUBLISHED,
        body="<p>The survey of 2019 found…</p>",
    )  # fmt: skip


def correct(client, post, note=NOTE, **changes):
    data = post_form(post, body="<p>The survey of 2021 found…</p>", **changes)
    data.update({"is_correction": "on", "correction_note": note})
    with time_machine.travel(CORRECTED, tick=False):
        return client.post(change_url(post), data)


def updated_in_feed(client, post):
    feed = feedparser.parse(client.get(reverse("blog:feed-atom")).content)
    (entry,) = [e for e in feed.entries if e.title == post.title]
    return datetime.datetime(*entry.updated_parsed[:6], tzinfo=datetime.UTC)


def test_an_editors_correction_appears_under_the_post(editor_client, editor, post, client):
    response = correct(editor_client, post)

    assert response.status_code == HTTPStatus.FOUND
    (correction,) = Correction.objects.all()
    assert (correction.post, correction.note, correction.made_by) == (post, NOTE, editor)
    post.refresh_from_db()
    assert "2021" in post.body
    page = client.get(post.get_absolute_url()).content.decode()
    assert (
        '<strong class="correction__when">Corrected on <time datetime="2026-12-09T14:30:00+00:00">'
        "9 December</time>:</strong> An earlier version gave the survey&#x27;s year as 2019; it "
        "was 2021.</p>"
    ) in page


def test_the_correction_note_is_plain_text(editor_client, post, client):
    correct(editor_client, post, note="Fixed <script>alert(1)</script>\n the <b>date</b>.")

    page = client.get(post.get_absolute_url()).content.decode()
    assert "Fixed &lt;script&gt;alert(1)&lt;/script&gt; the &lt;b&gt;date&lt;/b&gt;." in page
    assert "<script>alert(1)" not in page


def test_a_correction_updates_the_feed_entry_and_a_silent_edit_does_not(
    editor_client, post, client
):
    assert updated_in_feed(client, post) == PUBLISHED

    with time_machine.travel(CORRECTED - datetime.timedelta(days=2), tick=False):
        editor_client.post(change_url(post), post_form(post, body="<p>Typo fixed.</p>"))
    assert updated_in_feed(client, post) == PUBLISHED
    assert 'id="corrections"' not in client.get(post.get_absolute_url()).text

    correct(editor_client, post)
    assert updated_in_feed(client, post) == CORRECTED


def test_the_corrections_page_lists_every_correction_newest_first_with_links(
    editor, post, other_author, client
):
    other = PostFactory(title="Another column", author=other_author)
    draft = PostFactory(title="Taken down", author=other_author, draft=True)
    Correction.objects.create(post=post, note="First fix.", made_at=PUBLISHED, made_by=editor)
    Correction.objects.create(post=other, note="Second fix.", made_at=CORRECTED, made_by=editor)
    Correction.objects.create(post=draft, note="Not public.", made_at=CORRECTED, made_by=editor)

    response = client.get(CORRECTIONS)

    assert response.status_code == HTTPStatus.OK
    text = response.content.decode()
    assert text.index("Second fix.") < text.index("First fix.")
    assert f'href="{post.get_absolute_url()}#corrections"' in text
    assert f'href="{other.get_absolute_url()}#corrections"' in text
    assert "Not public." not in text and "Taken down" not in text
    assert "corrections" in response["Cache-Tag"].split(",")
    # Linked from the footer of every page.
    assert f'<a href="{CORRECTIONS}">Corrections</a>' in client.get("/").text


def test_the_corrections_page_is_paginated_in_constant_queries(
    editor, author, client, settings, django_assert_max_num_queries
):
    settings.POSTS_PER_PAGE = 5

    def add(count):
        for n in range(count):
            PostFactory(author=author).corrections.create(
                note=f"Fix {n}.", made_at=PUBLISHED, made_by=editor
            )

    add(3)
    counts = assert_queries_do_not_grow(
        client, [CORRECTIONS], lambda: add(20), django_assert_max_num_queries
    )
    assert counts[CORRECTIONS] <= 4
    page = client.get(CORRECTIONS)
    assert 'rel="next"' in page.text
    assert client.get(CORRECTIONS, {"page": 5}).status_code == HTTPStatus.OK
    assert client.get(CORRECTIONS, {"page": 6}).status_code == HTTPStatus.NOT_FOUND


def test_making_a_correction_purges_the_corrections_page_and_the_post(
    editor_client,
    post,
    varnish,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        correct(editor_client, post)

    purged = set().union(*varnish.purged_tags())
    assert {"corrections", f"post-{post.pk}", "feeds"} <= purged


def test_only_editors_see_the_correction_fields(editor, author, post):
    desk, writer = Client(), Client()
    desk.force_login(editor)
    writer.force_login(author.user)
    assert "This edit is a correction" in desk.get(change_url(post)).text
    assert "This edit is a correction" not in writer.get(change_url(post)).text


def test_an_editor_cannot_correct_a_post_not_yet_public(editor_client, author):
    draft = PostFactory(author=author, draft=True)
    assert "This edit is a correction" not in editor_client.get(change_url(draft)).text


def test_an_author_cannot_make_a_correction_even_by_forging_the_form(author_client, post):
    response = correct(author_client, post)

    assert response.status_code == HTTPStatus.FOUND  # saved, silently
    assert not Correction.objects.exists()
    post.refresh_from_db()
    assert "2021" in post.body


def test_a_correction_without_a_note_is_refused_and_the_edit_kept(editor_client, post):
    response = correct(editor_client, post, note="  ", title="What the 2021 survey said")

    assert response.status_code == HTTPStatus.OK
    assert "Write the note readers will see under the post" in response.text
    assert "What the 2021 survey said" in response.text  # the edit is given back
    assert not Correction.objects.exists()
    assert Post.objects.get(pk=post.pk).title == "What the survey said"


def test_a_note_without_the_tick_is_refused(editor_client, post):
    data = post_form(post, correction_note=NOTE)
    response = editor_client.post(change_url(post), data)

    assert response.status_code == HTTPStatus.OK
    assert "Tick “This edit is a correction” to publish the note" in response.text
    assert NOTE.replace("'", "&#x27;") in response.text


def test_a_correction_cannot_come_with_unpublishing(editor_client, post):
    response = correct(editor_client, post, _unpublish="Unpublish")

    assert response.status_code == HTTPStatus.OK
    assert "Only a published post is corrected" in response.text
    assert not Correction.objects.exists()


def test_the_corrections_page_names_every_writer_of_a_co_written_column(
    editor, author, other_author, client
):
    shared = PostFactory(title="Written together", author=author, coauthors=[other_author])
    Correction.objects.create(post=shared, note="A fix.", made_at=CORRECTED, made_by=editor)

    text = client.get(CORRECTIONS).text

    assert f"by {author.display_name} and {other_author.display_name}" in text
