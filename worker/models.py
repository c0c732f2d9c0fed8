from django.conf import settings
from django.db import models
from django.utils import timezone


class SentMail(models.Model):
    """One message handed to the mail server, recorded so that a task run again skips it."""

    key = models.CharField(
        max_length=300,
        unique=True,
        help_text="The task that sent it and the recipient: a re-run sends no mail twice.",
    )
    recipient = models.EmailField(max_length=254)
    subject = models.CharField(max_length=300, blank=True)
    sent_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = "sent mail"
        verbose_name_plural = "sent mail"

    def __str__(self):
        return f"{self.subject} → {self.recipient}"


class HeartbeatQuerySet(models.QuerySet):
    def latest_beat(self):
        """Return when a worker last said it was alive, or None if none ever did."""
        return self.aggregate(latest=models.Max("beat_at"))["latest"]

    def beat_age(self):
        """Return (seconds since a worker last beat or None, whether that is recent enough:
        within WORKER_LEASE_SECONDS)."""
        latest = self.latest_beat()
        if latest is None:
            return None, False
        age = (timezone.now() - latest).total_seconds()
        return age, age <= settings.WORKER_LEASE_SECONDS


class Heartbeat(models.Model):
    """A worker process's sign of life, renewed every few seconds while it runs."""

    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=255, blank=True)
    pid = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(default=timezone.now)
    beat_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = HeartbeatQuerySet.as_manager()

    class Meta:
        ordering = ["-beat_at"]

    def __str__(self):
        return f"{self.hostname}:{self.pid} ({self.worker_id})"
