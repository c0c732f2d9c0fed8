"""The post form's autosave: kept per user and post, never published, offered back, private
previews of what is on screen, and who else has the post open."""

import datetime
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from blog.autosaves import AUTOSAVE_KEPT, PostAutosave
from blog.models import Post
from tests.authors.test_admin import post_form
from tests.factories import AuthorFactory, CategoryFactory, PostFactory

pytestmark = pytest.mark.django_db

NEW_AUTOSAVE_URL = reverse("admin:blog_post_new_autosave")
NEW_PREVIEW_PAGE_URL = reverse("admin:blog_post_new_preview_page")


def url(name, post):
    return reverse(f"admin:blog_post_{name}", args=[post.pk])


@pytest.fixture
def column(author):
    return PostFactory(
        title="What the night shift changed",
        slug="what-the-night-shift-changed",
        author=author,
        body="<p>The saved words.</p>",
        published_at=datetime.datetime(2025, 3, 9, 10, tzinfo=datetime.UTC),
    )


def typed(post, **changes):
    return post_form(post, **changes)


class TestAutosaving:
    def test_an_autosave_keeps_the_form_and_leaves_the_live_post_as_it_was(
        self, author_client, author, column
    ):
        before = Post.objects.get(pk=column.pk)

        response = author_client.post(
            url("autosave", column),
            typed(column, title="A better title", body="<p>New words, not saved.</p>"),
        )

        assert response.status_code == HTTPStatus.OK
        assert response.json()["version"] == 1
        assert "no-store" in response["Cache-Control"]
        after = Post.objects.get(pk=column.pk)
        assert (after.title, after.body, after.status, after.updated_at) == (
            before.title,
            before.body,
            before.status,
            before.updated_at,
        )
        kept = PostAutosave.objects.get(user=author.user, post=column)
        assert kept.data["title"] == ["A better title"]
        assert kept.data["body"] == ["<p>New words, not saved.</p>"]
        # The token and the inline rows are no part of it.
        assert "csrfmiddlewaretoken" not in kept.data
        assert not any("-" in key for key in kept.data)

    def test_a_draft_autosaved_with_published_status_stays_a_draft(self, author_client, author):
        draft = PostFactory(author=author, draft=True)

        author_client.post(url("autosave", draft), typed(draft, status="published"))

        draft.refresh_from_db()
        assert draft.status == Post.Status.DRAFT
        assert not Post.objects.published().filter(pk=draft.pk).exists()

    def test_each_autosave_replaces_the_last_and_counts_up(self, author_client, author, column):
        author_client.post(url("autosave", column), typed(column, title="One"))
        response = author_client.post(url("autosave", column), typed(column, title="Two"))

        assert response.json()["version"] == 2
        assert PostAutosave.objects.get().data["title"] == ["Two"]

    def test_a_new_post_is_autosaved_without_making_a_post(self, author_client, author):
        response = author_client.post(NEW_AUTOSAVE_URL, {"title": "Not yet a post"})

        assert response.status_code == HTTPStatus.OK
        assert Post.objects.count() == 0
        assert PostAutosave.objects.get(user=author.user, post=None).data["title"] == [
            "Not yet a post"
        ]

    def test_autosaving_asks_for_a_post(self, author_client, column):
        assert author_client.get(url("autosave", column)).status_code == (
            HTTPStatus.METHOD_NOT_ALLOWED
        )


