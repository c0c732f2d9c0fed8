"""What happens when a reader comments and when a moderator decides."""

import datetime
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django_ratelimit.core import is_ratelimited

from comments.models import Comment
from comments.spam import akismet_says_spam, blocked_word, sender_is_blocked
from comments.tasks import (
    DIGEST_QUEUED_KEY,
    notify_author_of_comment,
    send_moderation_digest,
    tell_writer_of_rejection,
)
from edge import tags
from edge.state import content_changed
from ops.network import client_ip

logger = logging.getLogger(__name__)


class CommentRefused(Exception):
    """A submission the site will not store, with the message and status the reader gets."""

    def __init__(self, message, status):
        super().__init__(message)
        self.message = message
        self.status = status


def comments_open(post) -> bool:
    """Say whether post takes comments: open on the post, and not past the closing age."""
    if not post.allow_comments:
        return False
    days = settings.COMMENTS_CLOSE_AFTER_DAYS
    if not days or post.published_at is None:
        return True
    return timezone.now() < post.published_at + datetime.timedelta(days=days)


def _over_rate_limit(request, email):
    limits = [
        ("comments:ip", "ip", settings.COMMENTS_RATE_PER_IP),
        ("comments:email", lambda group, request: email, settings.COMMENTS_RATE_PER_EMAIL),
    ]
    # Count the attempt against every limit, so that no key escapes the count.
    hits = [
        is_ratelimited(request, group=group, key=key, rate=rate, increment=True)
        for group, key, rate in limits
    ]
    return any(hits)


def comment_submit(*, post, form, request) -> Comment:
    """Screen and store a valid comment form; raise CommentRefused where the site will not."""
    email = form.cleaned_data["email"].lower()
    ip = client_ip(request)
    if _over_rate_limit(request, email):
        raise CommentRefused(
            "You have sent several comments in a short time. Please wait a few minutes "
            "and send this one again; it is still here.",
            status=429,
        )
    if sender_is_blocked(email=email, ip=ip):
        raise CommentRefused(
            "Comments from this address are not accepted. If you think this is a mistake, "
            "please write to the editors.",
            status=403,
        )

    comment = form.save(commit=False)
    comment.post = post
    comment.email = email
    comment.parent = form.cleaned_data.get("parent")
    comment.ip_address = ip or None
    comment.user_agent = request.headers.get("User-Agent", "")[:300]
    if request.user.is_authenticated:
        comment.user = request.user
        comment.is_by_post_author = post.author.user_id == request.user.pk

    word = blocked_word(comment.name, comment.location, comment.body)
    if word:
        comment.status = Comment.Status.SPAM
        comment.spam_reason = f"Blocked word: {word}"
    elif akismet_says_spam(
        comment=comment,
        user_agent=comment.user_agent,
        referrer=request.headers.get("Referer", ""),
        permalink=request.build_absolute_uri(post.get_absolute_url()),
    ):
        comment.status = Comment.Status.SPAM
        comment.spam_reason = "Akismet"
    elif comment.is_by_post_author or _is_trusted(email):
        comment.status = Comment.Status.APPROVED
        comment.decided_at = timezone.now()
    comment.save()

    if comment.status == Comment.Status.PENDING:
        schedule_moderation_digest()
    elif comment.status == Comment.Status.APPROVED:
        content_changed(tags.post(comment.post_id))
        if not comment.is_by_post_author:
            notify_author_of_comment.enqueue(comment_id=comment.pk)
    return comment


def _is_trusted(email):
    needed = settings.COMMENTS_AUTO_APPROVE_AFTER
    return bool(needed) and Comment.objects.approved().by_email(email).count() >= needed


def schedule_moderation_digest():
    """Queue one digest for moderators per interval, however many comments arrive."""
    interval = settings.COMMENTS_DIGEST_MINUTES * 60
    # None: the cache is out of reach, and a digest too many beats a digest missed.
    if cache.add(DIGEST_QUEUED_KEY, True, timeout=interval) is not False:
        run_after = timezone.now() + datetime.timedelta(seconds=interval)
        send_moderation_digest.using(run_after=run_after).enqueue()


def comment_approve(*, comment, moderator):
    was_public = comment.is_public()
    comment.approve(by=moderator)
    if not was_public:
        content_changed(tags.post(comment.post_id))
        if not comment.is_by_post_author:
            notify_author_of_comment.enqueue(comment_id=comment.pk)


def comment_reject(*, comment, moderator, reason="", tell_writer=False):
    """Reject a comment with an optional reason, mailed to its writer if tell_writer."""
    was_public = comment.is_public()
    comment.reject(by=moderator, reason=reason)
    if was_public:
        content_changed(tags.post(comment.post_id))
    if tell_writer and reason:
        tell_writer_of_rejection.enqueue(comment_id=comment.pk)


def comment_reply(*, comment, moderator, body) -> Comment:
    """Approve a comment and publish moderator's reply to it, signed with their name."""
    with transaction.atomic():
        was_public = comment.is_public()
        # Approving purges the post's pages, on commit: after the reply is stored too.
        comment_approve(comment=comment, moderator=moderator)
        reply = Comment.objects.create(
            post=comment.post,
            parent=comment.thread_start(),
            user=moderator,
            name=moderator.get_full_name() or moderator.get_username(),
            email=moderator.email,
            body=body,
            is_by_post_author=comment.post.author.user_id == moderator.pk,
            status=Comment.Status.APPROVED,
            decided_at=timezone.now(),
            decided_by=moderator,
        )
        if was_public:
            content_changed(tags.post(comment.post_id))
    return reply


def comment_mark_spam(*, comment, moderator):
    was_public = comment.is_public()
    comment.mark_spam(by=moderator)
    if was_public:
        content_changed(tags.post(comment.post_id))


DECISIONS = {"approve": "Approved", "reject": "Rejected", "spam": "Marked as spam"}


def comment_decide(*, comment, moderator, decision, reason="", tell_writer=False):
    """Apply one of DECISIONS to a comment: the reason and the mail go with rejections only."""
    if decision == "approve":
        comment_approve(comment=comment, moderator=moderator)
    elif decision == "spam":
        comment_mark_spam(comment=comment, moderator=moderator)
    elif decision == "reject":
        reason = reason if reason in Comment.Reason.values else ""
        comment_reject(comment=comment, moderator=moderator, reason=reason, tell_writer=tell_writer)
    else:
        raise ValueError(decision)
