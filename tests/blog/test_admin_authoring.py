"""Writing in the admin: the editor, drafts, publishing, scheduling, previews, addresses."""

import datetime
from http import HTTPStatus

import pytest
from django.contrib.redirects.models import Redirect
from django.urls import reverse
from django.utils import timezone

from blog.models import Post
from tests.authors.test_admin import change_url, picker_time, post_form
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:blog_post_add")
CHANGELIST_URL = reverse("admin:blog_post_changelist")


@pytest.fixture
def draft(author):
    return PostFactory(title="Ada's draft", slug="adas-draft", author=author, draft=True)


@pytest.fixture
def published(author):
    return PostFactory(
        title="Ada's column",
        slug="adas-column",
        author=author,
        published_at=datetime.datetime(2025, 3, 9, 10, tzinfo=datetime.UTC),
    )


def new_post_form(author, **changes):
    return post_form(
        Post(title="Fresh column", slug="fresh-column", author=author, body="<p>Words.</p>"),
        **changes,
    )


def local_form_time(moment):
    """Return moment as the picker sends it, to the second (a browser's step="1")."""
    return {"published_at": f"{timezone.localtime(moment):%Y-%m-%dT%H:%M:%S}"}


class TestEditor:
    def test_the_body_is_edited_with_the_rich_text_editor_under_the_sites_policy(
        self, author_client
    ):
        response = author_client.get(ADD_URL)

        assert response.status_code == HTTPStatus.OK
        assert "data-django-prose-editor-configurable" in response.text
        # The import map is an inline script: it runs only with the response's nonce.
        nonce = response.context["csp_nonce"]
        assert f'<script type="importmap" nonce="{nonce}">' in response.text
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
        assert "unsafe-inline" not in response["Content-Security-Policy"]

    def test_the_editor_offers_headings_two_to_four_links_lists_tables_and_figures(
        self, author_client
    ):
        widget = author_client.get(ADD_URL).context["adminform"].form.fields["body"].widget
        extensions = widget.get_config()["extensions"]

        assert extensions["Heading"] == {"levels": [2, 3, 4]}
        for name in ("Bold", "Italic", "Link", "BulletList", "OrderedList", "Blockquote",
                     "HorizontalRule", "Table", "Figure", "Image", "Caption"):  # fmt: skip
            assert name in extensions

    def test_what_the_editor_sends_is_sanitised_on_save(self, author_client, author):
        body = '<h2>Plan</h2><p onclick="x()">A <a href="javascript:alert(1)">link</a></p>'

        author_client.post(ADD_URL, new_post_form(author, body=body))

        assert Post.objects.get().body == (
            '<h2>Plan</h2><p>A <a rel="noopener noreferrer">link</a></p>'
        )


class TestWorkflowButtons:
    def test_save_draft_keeps_a_new_post_off_the_site_and_stays_on_its_form(
        self, author_client, author
    ):
        data = new_post_form(author, status="published", _save_draft="Save draft")

        response = author_client.post(ADD_URL, data)

        post = Post.objects.get()
        assert post.status == Post.Status.DRAFT
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"] == change_url(post)

    def test_publish_now_makes_a_draft_public_at_once(self, author_client, draft):
        author_client.post(change_url(draft), post_form(draft, _publish="Publish now"))

        draft.refresh_from_db()
        assert draft.is_published()
        assert timezone.now() - draft.published_at < datetime.timedelta(minutes=1)

    def test_publish_now_brings_a_scheduled_post_forward(self, author_client, author):
        post = PostFactory(author=author, scheduled=True)

        author_client.post(change_url(post), post_form(post, _publish="Publish now"))

        post.refresh_from_db()
        assert post.is_published()

    def test_schedule_publishes_at_the_time_given(self, author_client, draft):
        when = timezone.now() + datetime.timedelta(days=3)
        data = post_form(draft, _schedule="Schedule", **local_form_time(when))

        author_client.post(change_url(draft), data)

        draft.refresh_from_db()
        assert draft.is_scheduled()
        assert abs(draft.published_at - when) < datetime.timedelta(seconds=1)
        assert not Post.objects.published().filter(pk=draft.pk).exists()

    @pytest.mark.parametrize("days", [None, -1])
    def test_schedule_asks_for_a_time_to_come(self, author_client, draft, days):
        when = {} if days is None else local_form_time(timezone.now() + datetime.timedelta(days))

        response = author_client.post(
            change_url(draft), post_form(draft, _schedule="Schedule", **when)
        )

        assert response.status_code == HTTPStatus.OK
        assert "To schedule the post, give it a publication time to come." in response.text
        draft.refresh_from_db()
        assert draft.status == Post.Status.DRAFT

    def test_saving_published_with_a_future_time_schedules_too(self, author_client, draft):
        when = timezone.now() + datetime.timedelta(hours=5)

        author_client.post(
            change_url(draft), post_form(draft, status="published", **local_form_time(when))
        )

        draft.refresh_from_db()
        assert draft.is_scheduled()

    def test_unpublish_takes_a_post_off_the_site(self, author_client, published):
        author_client.post(change_url(published), post_form(published, _unpublish="Unpublish"))

        published.refresh_from_db()
        assert published.status == Post.Status.DRAFT
        assert not Post.objects.published().exists()

    def test_the_form_offers_the_buttons_that_fit_the_posts_state(
        self, author_client, draft, published, author
    ):
        scheduled = PostFactory(author=author, scheduled=True)
        buttons = ("_save_draft", "_publish", "_schedule", "_unpublish")
        expected = {
            ADD_URL: {"_save_draft", "_publish", "_schedule"},
            change_url(draft): {"_save_draft", "_publish", "_schedule"},
            change_url(scheduled): {"_publish", "_schedule", "_unpublish"},
            change_url(published): {"_unpublish"},
        }
        for url, names in expected.items():
            text = author_client.get(url).text
            assert {name for name in buttons if f'name="{name}"' in text} == names, url

    def test_the_help_text_explains_scheduling(self, author_client):
        text = author_client.get(ADD_URL).text

        assert "To schedule, give a time to come and press Schedule" in text
        # One state, said in words: no Status field beside it (issue 17).
        assert 'type="hidden" name="status"' in text


