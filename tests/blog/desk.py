"""People and posts of the editorial desk, shared by its tests."""

from django.utils import timezone

from blog.models import Post
from blog.review_states import ReviewState
from tests.authors.test_admin import change_url, post_form  # noqa: F401 (the desk's tests take change_url from here)
from tests.factories import AuthorFactory, PostFactory, UserFactory

ROLES = ("contributor", "columnist_needing_review", "columnist", "editor", "moderator")


def make_person(role):
    """Return a user of the role (writers with their author profile)."""
    if role == "contributor":
        return AuthorFactory(user=UserFactory(username="cora", groups=["Contributors"])).user
    if role == "columnist_needing_review":
        return AuthorFactory(
            user=UserFactory(username="nina", groups=["Authors"]), needs_review=True
        ).user
    if role == "columnist":
        return AuthorFactory(user=UserFactory(username="dan", groups=["Authors"])).user
    if role == "editor":
        return UserFactory(username="eddie", groups=["Editors"])
    return UserFactory(username="mo", groups=["Moderators"])


def post_in(state, *, author, **fields):
    """Return a post of author's in a desk state: draft, in_review, changes_requested, published."""
    if state == "published":
        return PostFactory(author=author, review_state=ReviewState.APPROVED, **fields)
    review_state = {"draft": ReviewState.NONE}.get(state, state)
    return PostFactory(
        author=author,
        draft=True,
        review_state=review_state,
        review_changed_at=timezone.now() if review_state else None,
        **fields,
    )


def form_for(post, **changes):
    """Return what the post's admin form sends back unchanged, with an empty note for the
    desk, plus changes."""
    return post_form(post, **{"review_note": "", **changes})


def where(post):
    """Return (status, review state) as the database has them."""
    post = Post.objects.get(pk=post.pk)
    return post.status, post.review_state
