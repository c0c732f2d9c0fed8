"""Every role against every admin address of posts, profiles, comments and categories.

The subject is always the columnist's own work (Ada's draft post, a draft Olu co-writes with
her, her series, her profile, a comment on her post) and a section; each role gets what the
README's table of roles says, by list, by address and by form. Outcomes:

- ``login``: sent to log in (anonymous visitors and readers are not staff);
- ``ok``: the page answers, with the subject on it where it lists things;
- ``unlisted``: the list answers without the subject;
- ``missing``: answered as if the subject did not exist (the admin's redirect home, or 404);
- ``forbidden``: 403;
- ``done`` / ``refused``: a bulk action or a form row changed the subject, or left it as it was.
"""

import json
from http import HTTPStatus
from types import SimpleNamespace

import pytest
import reversion
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from blog.models import Attachment, Post, PostAuthor
from comments.models import Comment
from tests.blog.uploads import inline_forms, pdf_bytes, post_form
from tests.factories import (
    AuthorFactory,
    CategoryFactory,
    CommentFactory,
    PostFactory,
    SeriesFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "reader", "columnist", "other_columnist", "moderator", "editor"]
STAFF = ROLES[2:]


def staff(columnist, other_columnist, moderator, editor):
    """Return one address's outcomes: the two roles outside the newsroom are sent to log in."""
    outcomes = [columnist, other_columnist, moderator, editor]
    return {"anonymous": "login", "reader": "login", **dict(zip(STAFF, outcomes, strict=True))}


# (subject, address) → outcome per role: the README's table of roles, address by address.
MATRIX = {
    # Posts: a columnist's are theirs alone; editors do everything; moderators read the
    # published ones. The subject: Ada's draft.
    ("post", "changelist"): staff("ok", "unlisted", "unlisted", "ok"),
    ("post", "add"): staff("ok", "ok", "forbidden", "ok"),
    ("post", "change"): staff("ok", "missing", "missing", "ok"),
    ("post", "save"): staff("done", "refused", "refused", "done"),
    ("post", "delete"): staff("ok", "missing", "forbidden", "ok"),
    ("post", "history"): staff("ok", "missing", "missing", "ok"),
    ("post", "revision"): staff("ok", "missing", "missing", "ok"),
    ("post", "recover"): staff("ok", "forbidden", "forbidden", "ok"),
    ("post", "view_on_site"): staff("ok", "missing", "missing", "ok"),
    ("post", "bulk_action"): staff("done", "refused", "refused", "done"),
    ("post", "inline_row"): staff("refused", "refused", "refused", "refused"),
    # The tag box's suggestions: a tag only on Ada's draft is hers (and editors') to see.
    ("post", "tag_suggestions"): staff("ok", "unlisted", "forbidden", "ok"),
    # Ada's published post.
    ("published_post", "changelist"): staff("ok", "unlisted", "ok", "ok"),
    ("published_post", "change"): staff("ok", "missing", "ok", "ok"),
    ("published_post", "save"): staff("done", "refused", "refused", "done"),
    ("published_post", "history"): staff("ok", "missing", "ok", "ok"),
    ("published_post", "revision"): staff("ok", "missing", "forbidden", "ok"),
    ("published_post", "view_on_site"): staff("ok", "missing", "ok", "ok"),
    ("published_post", "bulk_action"): staff("done", "refused", "refused", "done"),
    # Ada's draft that Olu co-writes: he edits it as she does, but neither deletes it nor
    # names its co-authors, which an editor does.
    ("coauthored_post", "changelist"): staff("ok", "ok", "unlisted", "ok"),
    ("coauthored_post", "change"): staff("ok", "ok", "missing", "ok"),
    ("coauthored_post", "save"): staff("done", "done", "refused", "done"),
    ("coauthored_post", "delete"): staff("ok", "forbidden", "forbidden", "ok"),
    ("coauthored_post", "history"): staff("ok", "ok", "missing", "ok"),
    ("coauthored_post", "view_on_site"): staff("ok", "ok", "missing", "ok"),
    ("coauthored_post", "bulk_action"): staff("done", "done", "refused", "done"),
    ("coauthored_post", "coauthor_row"): staff("refused", "refused", "refused", "done"),
    # Series: a columnist keeps their own; editors every one. The subject: Ada's series.
    ("series", "changelist"): staff("ok", "unlisted", "forbidden", "ok"),
    ("series", "add"): staff("ok", "ok", "forbidden", "ok"),
    ("series", "change"): staff("ok", "missing", "forbidden", "ok"),
    ("series", "save"): staff("done", "refused", "refused", "done"),
    ("series", "delete"): staff("ok", "missing", "forbidden", "ok"),
    ("series", "join"): staff("done", "refused", "refused", "done"),
    # Profiles: a columnist edits their own; editors manage every one and the blog roll.
    ("profile", "changelist"): staff("ok", "unlisted", "forbidden", "ok"),
    ("profile", "add"): staff("forbidden", "forbidden", "forbidden", "ok"),
    ("profile", "change"): staff("ok", "missing", "forbidden", "ok"),
    ("profile", "save"): staff("done", "refused", "refused", "done"),
    ("profile", "delete"): staff("forbidden", "forbidden", "forbidden", "ok"),
    ("profile", "history"): staff("ok", "missing", "missing", "ok"),
    ("profile", "revision"): staff("ok", "missing", "missing", "ok"),
    ("profile", "view_on_site"): staff("ok", "missing", "missing", "ok"),
    ("profile", "autocomplete"): staff("ok", "unlisted", "forbidden", "ok"),
    # Comments: moderators and editors decide; a columnist reads those on their own posts.
    ("comment", "changelist"): staff("ok", "unlisted", "ok", "ok"),
    ("comment", "add"): staff("forbidden", "forbidden", "forbidden", "forbidden"),
    ("comment", "change"): staff("ok", "missing", "ok", "ok"),
    ("comment", "save"): staff("refused", "refused", "done", "done"),
    ("comment", "delete"): staff("forbidden", "forbidden", "forbidden", "ok"),
    ("comment", "history"): staff("ok", "missing", "ok", "ok"),
    ("comment", "view_on_site"): staff("ok", "missing", "ok", "ok"),
    ("comment", "bulk_action"): staff("refused", "refused", "done", "done"),
    ("comment", "desk"): staff("forbidden", "forbidden", "ok", "ok"),
    ("comment", "desk_button"): staff("refused", "refused", "done", "done"),
    # Sections: editors keep them; columnists see them to file their posts.
    ("category", "changelist"): staff("ok", "ok", "forbidden", "ok"),
    ("category", "add"): staff("forbidden", "forbidden", "forbidden", "ok"),
    ("category", "change"): staff("ok", "ok", "forbidden", "ok"),
    ("category", "save"): staff("refused", "refused", "refused", "done"),
    ("category", "delete"): staff("forbidden", "forbidden", "forbidden", "ok"),
    ("category", "history"): staff("ok", "ok", "forbidden", "ok"),
    ("category", "view_on_site"): staff("ok", "ok", "missing", "ok"),
    ("category", "autocomplete"): staff("ok", "ok", "forbidden", "ok"),
    ("category", "bulk_action"): staff("refused", "refused", "refused", "done"),
}


