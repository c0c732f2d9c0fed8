"""Mail about comments, sent by the background worker, never inside a reader's request."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.timesince import timesince

from comments.models import Comment

DIGEST_QUEUED_KEY = "comments:moderation-digest-queued"


def moderators():
    """Return the active people who moderate comments and have an email address."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name="Moderators")
        .exclude(email="")
        .distinct()
    )


def absolute(path):
    return settings.SITE_URL.rstrip("/") + path


@task
def send_moderation_digest():
    """Tell moderators, in one message, which comments wait for them."""
    pending = list(Comment.objects.pending().select_related("post").order_by("created_at"))
    recipients = list(moderators().values_list("email", flat=True))
    if not pending or not recipients:
        return 0
    context = {
        "count": len(pending),
        "comments": pending[:20],
        "oldest_wait": timesince(pending[0].created_at),
        "queue_url": absolute(reverse("admin:comments_comment_changelist") + "?status=pending"),
        "publication_name": settings.PUBLICATION_NAME,
    }
    noun = "comment awaits" if len(pending) == 1 else "comments await"
    send_mail(
        subject=f"{len(pending)} {noun} moderation",
        message=render_to_string("comments/email/moderation_digest.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=recipients,
    )
    return len(pending)


@task
def notify_author_of_comment(comment_id):
    """Tell a post's author that a reader's comment on it is now public."""
    comment = (
        Comment.objects.approved()
        .select_related("post__author__user")
        .filter(pk=comment_id)
        .first()
    )
    if comment is None or not comment.post.author.user.email:
        return False
    context = {
        "comment": comment,
        "post": comment.post,
        "comment_url": absolute(comment.get_absolute_url()),
        "publication_name": settings.PUBLICATION_NAME,
    }
    send_mail(
        subject=f"New comment on “{comment.post.title}”",
        message=render_to_string("comments/email/author_notification.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[comment.post.author.user.email],
    )
    return True
