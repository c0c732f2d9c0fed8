"""Corrections: an editor's public note that an edit of a published post corrected it."""

from django.conf import settings
from django.db import models


class CorrectionQuerySet(models.QuerySet):
    def public(self):
        """Return the corrections of posts readers may see."""
        from blog.models import Post  # blog.models imports this module

        return self.filter(post__in=Post.objects.published())


class Correction(models.Model):
    """A correction of a published post, shown under it and listed at /corrections/."""

    post = models.ForeignKey("blog.Post", on_delete=models.CASCADE, related_name="corrections")
    note = models.CharField(
        max_length=300,
        help_text="What was wrong and what is right now, in a sentence readers see under the "
        "post. Plain text.",
    )
    made_at = models.DateTimeField(db_index=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["-made_at", "-id"]

    def __str__(self):
        return f"Correction of “{self.post}” on {self.made_at:%Y-%m-%d}"

    def get_absolute_url(self):
        return f"{self.post.get_absolute_url()}#corrections"


def last_correction_time():
    """Return an annotation of each post's last correction time, None if it has none."""
    latest = Correction.objects.filter(post=models.OuterRef("pk")).order_by("-made_at")
    return models.Subquery(latest.values("made_at")[:1])