@pytest.fixture
def newsroom():
    """Ada's work, Olu's post beside it, and someone in each role."""
    ada = AuthorFactory(display_name="Ada Author", slug="ada-author")
    olu = AuthorFactory(display_name="Olu Other", slug="olu-other")
    section = CategoryFactory(name="Service strategy", slug="service-strategy")
    post = PostFactory(
        title="Ada's secret draft", author=ada, category=section, draft=True, tags=["merger plans"]
    )
    lost = PostFactory(title="Ada's lost column", author=ada)
    olus_post = PostFactory(title="Olu's column", author=olu)
    published_post = PostFactory(title="Ada's published column", author=ada, category=section)
    adas_other_post = PostFactory(title="Ada's other column", author=ada)
    coauthored_post = PostFactory(
        title="Ada and Olu's joint draft", author=ada, coauthors=[olu], draft=True
    )
    series = SeriesFactory(name="Ada's series", author=ada)
    users = {
        "reader": UserFactory(username="reader"),
        "columnist": ada.user,
        "other_columnist": olu.user,
        "moderator": UserFactory(username="moderator", groups=["Moderators"]),
        "editor": UserFactory(username="editor", groups=["Editors"]),
    }
    # A revision of each, as a save in the admin keeps, and one of a post deleted since.
    for obj in (post, published_post, ada, lost):
        with reversion.create_revision():
            reversion.set_user(ada.user)
            obj.save()
    lost.delete()
    return SimpleNamespace(
        users=users,
        post=post,
        published_post=published_post,
        coauthored_post=coauthored_post,
        series=series,
        profile=ada,
        # Awaiting moderation: the comments' list opens on that queue.
        comment=CommentFactory(post=post, status=Comment.Status.PENDING),
        category=section,
        deleted=Version.objects.get_deleted(Post).get(),
        attachment=Attachment.objects.create(
            post=post, title="Merger terms", file=SimpleUploadedFile("terms.pdf", pdf_bytes())
        ),
        # A post each role may change, to carry a row of Ada's post in its form.
        own_post={
            "columnist": adas_other_post,
            "other_columnist": olus_post,
            "moderator": olus_post,
            "editor": olus_post,
            "reader": olus_post,
            "anonymous": olus_post,
        },
    )


