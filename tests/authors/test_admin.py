"""The newsroom's permission matrix: who may list, open, change and delete what in the admin."""

from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from authors.models import Author
from blog.models import Post
from tests.factories import POST_INLINES, PostFactory

pytestmark = pytest.mark.django_db


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def delete_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_delete", args=[obj.pk])


def picker_time(moment):
    """Return moment as the publication time's picker sends it: local, to the minute."""
    return f"{timezone.localtime(moment):%Y-%m-%dT%H:%M}" if moment else ""


def post_form(post, **changes):
    data = {
        "title": post.title,
        "slug": post.slug,
        "body": post.body,
        "excerpt": post.excerpt,
        "featured_image_alt": "",
        "category": post.category_id or "",
        "tags": "",
        "status": post.status,
        "published_at": picker_time(post.published_at),
        "author": post.author_id,
        **POST_INLINES,
    }
    data.update(changes)
    return data


@pytest.fixture
def own_post(author):
    return PostFactory(title="Ada's own column", author=author)


@pytest.fixture
def others_post(other_author):
    return PostFactory(title="Olu's column", author=other_author)


class TestAuthorOnPosts:
    def test_lists_only_their_own_posts(self, author_client, own_post, others_post):
        response = author_client.get(reverse("admin:blog_post_changelist"))

        assert response.status_code == HTTPStatus.OK
        assert "Ada&#x27;s own column" in response.text
        assert "Olu" not in response.text

    def test_opens_and_changes_their_own_post(self, author_client, own_post):
        response = author_client.post(change_url(own_post), post_form(own_post, title="Renamed"))

        assert response.status_code == HTTPStatus.FOUND
        own_post.refresh_from_db()
        assert own_post.title == "Renamed"

    def test_cannot_open_change_or_delete_another_authors_post(self, author_client, others_post):
        for url in (change_url(others_post), delete_url(others_post)):
            response = author_client.get(url)
            # The admin answers a post outside the author's reach as missing: a redirect home.
            assert response.status_code == HTTPStatus.FOUND, url
            assert response["Location"] == reverse("admin:index"), url

        author_client.post(change_url(others_post), post_form(others_post, title="Hijacked"))
        author_client.post(delete_url(others_post), {"post": "yes"})

        others_post.refresh_from_db()
        assert others_post.title == "Olu's column"

    def test_cannot_delete_another_authors_post_through_the_bulk_action(
        self, author_client, others_post
    ):
        author_client.post(
            reverse("admin:blog_post_changelist"),
            {"action": "delete_selected", "_selected_action": [others_post.pk], "post": "yes"},
        )

        assert Post.objects.filter(pk=others_post.pk).exists()

    def test_new_post_belongs_to_them_whatever_the_form_says(
        self, author_client, author, other_author, own_post
    ):
        data = post_form(own_post, title="Brand new", slug="brand-new", author=other_author.pk)

        response = author_client.post(reverse("admin:blog_post_add"), data)

        assert response.status_code == HTTPStatus.FOUND
        assert Post.objects.get(slug="brand-new").author == author

    def test_cannot_reassign_their_post_to_someone_else(
        self, author_client, author, other_author, own_post
    ):
        author_client.post(change_url(own_post), post_form(own_post, author=other_author.pk))

        own_post.refresh_from_db()
        assert own_post.author == author

    def test_cannot_feature_a_post(self, author_client, own_post):
        author_client.post(change_url(own_post), post_form(own_post, is_featured="on"))

        own_post.refresh_from_db()
        assert not own_post.is_featured


