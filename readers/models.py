from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from authors.models import Author
from blog.models import Post


class SavedPost(models.Model):
    """A post a reader added to their MY list."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_posts"
    )
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    saved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-saved_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "post"], name="savedpost_once"),
        ]
        indexes = [models.Index(fields=["user", "-saved_at"], name="savedpost_user")]

    def __str__(self):
        return f"{self.user} saved “{self.post}”"

    def get_absolute_url(self):
        return reverse("readers:my")


class Follow(models.Model):
    """A reader following a columnist: their columns on the MY page, and in the weekly digest
    if the reader asked for it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["author__display_name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "author"], name="follow_once"),
        ]

    def __str__(self):
        return f"{self.user} follows {self.author}"

    def get_absolute_url(self):
        return reverse("readers:my")


class DigestSubscription(models.Model):
    """A reader's wish for a weekly email of their followed columnists' new posts.

    Only the reader turns it on, by asking for it on their MY page: following a columnist
    sends no mail.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest"
    )
    is_active = models.BooleanField(
        "send the weekly digest",
        default=False,
        help_text="On only while the reader wants it: they turn it on and off on their page.",
    )
    consented_at = models.DateTimeField(
        "asked for at",
        null=True,
        blank=True,
        help_text="When the reader last asked for the digest themselves.",
    )
    last_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["user__email"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_active=False) | models.Q(consented_at__isnull=False),
                name="digest_active_only_when_asked_for",
            ),
        ]

    def __str__(self):
        return f"Weekly digest for {self.user}"

    def get_absolute_url(self):
        return reverse("readers:my")

    def subscribe(self):
        """Turn the digest on, as the reader has just asked."""
        self.is_active = True
        self.consented_at = timezone.now()
        self.save(update_fields=["is_active", "consented_at"])
