"""Who may move a post on the desk, from which state: every role × every move, by the form."""

import datetime
import re
from http import HTTPStatus

import pytest
import reversion
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from blog.models import Post, PostImage
from blog.review_forms import DESK_BUTTONS
from blog.review_states import ReviewState
from tests.blog.desk import change_url, form_for, make_person, post_in, where
from tests.blog.test_editor_uploads import drop
from tests.factories import AuthorFactory, UserFactory

pytestmark = pytest.mark.django_db

DRAFT = ("draft", "")
IN_REVIEW = ("draft", "in_review")
SENT_BACK = ("draft", "changes_requested")
APPROVED = ("published", "approved")
PUBLISHED = ("published", "")

MOVES = {
    "_submit_for_review": "Submitted for review",
    "_request_changes": "Changes requested",
    "_approve": "Approved and published",
    "_approve_and_schedule": "Approved and scheduled",
}
SOON = timezone.now() + datetime.timedelta(days=3)

# (role, the post's state, button) → where the post ends up; None: refused, left as it was.
MATRIX = {
    # Contributors and columnists who need review: drafts go to the editors, never to readers.
    ("contributor", "draft", "_submit_for_review"): IN_REVIEW,
    ("contributor", "changes_requested", "_submit_for_review"): IN_REVIEW,
    ("contributor", "in_review", "_submit_for_review"): None,
    ("contributor", "draft", "_publish"): None,
    ("contributor", "draft", "_schedule"): None,
    ("contributor", "changes_requested", "_publish"): None,
    ("contributor", "in_review", "_approve"): None,
    ("contributor", "in_review", "_approve_and_schedule"): None,
    ("contributor", "in_review", "_request_changes"): None,
    ("contributor", "published", "_unpublish"): None,
    ("contributor", "draft", "_save_draft"): DRAFT,
    ("columnist_needing_review", "draft", "_submit_for_review"): IN_REVIEW,
    ("columnist_needing_review", "changes_requested", "_submit_for_review"): IN_REVIEW,
    ("columnist_needing_review", "draft", "_publish"): None,
    ("columnist_needing_review", "draft", "_schedule"): None,
    ("columnist_needing_review", "in_review", "_approve"): None,
    ("columnist_needing_review", "published", "_unpublish"): None,
    # Columnists who publish directly: as before, and they may still ask for a review.
    ("columnist", "draft", "_publish"): PUBLISHED,
    ("columnist", "draft", "_schedule"): PUBLISHED,
    ("columnist", "published", "_unpublish"): DRAFT,
    ("columnist", "draft", "_submit_for_review"): IN_REVIEW,
    ("columnist", "in_review", "_approve"): None,
    ("columnist", "in_review", "_request_changes"): None,
    # Editors decide on posts in review and publish anything.
    ("editor", "in_review", "_approve"): APPROVED,
    ("editor", "in_review", "_approve_and_schedule"): APPROVED,
    ("editor", "in_review", "_request_changes"): SENT_BACK,
    ("editor", "draft", "_approve"): None,
    ("editor", "changes_requested", "_approve"): None,
    ("editor", "changes_requested", "_request_changes"): None,
    ("editor", "draft", "_submit_for_review"): None,
    ("editor", "draft", "_publish"): PUBLISHED,
    ("editor", "in_review", "_publish"): APPROVED,
    ("editor", "published", "_unpublish"): DRAFT,
    # Moderators never change a post.
    ("moderator", "in_review", "_approve"): None,
    ("moderator", "in_review", "_request_changes"): None,
    ("moderator", "draft", "_submit_for_review"): None,
    ("moderator", "published", "_unpublish"): None,
}


