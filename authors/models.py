from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.functional import cached_property

# A leaf module (Django and Pillow only): portraits are checked and cropped as posts' pictures.
from uploads.images import CheckedImageField, Picture, renditions_for
from uploads.storage import original_storage

validate_web_address = URLValidator(schemes=["http", "https"])


def validate_links(value):
    """Accept one http(s) address a line."""
    for line in value.splitlines():
        if line.strip():
            try:
                validate_web_address(line.strip())
            except ValidationError as exc:
                raise ValidationError(
                    "Put one web address a line, each starting with https://: “%(line)s” is not.",
                    params={"line": line.strip()},
                    code="invalid",
                ) from exc


class AuthorQuerySet(models.QuerySet):
    def active(self):
        """Return the columnists currently on the blog roll."""
        return self.filter(is_active=True)

    def blog_roll(self):
        """Return active columnists in the order editors gave the blog roll."""
        return self.active().order_by("blog_roll_order", "display_name")


class Author(models.Model):
    """A columnist: a user with a blog of their own under the masthead.

    The blog's address, get_absolute_url(), is the publishing app's to give: blog sets it.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="author"
    )
    display_name = models.CharField(
        max_length=100, help_text="Your name as readers see it, e.g. “Ian Clayton”."
    )
    slug = models.SlugField(
        max_length=100, unique=True, help_text="Your blog's address: /authors/<slug>/."
    )
    portrait = CheckedImageField(
        upload_to="authors/",
        storage=original_storage,
        renditions_field="portrait_renditions",
        blank=True,
        help_text="A photo of you in JPEG, PNG, GIF or WebP. Pages show a square cut from "
        "its middle, so keep your face near the centre.",
    )
    # The square sizes pages serve, made when the portrait is saved: see uploads/images.py.
    portrait_renditions = models.JSONField(default=dict, blank=True, editable=False)
    tagline = models.CharField(
        max_length=200, blank=True, help_text="One line under your name on the blog roll."
    )
    introduction = models.TextField(
        blank=True, help_text="A few sentences at the top of your blog. Plain text."
    )
    rhythm = models.CharField(
        "posting rhythm",
        max_length=100,
        blank=True,
        help_text="When readers can expect you, e.g. “every Wednesday”.",
    )
    website = models.URLField(
        blank=True, help_text="Your own site, linked from your blog, e.g. https://example.com/."
    )
    links = models.TextField(
        "other profiles",
        blank=True,
        validators=[validate_links],
        help_text="Your profiles elsewhere (LinkedIn, Mastodon…), one address a line. Your "
        'blog links to each as yours (rel="me"), so those sites can confirm it.',
    )
    blog_roll_order = models.PositiveSmallIntegerField(
        default=100, help_text="Lower numbers come first on the blog roll."
    )
    is_active = models.BooleanField(
        "active",
        default=True,
        help_text="Retired columnists leave the blog roll; their blog stays readable.",
    )
    needs_review = models.BooleanField(
        "needs review",
        default=False,
        help_text="Their posts go to the editors for review before they are published. "
        "Contributors always need review.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AuthorQuerySet.as_manager()

    class Meta:
        ordering = ["blog_roll_order", "display_name"]
        indexes = [models.Index(fields=["is_active", "blog_roll_order", "display_name"])]
        permissions = [
            ("manage_authors", "Can edit every columnist's profile and the blog roll"),
        ]

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "portrait" in update_fields:
            self.portrait_renditions = renditions_for(
                self.portrait, self.portrait_renditions, square=True
            )
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "portrait_renditions"}
        super().save(*args, **kwargs)

    @property
    def blog_title(self):
        """Name the blog as the publication does: “Ian Clayton Blog”."""
        return f"{self.display_name} Blog"

    @property
    def profile_links(self):
        """Return the columnist's website and other profiles as (address, label) pairs."""
        addresses = [self.website, *(line.strip() for line in self.links.splitlines())]
        unique = dict.fromkeys(address for address in addresses if address)
        return [(address, address.split("://", 1)[-1].rstrip("/")) for address in unique]

    @cached_property
    def portrait_picture(self):
        """Return the portrait cut square, as pages show it, or None."""
        return Picture.of(self.portrait, self.portrait_renditions)

    @property
    def initials(self):
        return "".join(part[0] for part in self.display_name.split()[:2]).upper()
