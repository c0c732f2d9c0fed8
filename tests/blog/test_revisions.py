"""Every admin save keeps a revision; authors see and restore their own posts' revisions only."""

from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from authors.models import Author
from blog.models import Post
from tests.authors.test_admin import change_url, delete_url, post_form
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def history_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_history", args=[obj.pk])


def revision_url(obj, version):
    name = f"admin:{obj._meta.app_label}_{obj._meta.model_name}_revision"
    return reverse(name, args=[obj.pk, version.pk])


def versions_of(obj):
    """Return the object's versions, oldest first."""
    return list(Version.objects.get_for_object(obj).order_by("pk"))


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def ada_profile(tagline):
    """Return the profile form Ada, the author fixture, sends: the fields an author has."""
    return {"display_name": "Ada Author", "tagline": tagline, "rhythm": "weekly"}


def edit(client, post, **changes):
    response = client.post(change_url(post), post_form(post, **changes))
    assert response.status_code == HTTPStatus.FOUND, response.text
    post.refresh_from_db()


@pytest.fixture
def olus_post(other_author):
    """Olu's post, saved twice in the admin: its versions read "Olu v1" and then "Olu v2"."""
    post = PostFactory(title="Olu v0", author=other_author)
    olu = client_for(other_author.user)
    edit(olu, post, title="Olu v1")
    edit(olu, post, title="Olu v2")
    return post


def test_every_admin_save_keeps_a_revision_with_who_and_when(author_client, author):
    post = PostFactory(title="First", author=author)

    edit(author_client, post, title="Second", body="<h2>New</h2><p>Words.</p>")

    [version] = versions_of(post)
    assert version.revision.user == author.user
    assert version.revision.date_created is not None
    assert version.field_dict["title"] == "Second"
    assert version.field_dict["body"] == "<h2>New</h2><p>Words.</p>"


def test_an_author_sees_and_restores_their_own_posts_history(author_client, author):
    post = PostFactory(title="First", author=author)
    edit(author_client, post, title="Second")
    edit(author_client, post, title="Third")
    first, _ = versions_of(post)

    history = author_client.get(history_url(post))
    assert history.status_code == HTTPStatus.OK
    assert revision_url(post, first) in history.text
    assert author.user.username in history.text

    shown = author_client.get(revision_url(post, first))
    assert shown.status_code == HTTPStatus.OK
    assert 'value="Second"' in shown.text
    post.refresh_from_db()
    assert post.title == "Third"  # looking at an old revision changes nothing

    restored = author_client.post(revision_url(post, first), post_form(post, title="Second"))
    assert restored.status_code == HTTPStatus.FOUND
    post.refresh_from_db()
    assert post.title == "Second"
    assert len(versions_of(post)) == 3


def test_an_author_cannot_see_or_restore_another_authors_revisions(author_client, olus_post):
    first, _ = versions_of(olus_post)

    for url in (history_url(olus_post), revision_url(olus_post, first)):
        response = author_client.get(url)
        assert response.status_code == HTTPStatus.FOUND, url
        assert response["Location"] == reverse("admin:index"), url
        assert "Olu v1" not in response.text

    response = author_client.post(
        revision_url(olus_post, first), post_form(olus_post, title="Olu v1")
    )

    assert response.status_code == HTTPStatus.FOUND
    olus_post.refresh_from_db()
    assert olus_post.title == "Olu v2"
    assert len(versions_of(olus_post)) == 2


def test_an_author_cannot_restore_through_their_own_post_a_revision_that_spans_others(
    author, other_author, editor, author_client
):
    """An editor's bulk action saves many posts in one revision: reverting it reverts them all."""
    own = PostFactory(title="Ada's", author=author, draft=True)
    others = PostFactory(title="Olu's", author=other_author, draft=True)
    client_for(editor).post(
        reverse("admin:blog_post_changelist"),
        {"action": "publish_now", "_selected_action": [own.pk, others.pk]},
    )
    [version] = versions_of(own)
    assert versions_of(others)[0].revision == version.revision
    others.refresh_from_db()
    edit(client_for(other_author.user), others, title="Olu's, edited")

    for method in ("get", "post"):
        response = getattr(author_client, method)(revision_url(own, version), post_form(own))
        assert response.status_code == HTTPStatus.FORBIDDEN, method

    others.refresh_from_db()
    assert (others.title, others.status) == ("Olu's, edited", Post.Status.PUBLISHED)


