"""Editorial notes: private, threaded words about a post between its writer and the editors."""

import reversion
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


class EditorialNoteQuerySet(models.QuerySet):
    def for_post(self, post):
        """Return a post's notes, threads in order, with their writers."""
        return self.filter(post=post).select_related("author").order_by("created_at", "id")


@reversion.register()
class EditorialNote(models.Model):
    """A note on a post, never public: its writer and the editors alone read it."""

    post = models.ForeignKey("blog.Post", on_delete=models.CASCADE, related_name="editorial_notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="editorial_notes",
        help_text="Who wrote the note.",
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        help_text="The note this one answers.",
    )
    body = models.TextField("note", help_text="Plain text, read by the writer and the editors.")
    passage = models.TextField(
        blank=True,
        help_text="Words of the post the note is about, copied exactly. Optional.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = EditorialNoteQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["post", "created_at"], name="note_post")]

    def __str__(self):
        return f"Note on “{self.post}” by {self.author}"

    def get_absolute_url(self):
        return reverse("admin:blog_post_change", args=[self.post_id]) + f"#note-{self.pk}"