class TestReach:
    @pytest.mark.parametrize(
        "name", ["autosave", "discard", "presence", "preview", "preview_page", "preview_version"]
    )
    def test_another_authors_post_is_not_found(self, client, other_author, column, name):
        client.force_login(other_author.user)
        method = client.post if name in ("autosave", "discard", "presence") else client.get

        response = method(url(name, column), typed(column) if name == "autosave" else {})

        assert response.status_code == HTTPStatus.NOT_FOUND
        assert not PostAutosave.objects.exists()

    @pytest.mark.parametrize("name", ["autosave", "presence", "preview_page"])
    def test_a_moderator_who_reads_the_post_may_not_autosave_nor_preview_it(
        self, moderator_client, column, name
    ):
        method = moderator_client.get if name == "preview_page" else moderator_client.post

        response = method(url(name, column), typed(column) if name == "autosave" else {})

        assert response.status_code == HTTPStatus.FORBIDDEN
        assert not PostAutosave.objects.exists()

    def test_a_moderator_has_no_new_post_to_autosave(self, moderator_client):
        response = moderator_client.post(NEW_AUTOSAVE_URL, {"title": "Sneaky"})

        assert response.status_code == HTTPStatus.FORBIDDEN

    def test_a_reader_is_sent_to_log_in(self, client, column):
        response = client.post(url("autosave", column), typed(column))

        assert response.status_code == HTTPStatus.FOUND
        assert not PostAutosave.objects.exists()

    def test_an_editor_autosaves_anyones_post_for_themselves(
        self, editor_client, editor, author, column
    ):
        editor_client.post(url("autosave", column), typed(column, title="Edited"))

        assert PostAutosave.objects.get().user == editor


class TestRecovery:
    def test_the_form_offers_back_changes_newer_than_the_last_save(self, author_client, column):
        author_client.post(url("autosave", column), typed(column, title="Unsaved title"))

        response = author_client.get(reverse("admin:blog_post_change", args=[column.pk]))

        assert "You have unsaved changes from" in response.text
        assert response.context["autosave"]["restore"]["title"] == ["Unsaved title"]

    def test_the_add_form_offers_back_a_new_post(self, author_client):
        author_client.post(NEW_AUTOSAVE_URL, {"title": "Half a column", "body": "<p>Half</p>"})

        response = author_client.get(reverse("admin:blog_post_add"))

        assert response.context["autosave"]["restore"]["body"] == ["<p>Half</p>"]
        assert "You have unsaved changes from" in response.text

    def test_the_offer_names_the_section_chosen_for_its_list(self, author_client, column):
        section = CategoryFactory(name="Night desk")
        author_client.post(url("autosave", column), typed(column, category=section.pk))

        response = author_client.get(reverse("admin:blog_post_change", args=[column.pk]))

        assert response.context["autosave"]["labels"]["category"] == {str(section.pk): "Night desk"}

    def test_an_autosave_older_than_the_last_save_is_not_offered(self, author_client, column):
        author_client.post(url("autosave", column), typed(column, title="Old idea"))
        PostAutosave.objects.update(saved_at=timezone.now() - datetime.timedelta(hours=1))

        response = author_client.get(reverse("admin:blog_post_change", args=[column.pk]))

        assert response.context["autosave"]["restore"] is None
        assert "You have unsaved changes" not in response.text

    def test_another_users_autosave_is_never_offered(self, client, editor, author, column):
        client.force_login(editor)
        client.post(url("autosave", column), typed(column, title="The editor's idea"))
        client.force_login(author.user)

        response = client.get(reverse("admin:blog_post_change", args=[column.pk]))

        assert response.context["autosave"]["restore"] is None

    def test_discarding_forgets_the_autosave(self, author_client, column):
        author_client.post(url("autosave", column), typed(column, title="Never mind"))

        response = author_client.post(url("discard", column))

        assert response.json() == {"discarded": True}
        assert not PostAutosave.objects.exists()

    def test_a_real_save_forgets_the_savers_autosaves_and_sweeps_old_ones(
        self, author_client, client, author, other_author, column
    ):
        author_client.post(url("autosave", column), typed(column, title="Typed"))
        author_client.post(NEW_AUTOSAVE_URL, {"title": "Another idea"})
        old_post = PostFactory(author=other_author)
        PostAutosave.objects.create(
            user=other_author.user, post=old_post, saved_at=timezone.now() - AUTOSAVE_KEPT * 2
        )
        recent = PostAutosave.objects.create(user=other_author.user, post=None)

        response = author_client.post(
            reverse("admin:blog_post_change", args=[column.pk]),
            post_form(column, title="Saved title"),
        )

        assert response.status_code == HTTPStatus.FOUND
        assert list(PostAutosave.objects.all()) == [recent]