def test_a_version_of_another_post_cannot_be_reached_through_ones_own(
    author_client, author, olus_post
):
    own = PostFactory(author=author)
    edit(author_client, own, title="Mine")
    olus_first, _ = versions_of(olus_post)

    response = author_client.post(revision_url(own, olus_first), post_form(own))

    assert response.status_code == HTTPStatus.NOT_FOUND
    olus_post.refresh_from_db()
    assert olus_post.title == "Olu v2"


def test_an_editor_sees_and_restores_any_authors_revisions(editor_client, olus_post):
    first, _ = versions_of(olus_post)

    assert editor_client.get(history_url(olus_post)).status_code == HTTPStatus.OK
    assert editor_client.get(revision_url(olus_post, first)).status_code == HTTPStatus.OK
    response = editor_client.post(
        revision_url(olus_post, first), post_form(olus_post, title="Olu v1")
    )

    assert response.status_code == HTTPStatus.FOUND
    olus_post.refresh_from_db()
    assert olus_post.title == "Olu v1"


def test_a_moderator_cannot_restore_a_revision(moderator_client, olus_post):
    first, _ = versions_of(olus_post)

    response = moderator_client.post(
        revision_url(olus_post, first), post_form(olus_post, title="Olu v1")
    )

    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    olus_post.refresh_from_db()
    assert olus_post.title == "Olu v2"


class TestDeletedPosts:
    @pytest.fixture
    def deleted(self, author, olus_post, editor):
        own = PostFactory(title="Ada's lost column", author=author)
        ada = client_for(author.user)
        edit(ada, own, title="Ada's lost column")
        ada.post(delete_url(own), {"post": "yes"})
        client_for(editor).post(delete_url(olus_post), {"post": "yes"})
        return {
            "own": Version.objects.get_deleted(Post).get(object_repr="Ada's lost column"),
            "olus": Version.objects.get_deleted(Post).get(object_repr="Olu v2"),
        }

    def test_an_author_lists_their_own_deleted_posts_only(self, author_client, deleted):
        response = author_client.get(reverse("admin:blog_post_recoverlist"))

        assert response.status_code == HTTPStatus.OK
        assert "Ada&#x27;s lost column" in response.text
        assert "Olu v2" not in response.text

    def test_an_author_recovers_their_own_post_but_not_another_authors(
        self, author_client, deleted
    ):
        olus = author_client.post(
            reverse("admin:blog_post_recover", args=[deleted["olus"].pk]),
            post_form(deleted["olus"]._object_version.object),
        )
        assert olus.status_code == HTTPStatus.FORBIDDEN
        assert not Post.objects.filter(title="Olu v2").exists()

        own = deleted["own"]._object_version.object
        response = author_client.post(
            reverse("admin:blog_post_recover", args=[deleted["own"].pk]), post_form(own)
        )
        assert response.status_code == HTTPStatus.FOUND
        assert Post.objects.filter(title="Ada's lost column").exists()


class TestProfiles:
    def test_an_author_cannot_see_or_restore_another_authors_profile_revisions(
        self, author_client, other_author
    ):
        olu = client_for(other_author.user)
        for tagline in ("First line", "Second line"):
            olu.post(
                change_url(other_author),
                {"display_name": "Olu Other", "tagline": tagline, "rhythm": "weekly"},
            )
        other_author.refresh_from_db()
        assert other_author.tagline == "Second line"
        first, _ = versions_of(other_author)

        for url in (history_url(other_author), revision_url(other_author, first)):
            assert author_client.get(url).status_code == HTTPStatus.FOUND, url
        author_client.post(
            revision_url(other_author, first), {"display_name": "Olu Other", "tagline": "Hi"}
        )

        other_author.refresh_from_db()
        assert other_author.tagline == "Second line"
        assert len(versions_of(other_author)) == 2

    def test_an_author_restores_their_own_profile(self, author_client, author):
        for tagline in ("First line", "Second line"):
            author_client.post(change_url(author), ada_profile(tagline))
        first, _ = versions_of(author)

        response = author_client.post(revision_url(author, first), ada_profile("First line"))

        assert response.status_code == HTTPStatus.FOUND
        author.refresh_from_db()
        assert author.tagline == "First line"


