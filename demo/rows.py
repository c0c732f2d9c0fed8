"""Build the unsaved rows both the demo and the synthetic publication store, one kind each."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model

from authors.models import Author
from blog.models import Post
from comments.models import Comment

# Reader addresses from the ranges reserved for documentation (RFC 5737).
DOCUMENTATION_NETWORKS = ["192.0.2", "198.51.100", "203.0.113"]
USER_AGENTS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.5 Safari/605.1.15",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
]


@dataclass(frozen=True)
class Commenter:
    """Who writes a comment: a reader, or (with user) the post's own columnist."""

    name: str
    email: str
    location: str = ""
    ip_address: str | None = None
    user_agent: str = ""
    user: object = None

    @classmethod
    def reader(cls, *, number: int, name: str, location: str, email: str) -> "Commenter":
        """Return reader number, who keeps one address and one IP address: their history."""
        return cls(
            name=name,
            email=email,
            location=location,
            ip_address=f"{DOCUMENTATION_NETWORKS[number % 3]}.{number // 3 % 240 + 10}",
            user_agent=USER_AGENTS[number % len(USER_AGENTS)],
        )

    @classmethod
    def columnist(cls, author: Author, *, like: "Commenter | None" = None) -> "Commenter":
        """Return the author of a post answering on it, from like's IP address and browser."""
        return cls(
            name=author.display_name,
            email=author.user.email,
            ip_address=like.ip_address if like else None,
            user_agent=like.user_agent if like else "",
            user=author.user,
        )


def user_row(*, username, first_name="", last_name="", email="", password=None):
    """Build an unsaved staff account; without a password it cannot log in."""
    user = get_user_model()(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        is_staff=True,
    )
    if password is None:
        user.set_unusable_password()
    else:
        user.set_password(password)
    return user


def author_row(*, user, display_name, slug, tagline, introduction, rhythm, position, is_active):
    """Build an unsaved columnist's profile, position-th on the blog roll."""
    return Author(
        user=user,
        display_name=display_name,
        slug=slug,
        tagline=tagline,
        introduction=introduction,
        rhythm=rhythm,
        blog_roll_order=position * 10,
        is_active=is_active,
    )


def post_row(*, published_at: datetime | None, **fields) -> Post:
    """Build an unsaved post, published at published_at, or a draft when it is None."""
    status = Post.Status.PUBLISHED if published_at else Post.Status.DRAFT
    return Post(status=status, published_at=published_at, **fields)


def comment_row(
    *,
    post,
    commenter: Commenter,
    body: str,
    created_at: datetime,
    status: str = Comment.Status.APPROVED,
    decided_at: datetime | None = None,
    decided_by=None,
    parent=None,
    spam_reason: str = "",
) -> Comment:
    """Build an unsaved comment as the site stores it once decided.

    The post's columnist needs no moderator: their comments are approved as they are written.
    """
    by_author = commenter.user is not None
    return Comment(
        post=post,
        parent=parent,
        user=commenter.user,
        name=commenter.name,
        email=commenter.email,
        location=commenter.location,
        body=body,
        is_by_post_author=by_author,
        status=Comment.Status.APPROVED if by_author else status,
        spam_reason=spam_reason,
        ip_address=commenter.ip_address,
        user_agent=commenter.user_agent,
        created_at=created_at,
        decided_at=created_at if by_author else decided_at,
        decided_by=None if by_author else decided_by,
    )