def admin_url(obj, view, *args):
    name = f"admin:{obj._meta.app_label}_{obj._meta.model_name}_{view}"
    return reverse(name, args=args)


def change_url(obj):
    return admin_url(obj, "change", obj.pk)


def outcome_of_page(response, subject_label=None):
    """Classify a GET of an admin page."""
    if response.status_code == HTTPStatus.FOUND:
        location = response["Location"]
        if "/login/" in location:
            return "login"
        if location == reverse("admin:index"):
            return "missing"
        return "ok"  # view on site: off to the object's page
    if response.status_code == HTTPStatus.NOT_FOUND:
        return "missing"
    if response.status_code == HTTPStatus.FORBIDDEN:
        return "forbidden"
    assert response.status_code == HTTPStatus.OK, response.status_code
    if subject_label is not None and subject_label not in response.text:
        return "unlisted"
    return "ok"


SUBJECTS = {
    "post": lambda n: (n.post, "Ada&#x27;s secret draft"),
    "published_post": lambda n: (n.published_post, "Ada&#x27;s published column"),
    "coauthored_post": lambda n: (n.coauthored_post, "Ada and Olu&#x27;s joint draft"),
    "series": lambda n: (n.series, "Ada&#x27;s series"),
    "profile": lambda n: (n.profile, "Ada Author"),
    "comment": lambda n: (n.comment, n.comment.name),
    "category": lambda n: (n.category, "Service strategy"),
}
# The change form as the fullest of them (an editor's) sends it, each with one field changed.
CHANGE_FORMS = {
    "post": lambda post: post_form(post, title="Changed", slug=post.slug, author=post.author_id),
    "published_post": lambda post: post_form(
        post, title="Changed", slug=post.slug, author=post.author_id, status=post.status
    ),
    "coauthored_post": lambda post: post_form(
        post, title="Changed", slug=post.slug, author=post.author_id
    ),
    "series": lambda series: {
        "name": "Changed", "slug": series.slug, "author": series.author_id, "description": "",
    },
    "profile": lambda author: {
        "user": author.user_id, "display_name": "Changed", "slug": author.slug,
        "rhythm": author.rhythm, "blog_roll_order": author.blog_roll_order, "is_active": "on",
    },
    "comment": lambda comment: {"_reject": "", "reason": Comment.Reason.OFF_TOPIC},
    "category": lambda category: {"name": "Changed", "slug": category.slug},
}  # fmt: skip
# A profile's only action is deletion, which a columnist's posts protect from everyone.
BULK_ACTIONS = {
    "post": "publish_now",
    "published_post": "unpublish",
    "coauthored_post": "publish_now",
    "comment": "reject",
    "category": "delete_selected",
}
# Where each subject is offered for choosing: the post form's field that autocompletes it
# (no form autocompletes posts or comments).
AUTOCOMPLETE = {"profile": "author", "category": "category"}


def visit(client, newsroom, subject, address, role):
    """Return the outcome of one role's use of one address on one subject."""
    obj, label = SUBJECTS[subject](newsroom)
    if address == "changelist":
        return outcome_of_page(client.get(admin_url(obj, "changelist")), label)
    if address == "add":
        return outcome_of_page(client.get(admin_url(obj, "add")))
    if address in ("change", "delete", "history"):
        return outcome_of_page(client.get(admin_url(obj, address, obj.pk)))
    if address == "revision":
        version = Version.objects.get_for_object(obj).first()
        return outcome_of_page(client.get(admin_url(obj, "revision", obj.pk, version.pk)))
    if address == "recover":
        return outcome_of_page(client.get(admin_url(obj, "recover", newsroom.deleted.pk)))
    if address == "view_on_site":
        content_type = ContentType.objects.get_for_model(obj)
        return outcome_of_page(
            client.get(reverse("admin:view_on_site", args=[content_type.pk, obj.pk]))
        )
    if address == "autocomplete":
        return autocomplete(client, obj, AUTOCOMPLETE[subject])
    if address == "save":
        data = CHANGE_FORMS[subject](obj)
        return outcome_of_change(obj, lambda: client.post(admin_url(obj, "change", obj.pk), data))
    if address == "bulk_action":
        return bulk_action(client, obj, BULK_ACTIONS[subject])
    if address == "desk":
        return outcome_of_page(client.get(reverse("admin:comments_comment_desk")), label)
    if address == "desk_button":
        decide = reverse("admin:comments_comment_decide")
        return outcome_of_change(obj, lambda: client.post(decide, {"act": f"reject:{obj.pk}"}))
    if address == "inline_row":
        return inline_row(client, newsroom, role)
    if address == "coauthor_row":
        return coauthor_row(client, newsroom)
    if address == "join":
        return join_series(client, newsroom, role)
    if address == "tag_suggestions":
        return tag_suggestions(client)
    raise AssertionError(address)


