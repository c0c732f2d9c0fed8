from django.db import models


class ContentVersion(models.Model):
    """One row numbering the states of the publication's public content.

    Kept in the database, in the same transaction as the change it counts, so that no cache
    outage can lose a change: fragments cached under an older number are never read again.
    """

    number = models.PositiveBigIntegerField(default=0)
    next_change_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When public content next changes by itself (a scheduled post going public).",
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"Content version {self.number}"
