"""Editorial notes: threaded, dated, kept with the post's history, never shown to readers."""

from http import HTTPStatus

import pytest
from django.urls import reverse
from reversion.models import Version

from blog import review
from blog.models import EditorialNote
from tests.blog.desk import change_url, make_person, post_in
from tests.factories import AuthorFactory

pytestmark = pytest.mark.django_db

SECRET = "Our lawyer worries about the second paragraph."


def notes_url(post):
    return reverse("admin:blog_post_notes", args=[post.pk])


@pytest.fixture
def contributor():
    return make_person("contributor")


@pytest.fixture
def editor():
    return make_person("editor")


@pytest.fixture
def post(contributor):
    return post_in(
        "in_review",
        author=contributor.author,
        body="<p>The night shift hands over at six.</p><p>Nobody reads the log.</p>",
    )


def test_the_writer_and_the_editors_thread_notes_on_the_posts_form(
    client, post, contributor, editor
):
    client.force_login(editor)
    response = client.post(
        notes_url(post), {"note-body": SECRET, "note-passage": "Nobody  reads the log."}
    )
    first = EditorialNote.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"{change_url(post)}#note-{first.pk}"

    client.force_login(contributor)
    client.post(notes_url(post), {"note-body": "I will cut it.", "note-parent": first.pk})
    answer = EditorialNote.objects.exclude(pk=first.pk).get()
    page = client.get(change_url(post)).text

    assert (answer.parent, answer.author) == (first, contributor)
    assert first.passage == "Nobody reads the log."
    assert SECRET in page and "I will cut it." in page
    assert "“Nobody reads the log.”" in page
    assert page.index(SECRET) < page.index("I will cut it.")
    assert "GMT" in page  # dated, in the publication's zone, named


def test_an_answer_to_an_answer_stays_in_the_thread(post, contributor, editor):
    first = review.add_note(post=post, by=editor, body="One")
    second = review.add_note(post=post, by=contributor, body="Two", parent=first)
    third = review.add_note(post=post, by=editor, body="Three", parent=second)

    assert third.parent == first


def test_a_note_is_kept_in_the_posts_history(client, post, editor):
    client.force_login(editor)
    client.post(notes_url(post), {"note-body": SECRET})

    revision = Version.objects.get_for_object(post).first().revision
    assert revision.get_comment() == "Added an editorial note"
    assert revision.user == editor
    assert {v.object_repr for v in revision.version_set.all()} == {
        str(post),
        str(EditorialNote.objects.get()),
    }


def test_a_passage_not_in_the_post_is_refused_with_the_note_kept(client, post, editor):
    client.force_login(editor)

    response = client.post(
        notes_url(post), {"note-body": SECRET, "note-passage": "words never written"}
    )

    assert response.status_code == HTTPStatus.OK
    assert "About the passage" in response.text
    assert "These words are not in the post as saved" in response.text
    assert SECRET in response.text and "words never written" in response.text
    assert not EditorialNote.objects.exists()


def test_an_empty_note_is_refused_by_name(client, post, editor):
    client.force_login(editor)

    response = client.post(notes_url(post), {"note-body": "  "})

    assert "Write the note before adding it." in response.text
    assert not EditorialNote.objects.exists()


@pytest.mark.parametrize("role", ["columnist", "columnist_needing_review", "moderator"])
def test_nobody_else_reads_or_writes_a_posts_notes(client, post, editor, role):
    review.add_note(post=post, by=editor, body=SECRET)
    client.force_login(make_person(role))

    page = client.get(change_url(post))
    response = client.post(notes_url(post), {"note-body": "Let me in"})

    assert SECRET not in page.text
    assert response.status_code in (HTTPStatus.NOT_FOUND, HTTPStatus.FORBIDDEN)
    assert EditorialNote.objects.count() == 1


def test_a_moderator_reading_a_published_post_never_sees_its_notes(client, editor):
    published = post_in("published", author=AuthorFactory())
    review.add_note(post=published, by=editor, body=SECRET)
    client.force_login(make_person("moderator"))

    page = client.get(change_url(published))
    response = client.post(notes_url(published), {"note-body": "Let me in"})

    assert page.status_code == HTTPStatus.OK
    assert SECRET not in page.text
    assert response.status_code == HTTPStatus.FORBIDDEN


def test_notes_never_reach_public_pages_feeds_search_or_the_preview(client, contributor, editor):
    published = post_in("published", author=contributor.author, title="Handover habits")
    review.add_note(post=published, by=editor, body=SECRET, passage="")
    addresses = [
        published.get_absolute_url(),
        reverse("blog:index"),
        reverse("blog:feed"),
        reverse("blog:feed-atom"),
        reverse("blog:search") + "?q=lawyer",
    ]
    for address in addresses:
        assert SECRET not in client.get(address).text, address

    client.force_login(contributor)
    preview = client.get(reverse("blog:preview", kwargs={"pk": published.pk}))
    assert preview.status_code == HTTPStatus.OK
    assert SECRET not in preview.text


def test_the_notes_address_takes_only_posts(client, post, editor):
    client.force_login(editor)

    assert client.get(notes_url(post)).status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_a_co_author_reads_and_answers_the_notes_of_a_post_they_write(client, editor):
    lead, coauthor = AuthorFactory(), make_person("columnist").author
    post = post_in("in_review", author=lead)
    post.coauthors.add(coauthor)
    first = review.add_note(post=post, by=editor, body=SECRET)
    client.force_login(coauthor.user)

    page = client.get(change_url(post))
    response = client.post(notes_url(post), {"note-body": "Fixed.", "note-parent": first.pk})

    assert SECRET in page.text
    assert response.status_code == HTTPStatus.FOUND
    assert first.replies.get().author == coauthor.user
