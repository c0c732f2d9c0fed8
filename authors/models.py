from django.conf import settings
from django.db import models
from django.urls import reverse


class AuthorQuerySet(models.QuerySet):
    def active(self):
        """Return the columnists currently on the blog roll."""
        return self.filter(is_active=True)

    def blog_roll(self):
        """Return active columnists in the order editors gave the blog roll."""
        return self.active().order_by("blog_roll_order", "display_name")


class Author(models.Model):
    """A columnist: a user with a blog of their own under the masthead."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="author"
    )
    display_name = models.CharField(
        max_length=100, help_text="Your name as readers see it, e.g. “Ian Clayton”."
    )
    slug = models.SlugField(
        max_length=100, unique=True, help_text="Your blog's address: /authors/<slug>/."
    )
    portrait = models.ImageField(
        upload_to="authors/", blank=True, help_text="A square photo works best."
    )
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
    blog_roll_order = models.PositiveSmallIntegerField(
        default=100, help_text="Lower numbers come first on the blog roll."
    )
    is_active = models.BooleanField(
        "active",
        default=True,
        help_text="Retired columnists leave the blog roll; their blog stays readable.",
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

    def get_absolute_url(self):
        return reverse("blog:author", kwargs={"slug": self.slug})

    @property
    def blog_title(self):
        """Name the blog as the publication does: “Ian Clayton Blog”."""
        return f"{self.display_name} Blog"

    @property
    def initials(self):
        return "".join(part[0] for part in self.display_name.split()[:2]).upper()