def tag_suggestions(client):
    response = client.get(reverse("admin:blog_post_tag_suggestions"), {"q": "merger"})
    outcome = outcome_of_page(response)
    if outcome != "ok":
        return outcome
    return "ok" if "merger plans" in response.json()["tags"] else "unlisted"


def autocomplete(client, obj, field_name):
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "blog", "model_name": "post", "field_name": field_name, "term": ""},
    )
    outcome = outcome_of_page(response)
    if outcome != "ok":
        return outcome
    ids = {result["id"] for result in json.loads(response.content)["results"]}
    return "ok" if str(obj.pk) in ids else "unlisted"


def snapshot(obj):
    """Return what a bulk action could change of obj: whether it exists, and its fields."""
    found = type(obj)._default_manager.filter(pk=obj.pk).values().first()
    return found and {k: v for k, v in found.items() if k not in ("updated_at", "modified_at")}


def outcome_of_change(obj, send):
    """Send a request that would change obj: "done" if it did, "refused" if it did not."""
    before = snapshot(obj)
    response = send()
    if "/login/" in response.get("Location", ""):
        return "login"
    return "refused" if snapshot(obj) == before else "done"


def bulk_action(client, obj, action):
    data = {"action": action, "_selected_action": [obj.pk], "post": "yes"}
    return outcome_of_change(obj, lambda: client.post(admin_url(obj, "changelist"), data))


def inline_row(client, newsroom, role):
    """Send a post form of the user's own carrying a row of Ada's post: her file, renamed."""
    role_post = newsroom.own_post[role]
    row = {"id": newsroom.attachment.pk, "post": role_post.pk, "title": "Taken", "DELETE": ""}
    data = post_form(role_post, title=role_post.title, slug=role_post.slug)
    data.update(inline_forms("attachments", row, initial=1))
    return outcome_of_change(newsroom.attachment, lambda: client.post(change_url(role_post), data))


def coauthor_row(client, newsroom):
    """Send the co-written post's form with one more co-author: "done" if it was named."""
    post = newsroom.coauthored_post
    data = CHANGE_FORMS["coauthored_post"](post)
    # The editor's form: Olu's row as it stands, and a new one naming a third columnist.
    third = AuthorFactory(display_name="Tom Third")
    rows = [
        {"id": row.pk, "post": post.pk, "author": row.author_id, "position": row.position}
        for row in PostAuthor.objects.filter(post=post)
    ]
    rows.append({"author": third.pk, "position": 2})
    data.update(inline_forms("post_authors", *rows, initial=len(rows) - 1))
    before = set(post.coauthors.values_list("pk", flat=True))
    response = client.post(admin_url(post, "change", post.pk), data)
    if "/login/" in response.get("Location", ""):
        return "login"
    return "refused" if set(post.coauthors.values_list("pk", flat=True)) == before else "done"


def join_series(client, newsroom, role):
    """Send a post form of the user's own putting it in Ada's series, as part 1."""
    role_post = newsroom.own_post[role]
    data = post_form(role_post, title=role_post.title, slug=role_post.slug)
    data.update(series=newsroom.series.pk, series_part=1, author=role_post.author_id)
    response = client.post(change_url(role_post), data)
    if "/login/" in response.get("Location", ""):
        return "login"
    role_post.refresh_from_db()
    return "done" if role_post.series_id == newsroom.series.pk else "refused"


CASES = [
    pytest.param(subject, address, role, expected, id=f"{subject}-{address}-{role}")
    for (subject, address), outcomes in MATRIX.items()
    for role, expected in outcomes.items()
]


@pytest.mark.parametrize(("subject", "address", "role", "expected"), CASES)
def test_role_gets_what_the_readme_says(newsroom, subject, address, role, expected):
    client = Client()
    if role != "anonymous":
        client.force_login(newsroom.users[role])

    assert visit(client, newsroom, subject, address, role) == expected