@pytest.mark.parametrize(("role", "state", "button"), list(MATRIX))
def test_the_desk_lets_each_role_make_only_its_moves(client, role, state, button):
    user = make_person(role)
    author = getattr(user, "author", None) or AuthorFactory()
    post = post_in(state, author=author)
    before = where(post)
    client.force_login(user)
    extra = {"review_note": "Tighten the second paragraph."}
    if button in ("_schedule", "_approve_and_schedule"):
        extra["published_at"] = f"{timezone.localtime(SOON):%Y-%m-%dT%H:%M}"

    response = client.post(change_url(post), form_for(post, **{button: "x"}, **extra))

    expected = MATRIX[role, state, button]
    if expected is None:
        assert response.status_code in (HTTPStatus.OK, HTTPStatus.FORBIDDEN, HTTPStatus.FOUND)
        assert where(post) == before
    else:
        assert response.status_code == HTTPStatus.FOUND, response.content[:3000]
        assert where(post) == expected
        post.refresh_from_db()
        if button in ("_schedule", "_approve_and_schedule"):
            assert post.is_scheduled()
        if button in DESK_BUTTONS:
            # Each move says who made it, and the post's history keeps it.
            assert post.review_changed_by == user
            revision = Version.objects.get_for_object(post).first().revision
            assert (revision.user, revision.get_comment()) == (user, MOVES[button])


def test_a_contributor_pressing_publish_is_told_why_and_keeps_the_words(client):
    user = make_person("contributor")
    post = post_in("draft", author=user.author)
    client.force_login(user)

    response = client.post(
        change_url(post), form_for(post, body="<p>New words</p>", _publish="Publish now")
    )

    assert response.status_code == HTTPStatus.OK
    assert "You cannot publish this post. Submit it for review" in response.text
    assert "New words" in response.text
    assert where(post) == DRAFT


def test_a_contributors_crafted_status_is_ignored(client):
    user = make_person("contributor")
    post = post_in("draft", author=user.author)
    client.force_login(user)

    response = client.post(
        change_url(post), form_for(post, status="published", published_at="2020-01-01T09:00")
    )

    assert response.status_code == HTTPStatus.FOUND
    post.refresh_from_db()
    assert (post.status, post.published_at) == ("draft", None)


@pytest.mark.parametrize("role", ["contributor", "columnist_needing_review"])
def test_writers_who_need_review_cannot_change_a_post_in_review_or_published(client, role):
    user = make_person(role)
    in_review = post_in("in_review", author=user.author)
    public = post_in("published", author=user.author)
    client.force_login(user)

    for post in (in_review, public):
        page = client.get(change_url(post))
        assert page.status_code == HTTPStatus.OK
        assert 'name="_save"' not in page.text  # read only
        response = client.post(change_url(post), form_for(post, title="Changed behind the desk"))
        assert response.status_code == HTTPStatus.FORBIDDEN
        assert Post.objects.get(pk=post.pk).title == post.title


def test_a_contributor_cannot_reach_another_writers_post_or_its_uploads(client):
    user = make_person("contributor")
    other = post_in("draft", author=AuthorFactory())
    client.force_login(user)

    assert client.get(change_url(other)).status_code == HTTPStatus.FOUND  # "doesn't exist"
    response = client.post(change_url(other), form_for(other, _submit_for_review="x"))
    assert response.status_code == HTTPStatus.FOUND
    assert where(other) == DRAFT
    notes = client.post(f"/admin/blog/post/{other.pk}/notes/", {"note-body": "hello"})
    assert notes.status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("action", ["publish_now", "unpublish"])
def test_a_contributor_has_no_publishing_bulk_action(client, action):
    user = make_person("contributor")
    draft = post_in("draft", author=user.author)
    public = post_in("published", author=user.author)
    client.force_login(user)

    page = client.get("/admin/blog/post/")
    assert f'value="{action}"' not in page.text
    client.post("/admin/blog/post/", {"action": action, "_selected_action": [draft.pk, public.pk]})

    assert where(draft) == DRAFT
    assert where(public) == APPROVED


def test_only_editors_set_whether_a_columnist_needs_review(client):
    user = make_person("columnist_needing_review")
    client.force_login(user)
    url = f"/admin/authors/author/{user.author.pk}/change/"

    assert "needs_review" not in client.get(url).text
    client.post(url, {"display_name": user.author.display_name, "needs_review": ""})

    user.author.refresh_from_db()
    assert user.author.needs_review


def test_a_new_contributor_needs_review_whatever_their_profile_says(client):
    user = AuthorFactory(
        user=UserFactory(username="guest", groups=["Contributors"]), needs_review=False
    ).user
    client.force_login(user)

    page = client.get("/admin/blog/post/add/")

    assert 'name="_submit_for_review"' in page.text
    assert 'name="_publish"' not in page.text
    assert 'name="status"' not in page.text