class TestAuthorOnProfiles:
    def test_changes_their_own_profile(self, author_client, author):
        response = author_client.post(
            change_url(author),
            {"display_name": "Ada A. Author", "tagline": "New line", "introduction": "Hi",
             "rhythm": "every Friday"},
        )  # fmt: skip

        assert response.status_code == HTTPStatus.FOUND
        author.refresh_from_db()
        assert (author.display_name, author.rhythm) == ("Ada A. Author", "every Friday")

    def test_cannot_change_their_own_blog_roll_place_or_status(self, author_client, author):
        author_client.post(
            change_url(author),
            {"display_name": "Ada", "blog_roll_order": 1, "is_active": "", "slug": "hijack"},
        )

        author.refresh_from_db()
        assert (author.blog_roll_order, author.is_active, author.slug) == (100, True, "ada-author")

    def test_cannot_see_or_change_another_authors_profile(self, author_client, other_author):
        listing = author_client.get(reverse("admin:authors_author_changelist"))
        assert "Olu Other" not in listing.text

        response = author_client.get(change_url(other_author))
        assert response.status_code == HTTPStatus.FOUND

        author_client.post(change_url(other_author), {"display_name": "Hijacked"})
        author_client.post(delete_url(other_author), {"post": "yes"})
        other_author.refresh_from_db()
        assert other_author.display_name == "Olu Other"

    def test_cannot_add_a_columnist(self, author_client):
        response = author_client.get(reverse("admin:authors_author_add"))

        assert response.status_code == HTTPStatus.FORBIDDEN


class TestEditor:
    def test_lists_and_changes_every_post_and_features_it(self, editor_client, others_post):
        listing = editor_client.get(reverse("admin:blog_post_changelist"))
        assert "Olu&#x27;s column" in listing.text

        response = editor_client.post(
            change_url(others_post), post_form(others_post, title="Edited", is_featured="on")
        )

        assert response.status_code == HTTPStatus.FOUND
        others_post.refresh_from_db()
        assert (others_post.title, others_post.is_featured) == ("Edited", True)

    def test_reassigns_a_post(self, editor_client, others_post, author):
        editor_client.post(change_url(others_post), post_form(others_post, author=author.pk))

        others_post.refresh_from_db()
        assert others_post.author == author

    def test_orders_the_blog_roll_and_retires_a_columnist(self, editor_client, other_author):
        response = editor_client.post(
            change_url(other_author),
            {"user": other_author.user_id, "display_name": "Olu Other", "slug": "olu-other",
             "blog_roll_order": 3, "is_active": ""},
        )  # fmt: skip

        assert response.status_code == HTTPStatus.FOUND
        other_author.refresh_from_db()
        assert (other_author.blog_roll_order, other_author.is_active) == (3, False)
        assert Author.objects.blog_roll().filter(pk=other_author.pk).count() == 0

    def test_deletes_a_post(self, editor_client, others_post):
        editor_client.post(delete_url(others_post), {"post": "yes"})

        assert not Post.objects.filter(pk=others_post.pk).exists()


class TestModerator:
    def test_sees_posts_but_cannot_change_or_delete_them(self, moderator_client, others_post):
        listing = moderator_client.get(reverse("admin:blog_post_changelist"))
        assert listing.status_code == HTTPStatus.OK
        assert "Olu&#x27;s column" in listing.text

        moderator_client.post(change_url(others_post), post_form(others_post, title="Changed"))
        moderator_client.post(delete_url(others_post), {"post": "yes"})

        others_post.refresh_from_db()
        assert others_post.title == "Olu's column"

    def test_cannot_add_a_post(self, moderator_client):
        response = moderator_client.get(reverse("admin:blog_post_add"))

        assert response.status_code == HTTPStatus.FORBIDDEN


def test_only_editors_feature_posts_from_the_list(author_client, editor, own_post):
    editor_client = Client()
    editor_client.force_login(editor)
    changelist = reverse("admin:blog_post_changelist")
    action = {"action": "feature", "_selected_action": [own_post.pk]}

    author_client.post(changelist, action)
    own_post.refresh_from_db()
    assert not own_post.is_featured

    editor_client.post(changelist, action)
    own_post.refresh_from_db()
    assert own_post.is_featured
