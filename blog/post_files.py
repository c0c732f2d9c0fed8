"""The files a post carries besides its featured image: pictures in the body, downloads."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import slugify

from blog.attachments import attachment_storage, kind_of, validate_attachment
from uploads.files import human_size
from uploads.images import CheckedImageField, Picture, renditions_for
from uploads.storage import original_storage


class PostImage(models.Model):
    """A picture in a post's body: dropped into the editor, or placed with its code,
    [image 12], on a line of its own."""

    # Empty while a picture dropped into the editor of a post not yet saved waits for it.
    post = models.ForeignKey(
        "blog.Post", on_delete=models.CASCADE, related_name="images", null=True, blank=True
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text="Who put the picture in the body's editor; empty for pictures placed by code.",
    )
    image = CheckedImageField(
        "picture",
        upload_to="posts/%Y/%m/",
        storage=original_storage,
        width_field="width",
        height_field="height",
        help_text="A JPEG, PNG, GIF or WebP picture.",
    )
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    alt = models.CharField(
        "description",
        max_length=250,
        help_text="What the picture shows, for readers who cannot see it.",
    )
    caption = models.CharField(
        max_length=300, blank=True, help_text="Shown under the picture. Optional."
    )
    credit = models.CharField(
        max_length=200,
        blank=True,
        help_text="Who made the picture, e.g. “Photo: Jane Smith”. Optional.",
    )
    # The sizes pages serve, made when the picture is saved: see uploads/images.py.
    renditions = models.JSONField(default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["post", "id"]
        verbose_name = "picture in the body"
        verbose_name_plural = "pictures in the body"

    def __str__(self):
        return self.alt

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "image" in update_fields:
            self.renditions = renditions_for(self.image, self.renditions)
            if self.renditions:
                self.width, self.height = self.renditions["width"], self.renditions["height"]
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "renditions", "width", "height"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.post.get_absolute_url()}#image-{self.pk}" if self.post else ""

    @property
    def shortcode(self):
        """Return what an author puts in the body, on a line of its own, to place the picture."""
        return f"[image {self.pk}]"

    @cached_property
    def picture(self):
        return Picture.of(self.image, self.renditions)


class AttachmentQuerySet(models.QuerySet):
    def public(self):
        """Return the attachments of posts readers may see."""
        Post = self.model._meta.get_field("post").related_model
        return self.filter(post__in=Post.objects.published())


class Attachment(models.Model):
    """A file readers download from a post: a checklist, slides, a spreadsheet."""

    # Empty while a file dropped into the editor of a post not yet saved waits for it.
    post = models.ForeignKey(
        "blog.Post", on_delete=models.CASCADE, related_name="attachments", null=True, blank=True
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text="Who put the file in the body's editor; empty for files added below the form.",
    )
    title = models.CharField(
        max_length=200,
        help_text="What readers download, e.g. “Major incident checklist”.",
    )
    file = models.FileField(
        upload_to="attachments/%Y/%m/",
        storage=attachment_storage,
        max_length=255,
        validators=[validate_attachment],
        help_text="A PDF, a Word, Excel or PowerPoint file (.docx, .xlsx, .pptx), an "
        "OpenDocument file (.odt, .ods, .odp) or a ZIP archive.",
    )
    size = models.PositiveBigIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        ordering = ["post", "id"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            self.size = self.file.size
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("blog:attachment", kwargs={"pk": self.pk, "filename": self.filename})

    @property
    def kind(self):
        return kind_of(self.file.name)

    @property
    def filename(self):
        """Return the name readers' browsers save the file under, made from its title."""
        extension = self.kind.extension if self.kind else "bin"
        return f"{slugify(self.title)[:80] or 'download'}.{extension}"

    @property
    def human_size(self):
        return human_size(self.size)
