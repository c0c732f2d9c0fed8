from django.db import models


class ImportedItem(models.Model):
    """What a WordPress id became here, so that importing an export again adds only what is new."""

    class Kind(models.TextChoices):
        AUTHOR = "author", "Columnist"
        CATEGORY = "category", "Category"
        TAG = "tag", "Tag"
        POST = "post", "Post"
        PAGE = "page", "Static page"
        COMMENT = "comment", "Comment"
        ATTACHMENT = "attachment", "Attachment"

    source = models.CharField(
        max_length=200, help_text="The WordPress site the item came from (its base address)."
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    wordpress_id = models.CharField(
        "WordPress id", max_length=200, help_text="Its id there: a number, or a login or slug."
    )
    object_id = models.PositiveBigIntegerField(help_text="The row it became here.")
    details = models.JSONField(
        default=dict, blank=True, help_text="What WordPress kept that Masthead has no place for."
    )
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["source", "kind", "wordpress_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "wordpress_id"], name="imported_item_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(
                    kind__in=["author", "category", "tag", "post", "page", "comment", "attachment"]
                ),
                name="imported_item_kind_valid",
            ),
        ]
        indexes = [models.Index(fields=["kind", "wordpress_id"], name="imported_item_lookup")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.wordpress_id} from {self.source}"