class TestStateInTheList:
    def test_the_list_shows_each_posts_state(self, author_client, draft, published, author):
        PostFactory(
            title="Ada's next column",
            author=author,
            published_at=datetime.datetime(2030, 12, 3, 9, tzinfo=datetime.UTC),
        )

        text = author_client.get(CHANGELIST_URL).text

        # In words, in the publication's zone, named (issue 17).
        assert "Scheduled for Tuesday 3 December 2030, 09:00 GMT" in text
        assert ">Draft<" in text
        assert ">Published 1\xa0year ago<" in text

    @pytest.mark.parametrize(
        ("state", "titles"),
        [
            ("draft", {"Ada's draft"}),
            ("scheduled", {"Ada's next column"}),
            ("published", {"Ada's column"}),
        ],
    )
    def test_filters_by_state(self, editor_client, draft, published, author, state, titles):
        PostFactory(title="Ada's next column", author=author, scheduled=True)

        response = editor_client.get(CHANGELIST_URL, {"state": state})

        assert {post.title for post in response.context["cl"].result_list} == titles


class TestPreview:
    def test_the_change_form_links_to_the_preview_of_what_is_on_screen_in_its_own_tab(
        self, author_client, draft
    ):
        text = author_client.get(change_url(draft)).text

        preview = reverse("admin:blog_post_preview", args=[draft.pk])
        assert (
            f'<a href="{preview}" target="preview-post-{draft.pk}" class="viewsitelink" '
            "data-autosave-preview>Preview</a>"
        ) in text
        assert "View on site" not in text

    def test_the_preview_shows_a_draft_to_its_author_only(self, author_client, draft, client):
        preview = reverse("blog:preview", kwargs={"pk": draft.pk})

        assert author_client.get(preview).status_code == HTTPStatus.OK
        client.logout()
        assert client.get(preview).status_code == HTTPStatus.NOT_FOUND


class TestSlugs:
    def test_a_clashing_slug_gets_a_clear_error(self, author_client, author, published):
        response = author_client.post(ADD_URL, new_post_form(author, slug=published.slug))

        assert response.status_code == HTTPStatus.OK
        assert "Another post already has this address." in response.text
        assert Post.objects.count() == 1

    def test_a_post_saved_without_a_slug_gets_one_no_other_post_has(self, author):
        first = PostFactory(title="Why change boards fail", slug="")
        second = PostFactory(title="Why change boards fail", slug="")
        third = PostFactory(title="Why change boards fail", slug="")

        assert [first.slug, second.slug, third.slug] == [
            "why-change-boards-fail",
            "why-change-boards-fail-2",
            "why-change-boards-fail-3",
        ]


class TestOldAddresses:
    def test_renaming_a_published_post_keeps_its_old_address_with_a_301(
        self, author_client, published, client
    ):
        old_url = published.get_absolute_url()

        author_client.post(change_url(published), post_form(published, slug="adas-new-column"))

        published.refresh_from_db()
        client.logout()
        response = client.get(old_url)
        assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
        assert (
            response["Location"] == published.get_absolute_url() == "/2025/03/09/adas-new-column/"
        )
        assert client.get(response["Location"]).status_code == HTTPStatus.OK

    def test_renaming_twice_leaves_no_chain(self, author_client, published):
        first_url = published.get_absolute_url()
        author_client.post(change_url(published), post_form(published, slug="second-name"))
        published.refresh_from_db()
        second_url = published.get_absolute_url()

        author_client.post(change_url(published), post_form(published, slug="third-name"))

        published.refresh_from_db()
        assert dict(Redirect.objects.values_list("old_path", "new_path")) == {
            first_url: published.get_absolute_url(),
            second_url: published.get_absolute_url(),
        }

    def test_going_back_to_an_old_name_makes_no_loop(self, author_client, published):
        first_url = published.get_absolute_url()
        author_client.post(change_url(published), post_form(published, slug="second-name"))
        published.refresh_from_db()

        author_client.post(change_url(published), post_form(published, slug="adas-column"))

        assert list(Redirect.objects.values_list("old_path", "new_path")) == [
            ("/2025/03/09/second-name/", first_url)
        ]

    def test_moving_the_publication_date_keeps_the_old_address(self, author_client, published):
        old_url = published.get_absolute_url()
        moved = timezone.localtime(published.published_at).replace(year=2025, month=3, day=12)
        data = post_form(published, published_at=picker_time(moved))

        author_client.post(change_url(published), data)

        published.refresh_from_db()
        response = author_client.get(old_url)
        assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
        assert response["Location"] == published.get_absolute_url() == "/2025/03/12/adas-column/"

    def test_renaming_a_draft_makes_no_redirect(self, author_client, draft):
        author_client.post(change_url(draft), post_form(draft, slug="another-draft-name"))

        draft.refresh_from_db()
        assert draft.slug == "another-draft-name"
        assert not Redirect.objects.exists()