class TestFieldsOnlyEditorsSet:
    """A revert by a columnist writes what their form writes, and leaves the rest as it is."""

    def test_an_authors_revert_does_not_feature_their_post_again(
        self, author, author_client, editor
    ):
        post = PostFactory(title="First", author=author)
        editor_client = client_for(editor)
        edit(editor_client, post, title="Featured", is_featured="on")
        edit(editor_client, post, title="Unfeatured")
        featured, _ = versions_of(post)
        assert featured.field_dict["is_featured"] is True

        response = author_client.post(revision_url(post, featured), post_form(post, title="Again"))

        assert response.status_code == HTTPStatus.FOUND
        post.refresh_from_db()
        assert (post.title, post.is_featured) == ("Again", False)

    def test_an_editors_revert_restores_the_featuring(self, author, editor):
        post = PostFactory(title="First", author=author)
        editor_client = client_for(editor)
        edit(editor_client, post, is_featured="on")
        edit(editor_client, post, title="Unfeatured")
        featured, _ = versions_of(post)

        editor_client.post(revision_url(post, featured), post_form(post, is_featured="on"))

        post.refresh_from_db()
        assert post.is_featured

    def test_an_authors_revert_of_a_bulk_revision_features_none_of_its_posts(
        self, author, author_client, editor
    ):
        posts = [PostFactory(author=author, draft=True, is_featured=True) for _ in range(2)]
        editor_client = client_for(editor)
        changelist = reverse("admin:blog_post_changelist")
        selected = [post.pk for post in posts]
        editor_client.post(changelist, {"action": "publish_now", "_selected_action": selected})
        editor_client.post(changelist, {"action": "unfeature", "_selected_action": selected})
        [version] = versions_of(posts[0])
        assert {v.field_dict["is_featured"] for v in version.revision.version_set.all()} == {True}

        response = author_client.post(revision_url(posts[0], version), post_form(posts[0]))

        assert response.status_code == HTTPStatus.FOUND
        assert [Post.objects.get(pk=post.pk).is_featured for post in posts] == [False, False]

    def test_an_author_recovers_a_deleted_featured_post_unfeatured(
        self, author, author_client, editor
    ):
        post = PostFactory(title="Lost column", author=author)
        edit(client_for(editor), post, is_featured="on")
        author_client.post(delete_url(post), {"post": "yes"})
        deleted = Version.objects.get_deleted(Post).get(object_repr="Lost column")

        response = author_client.post(
            reverse("admin:blog_post_recover", args=[deleted.pk]),
            post_form(deleted._object_version.object),
        )

        assert response.status_code == HTTPStatus.FOUND
        assert Post.objects.get(title="Lost column").is_featured is False

    def test_an_authors_revert_of_their_profile_keeps_them_off_the_blog_roll(
        self, author, author_client, editor
    ):
        editor_client = client_for(editor)
        profile = {"user": author.user_id, "display_name": "Ada Author", "slug": "ada-author"}
        editor_client.post(
            change_url(author),
            {**profile, "tagline": "On the roll", "blog_roll_order": 2, "is_active": "on"},
        )
        editor_client.post(
            change_url(author),
            {**profile, "tagline": "Retired", "blog_roll_order": 90, "is_active": ""},
        )
        on_the_roll, _ = versions_of(author)

        response = author_client.post(revision_url(author, on_the_roll), ada_profile("On the roll"))

        assert response.status_code == HTTPStatus.FOUND
        author.refresh_from_db()
        assert (author.tagline, author.is_active, author.blog_roll_order) == (
            "On the roll", False, 90,
        )  # fmt: skip
        assert not Author.objects.blog_roll().filter(pk=author.pk).exists()
