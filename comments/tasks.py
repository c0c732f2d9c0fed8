"""Mail about comments, sent by the background worker, never inside a reader's request."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.timesince import timesince

from comments.models import Comment
from worker.mail import send_once

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


@task(takes_context=True)
def send_moderation_digest(context):
    """Tell each moderator, in one message, which comments wait for them."""
    pending = list(Comment.objects.pending().select_related("post").order_by("created_at"))
    recipients = list(moderators().values_list("email", flat=True))
    if not pending or not recipients:
        return 0
    mail_context = {
        "count": len(pending),
        "comments": pending[:20],
        "oldest_wait": timesince(pending[0].created_at),
        "queue_url": absolute(reverse("admin:comments_comment_desk")),
        "publication_name": settings.PUBLICATION_NAME,
    }
    noun = "comment awaits" if len(pending) == 1 else "comments await"
    subject = f"{len(pending)} {noun} moderation"
    body = render_to_string("comments/email/moderation_digest.txt", mail_context)
    for recipient in recipients:
        message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient])
        send_once(message, context=context, purpose="moderation-digest")
    return len(pending)


@task(takes_context=True)
def notify_author_of_comment(context, comment_id):
    """Tell a post's author that a reader's comment on it is now public."""
    comment = (
        Comment.objects.approved()
        .select_related("post__author__user")
        .filter(pk=comment_id)
        .first()
    )
    if comment is None or not comment.post.author.user.email:
        return False
    mail_context = {
        "comment": comment,
        "post": comment.post,
        "comment_url": absolute(comment.get_absolute_url()),
        "publication_name": settings.PUBLICATION_NAME,
    }
    message = EmailMessage(
        f"New comment on “{comment.post.title}”",
        render_to_string("comments/email/author_notification.txt", mail_context),
        settings.DEFAULT_FROM_EMAIL,
        [comment.post.author.user.email],
    )
    send_once(message, context=context, purpose="author-notification")
    return True


@task(takes_context=True)
def tell_writer_of_rejection(context, comment_id):
    """Tell a comment's writer, in plain text, that it was rejected and why."""
    comment = (
        Comment.objects.filter(pk=comment_id, status=Comment.Status.REJECTED)
        .exclude(reason="")
        .select_related("post")
        .first()
    )
    if comment is None:
        return False
    mail_context = {
        "comment": comment,
        "post": comment.post,
        "reason": comment.get_reason_display(),
        "post_url": absolute(comment.post.get_absolute_url()),
        "publication_name": settings.PUBLICATION_NAME,
    }
    message = EmailMessage(
        f"Your comment on “{comment.post.title}”",
        render_to_string("comments/email/rejection.txt", mail_context),
        settings.DEFAULT_FROM_EMAIL,
        [comment.email],
    )
    send_once(message, context=context, purpose="rejection")
    return True
