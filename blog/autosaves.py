"""What an author has typed in the post form and not yet saved, kept every few seconds.

An autosave is the form's data as the browser last sent it, per user and per post (or per
user alone for a post not yet saved). It never touches the post: the post changes only when
its form is saved. Who else has a post's form open (presence) lives in the cache instead:
it is renewed every few seconds, worthless a minute later, and not worth a database write
at every heartbeat; with the cache away, nobody is shown, and nothing else fails.
"""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models import Q
from django.utils import timezone

# Autosaves nobody saved nor discarded are swept after this long (see clear_autosaves).
AUTOSAVE_KEPT = datetime.timedelta(days=14)
# Someone whose form has not called in for this long has left it.
PRESENCE_SECONDS = 45
# The browser calls in this often while the form is open (static/js/autosave.js).
HEARTBEAT_SECONDS = 15
# Keys of the form kept: the post's own fields, never the token, files or inline rows.
SKIPPED_KEYS = {"csrfmiddlewaretoken"}


class PostAutosave(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="post_autosaves"
    )
    post = models.ForeignKey(
        "blog.Post",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="autosaves",
        help_text="Empty for a post not saved yet: its author's one new post.",
    )
    data = models.JSONField(
        default=dict, help_text="The form's fields as last sent, each a list of values."
    )
    version = models.PositiveIntegerField(default=0)
    saved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-saved_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "post"],
                condition=Q(post__isnull=False),
                name="one_autosave_per_user_and_post",
            ),
            models.UniqueConstraint(
                fields=["user"], condition=Q(post__isnull=True), name="one_new_post_autosave"
            ),
        ]

    def __str__(self):
        return f"Autosave of {self.post or 'a new post'} by {self.user}"

    def is_newer_than(self, post):
        """Say whether this autosave holds changes made after post was last saved."""
        return post is None or self.saved_at > post.updated_at


def form_data(query_dict):
    """Return what of a submitted post form an autosave keeps, as lists of values."""
    return {
        key: values
        for key, values in query_dict.lists()
        if key not in SKIPPED_KEYS and "-" not in key and not key.startswith("_")
    }


def autosave_for(*, user, post):
    """Return user's autosave of post (None: of their new post), or None."""
    return PostAutosave.objects.filter(user=user, post=post).first()


def store_autosave(*, user, post, data: dict) -> PostAutosave:
    """Keep data as user's latest unsaved form of post (None: their new post)."""
    autosave, _ = PostAutosave.objects.get_or_create(user=user, post=post)
    autosave.data = data
    autosave.version += 1
    autosave.saved_at = timezone.now()
    autosave.save(update_fields=["data", "version", "saved_at"])
    return autosave


def clear_autosaves(*, user, post=None) -> None:
    """Forget user's autosaves of post and of their new post, now saved for real, and sweep
    everyone's autosaves left for longer than AUTOSAVE_KEPT."""
    mine = Q(user=user, post__isnull=True)
    if post is not None:
        mine |= Q(user=user, post=post)
    stale = Q(saved_at__lt=timezone.now() - AUTOSAVE_KEPT)
    PostAutosave.objects.filter(mine | stale).delete()


def presence_key(post_pk):
    return f"post-presence:{post_pk}"


def editor_name(user):
    author = getattr(user, "author", None)
    return (author and author.display_name) or user.get_full_name() or user.get_username()


def present(*, user, post) -> list[dict]:
    """Note that user has post's form open; return the others who have, each with their
    name and since when, longest there first."""
    now = timezone.now()
    key = presence_key(post.pk)
    everyone = cache.get(key) or {}
    everyone = {
        pk: seen
        for pk, seen in everyone.items()
        if now.timestamp() - seen["seen"] < PRESENCE_SECONDS
    }
    mine = everyone.get(user.pk)
    everyone[user.pk] = {
        "name": editor_name(user),
        "since": mine["since"] if mine else now.timestamp(),
        "seen": now.timestamp(),
    }
    cache.set(key, everyone, PRESENCE_SECONDS * 2)
    others = [seen for pk, seen in everyone.items() if pk != user.pk]
    others.sort(key=lambda seen: seen["since"])
    return [
        {
            "name": seen["name"],
            "since": timezone.localtime(
                datetime.datetime.fromtimestamp(seen["since"], tz=datetime.UTC)
            ).strftime("%H:%M"),
        }
        for seen in others
    ]


def leave(*, user, post) -> None:
    """Note that user closed post's form."""
    key = presence_key(post.pk)
    everyone = cache.get(key) or {}
    if everyone.pop(user.pk, None) is not None:
        cache.set(key, everyone, PRESENCE_SECONDS * 2)