class TestPreview:
    def test_the_preview_shows_the_autosaved_text_sanitised_and_never_cached(
        self, author_client, column
    ):
        author_client.post(
            url("autosave", column),
            typed(
                column,
                title="Typed title",
                body='<p>Typed words</p><script>alert(1)</script><p onclick="x()">Hi</p>',
                tags="night shift, handover",
            ),
        )

        response = author_client.get(url("preview_page", column))

        assert response.status_code == HTTPStatus.OK
        assert "Typed words" in response.text
        assert "Typed title" in response.text
        assert "alert(1)" not in response.text
        assert "onclick" not in response.text
        assert "night shift" in response.text
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
        assert response["X-Frame-Options"] == "SAMEORIGIN"
        assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
        column.refresh_from_db()
        assert column.title == "What the night shift changed"

    def test_the_preview_of_a_new_post_shows_what_was_typed(self, author_client):
        author_client.post(NEW_AUTOSAVE_URL, {"title": "Brand new", "body": "<p>First lines</p>"})

        response = author_client.get(NEW_PREVIEW_PAGE_URL)

        assert response.status_code == HTTPStatus.OK
        assert "First lines" in response.text
        assert "Ada Author" in response.text
        assert Post.objects.count() == 0

    def test_an_editor_previewing_a_new_post_is_asked_for_its_author(self, editor_client):
        editor_client.post(NEW_AUTOSAVE_URL, {"title": "Whose?", "body": "<p>Lines</p>"})

        response = editor_client.get(NEW_PREVIEW_PAGE_URL)

        assert response.status_code == HTTPStatus.OK
        assert "Choose the post's author in the form" in response.text

    def test_an_editor_previews_a_new_post_on_the_blog_of_the_author_chosen(
        self, editor_client, other_author
    ):
        editor_client.post(
            NEW_AUTOSAVE_URL,
            {"title": "Theirs", "body": "<p>Lines</p>", "author": other_author.pk},
        )

        response = editor_client.get(NEW_PREVIEW_PAGE_URL)

        assert "About Olu Other" in response.text

    def test_without_an_autosave_the_preview_shows_the_saved_post(self, author_client, column):
        response = author_client.get(url("preview_page", column))

        assert "The saved words." in response.text

    def test_the_version_changes_with_each_autosave(self, author_client, column):
        first = author_client.get(url("preview_version", column)).json()["version"]
        author_client.post(url("autosave", column), typed(column, title="Again"))
        second = author_client.get(url("preview_version", column)).json()["version"]

        assert first != second

    def test_the_preview_window_frames_the_page_from_this_site(self, author_client, column):
        response = author_client.get(url("preview", column))

        assert response.status_code == HTTPStatus.OK
        assert url("preview_page", column) in response.text
        assert "frame-src 'self'" in response["Content-Security-Policy"]
        assert "no-store" in response["Cache-Control"]


class TestPresence:
    def test_each_is_told_who_else_has_the_post_open(self, client, editor, author, column):
        client.force_login(author.user)
        assert client.post(url("presence", column)).json() == {"others": []}
        client.force_login(editor)

        response = client.get(reverse("admin:blog_post_change", args=[column.pk]))

        assert "Ada Author is also editing this post, since" in response.text
        client.force_login(author.user)
        others = client.post(url("presence", column)).json()["others"]
        assert [other["name"] for other in others] == ["editor"]

    def test_who_left_is_no_longer_shown(self, client, editor, author, column):
        client.force_login(author.user)
        client.post(url("presence", column))
        client.post(url("presence", column), {"leaving": "1"})
        client.force_login(editor)

        assert client.post(url("presence", column)).json() == {"others": []}

    def test_nobody_is_shown_on_another_post(self, client, editor, author, column):
        client.force_login(author.user)
        client.post(url("presence", column))
        client.force_login(editor)
        elsewhere = PostFactory(author=AuthorFactory())

        assert client.post(url("presence", elsewhere)).json() == {"others": []}