@pytest.mark.parametrize(
    ("role", "state", "primary"),
    [
        ("contributor", "draft", "Submit for review"),
        ("columnist_needing_review", "changes_requested", "Submit for review"),
        ("columnist", "draft", "Publish now"),
        ("editor", "in_review", "Approve and publish"),
        ("editor", "draft", "Publish now"),
    ],
)
def test_the_form_makes_the_right_action_primary(client, role, state, primary):
    user = make_person(role)
    post = post_in(state, author=getattr(user, "author", None) or AuthorFactory())
    client.force_login(user)

    text = client.get(change_url(post)).text

    assert f'value="{primary}"' in text
    default = text.split('class="default"')[0].rsplit("<input", 1)[1]
    assert f'value="{primary}"' in default
    if role == "editor" and state == "in_review":
        assert 'value="Approve and schedule"' in text
        assert 'value="Request changes"' in text


@pytest.mark.parametrize(
    ("role", "state", "buttons"),
    [
        ("contributor", "draft", ["Save draft", "Submit for review"]),
        ("columnist", "draft", ["Save draft", "Publish now", "Schedule"]),
        ("columnist", "published", ["Save", "Unpublish", "Save and continue editing"]),
    ],
)
def test_a_post_form_offers_one_set_of_actions_save_first(client, role, state, buttons):
    user = make_person(role)
    post = post_in(state, author=user.author)
    client.force_login(user)

    text = client.get(change_url(post)).text

    submit_row = text.split('class="submit-row"')[1].split("</div>")[0]
    assert re.findall(r'<input type="submit" value="([^"]+)"', submit_row) == buttons


def test_submitting_a_new_post_straight_away_puts_it_in_review(client):
    user = make_person("contributor")
    client.force_login(user)
    data = form_for(
        post_in("draft", author=user.author, slug="x-1"), slug="a-new-one", title="A new one"
    )
    del data["author"]

    response = client.post("/admin/blog/post/add/", {**data, "_submit_for_review": "x"})

    assert response.status_code == HTTPStatus.FOUND
    post = Post.objects.get(slug="a-new-one")
    assert (post.author, post.status, post.review_state) == (
        user.author,
        "draft",
        ReviewState.IN_REVIEW,
    )


def test_request_changes_needs_a_note(client):
    editor = make_person("editor")
    post = post_in("in_review", author=AuthorFactory())
    client.force_login(editor)

    response = client.post(change_url(post), form_for(post, _request_changes="x"))

    assert response.status_code == HTTPStatus.OK
    assert "Say in a note what the writer should change" in response.text
    assert where(post) == IN_REVIEW


def test_a_contributors_revert_never_brings_back_a_published_state(client):
    user = make_person("contributor")
    post = post_in("published", author=user.author)
    with reversion.create_revision():
        post.save()
    with reversion.create_revision():
        post.unpublish()
    oldest = Version.objects.get_for_object(post).last()
    assert oldest.field_dict["status"] == "published"
    client.force_login(user)

    url = reverse("admin:blog_post_revision", args=[post.pk, oldest.pk])
    response = client.post(url, form_for(post, title="Back as it was"))

    # The revision holds a published post, which is the desk's to change: refused whole.
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert where(post) == DRAFT
    assert not Post.objects.published().filter(pk=post.pk).exists()


def test_a_note_saved_with_plain_save_is_kept_not_lost(client):
    editor = make_person("editor")
    post = post_in("in_review", author=AuthorFactory())
    client.force_login(editor)

    client.post(change_url(post), form_for(post, review_note="Check the figures.", _save="Save"))

    assert post.editorial_notes.get().body == "Check the figures."
    assert where(post) == IN_REVIEW


def test_a_contributor_uploads_to_their_own_draft_only(client):
    user = make_person("contributor")
    own_draft = post_in("draft", author=user.author)
    own_in_review = post_in("in_review", author=user.author)
    anothers = post_in("draft", author=AuthorFactory())
    client.force_login(user)

    assert drop(client, post=anothers).status_code == HTTPStatus.NOT_FOUND
    assert drop(client, post=own_in_review).status_code == HTTPStatus.FORBIDDEN
    assert drop(client, post=own_draft).status_code == HTTPStatus.CREATED
    assert list(PostImage.objects.values_list("post", flat=True)) == [own_draft.pk]
