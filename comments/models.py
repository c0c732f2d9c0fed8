import ipaddress

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from blog.models import Post


class CommentQuerySet(models.QuerySet):
    def approved(self):
        """Return comments a moderator approved: the only ones the public sees."""
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def on_post(self, post):
        return self.filter(post=post)

    def by_email(self, email):
        return self.filter(email__iexact=email)

    def with_history(self):
        """Annotate each comment with approved_count: how many others from its email were
        approved, in one subquery however many comments are listed."""
        history = (
            Comment.objects.approved()
            .filter(email=OuterRef("email"))
            .exclude(pk=OuterRef("pk"))
            .order_by()
            .values("email")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(approved_count=Coalesce(Subquery(history), 0))


class Comment(models.Model):
    """A reader's answer to a post, public only once a moderator approves it."""

    class Status(models.TextChoices):
        PENDING = "pending", "Awaiting moderation"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"
        SPAM = "spam", "Spam"

    class Reason(models.TextChoices):
        """The reasons a moderator may give for rejecting a comment, and send to its writer."""

        NONE = "", "No reason given"
        OFF_TOPIC = "off-topic", "It is not about the post."
        PERSONAL = "personal", "It attacks a person rather than an argument."
        ADVERTISING = "advertising", "It advertises a product or service."
        REPEAT = "repeat", "It repeats a comment already published."
        PRIVATE = "private", "It shares someone's private details."

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        help_text="The comment this one answers; replies go one level deep.",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
    )
    name = models.CharField(max_length=80)
    email = models.EmailField(help_text="Never shown on the site.")
    location = models.CharField(max_length=80, blank=True)
    body = models.TextField(max_length=10000)
    is_by_post_author = models.BooleanField("by the post's author", default=False, editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    spam_reason = models.CharField(max_length=200, blank=True, editable=False)
    ip_address = models.GenericIPAddressField("IP address", null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.CharField(
        max_length=20,
        choices=Reason.choices,
        blank=True,
        help_text="Why a moderator rejected the comment; sent to its writer if they chose to.",
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        permissions = [("moderate_comment", "Can approve, reject and mark comments as spam")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["pending", "approved", "rejected", "spam"]),
                name="comment_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(
                    reason__in=["", "off-topic", "personal", "advertising", "repeat", "private"]
                ),
                name="comment_reason_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["post", "status", "created_at"], name="comment_post"),
            models.Index(fields=["status", "created_at"], name="comment_queue"),
            models.Index(fields=["email", "status"], name="comment_email"),
            # A thread's own pages list its replies oldest first.
            models.Index(fields=["parent", "status", "created_at"], name="comment_thread"),
            # The moderation desk lists the latest decisions.
            models.Index(fields=["-decided_at"], name="comment_decided"),
        ]

    def __str__(self):
        return f"{self.name} on “{self.post}”"

    def get_absolute_url(self):
        return f"{self.post.get_absolute_url()}#comment-{self.pk}"

    def is_public(self):
        return self.status == self.Status.APPROVED

    def thread_start(self):
        """Return the comment that begins this one's thread: its parent, unless the parent
        was withdrawn and this reply stands as a thread of its own (comments.threads)."""
        if self.parent is not None and self.parent.is_public():
            return self.parent
        return self

    def _decide(self, status, by, reason=""):
        self.status = status
        self.decided_at = timezone.now()
        self.decided_by = by
        self.reason = reason
        self.save(update_fields=["status", "decided_at", "decided_by", "reason"])

    def approve(self, *, by):
        self._decide(self.Status.APPROVED, by)

    def reject(self, *, by, reason=""):
        self._decide(self.Status.REJECTED, by, reason)

    def mark_spam(self, *, by):
        self._decide(self.Status.SPAM, by)


class BlockRule(models.Model):
    """An email address, an IP address or network, or a word that moderators keep out."""

    class Kind(models.TextChoices):
        EMAIL = "email", "Email address"
        IP = "ip", "IP address or network"
        WORD = "word", "Word or phrase"

    kind = models.CharField(max_length=5, choices=Kind.choices)
    value = models.CharField(
        max_length=200,
        help_text="An address (reader@example.com, or @example.com for a whole domain); an IP "
        "address or network (203.0.113.7, 203.0.113.0/24); or a word matched anywhere in "
        "name, location and comment, ignoring case.",
    )
    note = models.CharField(max_length=200, blank=True, help_text="Why, for other moderators.")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        ordering = ["kind", "value"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "value"], name="blockrule_unique"),
            models.CheckConstraint(
                condition=Q(kind__in=["email", "ip", "word"]), name="blockrule_kind_valid"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.value}"

    def clean(self):
        self.value = self.value.strip().lower()
        if self.kind == self.Kind.IP:
            try:
                ipaddress.ip_network(self.value, strict=False)
            except ValueError as exc:
                raise ValidationError({"value": "Enter an IP address or a network."}) from exc
