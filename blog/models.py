from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import connections, models
from django.db.models import Case, Count, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from authors.models import Author
from blog.html import html_to_text, sanitize_html, summarize

# Reading speed behind “6 min read”: words a minute of an average adult reading prose.
WORDS_PER_MINUTE = 230

# The stemmer for full-text search: "managing" and "management" share the stem "manag".
SEARCH_CONFIG = "english"
# The columns a post's search vector is made of.
SEARCHED_FIELDS = {"title", "excerpt", "body", "body_text", "search_keywords"}


def search_document():
    """Return a post's weighted words for full-text search: title A, names and excerpt B, body C."""
    return (
        SearchVector("title", config=SEARCH_CONFIG, weight="A")
        + SearchVector("search_keywords", config=SEARCH_CONFIG, weight="B")
        + SearchVector("excerpt", config=SEARCH_CONFIG, weight="B")
        + SearchVector("body_text", config=SEARCH_CONFIG, weight="C")
    )


class Category(models.Model):
    """A section of the publication, such as “Service strategy”."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(
        blank=True, help_text="Shown at the top of the category's page. Plain text."
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("blog:category", kwargs={"slug": self.slug})


class TaggedPost(TaggedItemBase):
    content_object = models.ForeignKey("Post", on_delete=models.CASCADE)

    class Meta:
        indexes = [models.Index(fields=["tag", "content_object"])]


class PostQuerySet(models.QuerySet):
    def published(self):
        """Return posts readers may see: published, with their publication time come."""
        return self.filter(status=Post.Status.PUBLISHED, published_at__lte=timezone.now())

    def scheduled(self):
        """Return posts set to publish at a time still to come."""
        return self.filter(status=Post.Status.PUBLISHED, published_at__gt=timezone.now())

    def next_publication_timestamp(self):
        """Return when the next scheduled post goes public, as a Unix time, or None."""
        moment = self.scheduled().aggregate(next=models.Min("published_at"))["next"]
        return moment.timestamp() if moment else None

    def by_author(self, author):
        return self.filter(author=author)

    def in_category(self, category):
        return self.filter(category=category)

    def tagged(self, tag):
        return self.filter(tags=tag)

    def featured(self):
        return self.filter(is_featured=True)

    def for_lists(self):
        """Fetch what a list of post cards shows, in a fixed number of queries."""
        return self.select_related("author", "category").prefetch_related("tags")

    def refresh_search_vector(self):
        """Recompute these posts' stored search vector from their columns, on PostgreSQL."""
        if connections[self.db].vendor != "postgresql":
            return 0
        return self.update(search_vector=search_document())

    def related_to(self, post):
        """Return posts like post, most alike first: shared tags, then category, then author."""
        tag_ids = [tag.pk for tag in post.tags.all()]
        alike = Q(author=post.author_id)
        if post.category_id:
            alike |= Q(category=post.category_id)
        if tag_ids:
            alike |= Q(tags__in=tag_ids)
            # Counted over the join the filter made, so only the tags both posts carry count.
            shared_tags = Count("tags", filter=Q(tags__in=tag_ids))
        else:
            shared_tags = Value(0)
        return (
            self.filter(alike)
            .exclude(pk=post.pk)
            .annotate(
                shared_tags=shared_tags,
                same_category=Case(When(category=post.category_id, then=1), default=0),
                same_author=Case(When(author=post.author_id, then=1), default=0),
            )
            .order_by("-shared_tags", "-same_category", "-same_author", "-published_at", "-id")
        )


class Post(models.Model):
    """A column: one author's article, public once published and its time has come."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        help_text="The last part of the post's address, made from the title.",
    )
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="posts")
    category = models.ForeignKey(
        Category, on_delete=models.SET_NULL, null=True, blank=True, related_name="posts"
    )
    tags = TaggableManager(through=TaggedPost, blank=True, help_text="Separate tags with commas.")
    excerpt = models.TextField(
        blank=True,
        help_text="A sentence or two for lists and feeds. Left empty, the opening of the "
        "post is used.",
    )
    body = models.TextField(help_text="The article.")
    # Derived text that search reads (see blog/search.py); readers never see these columns.
    body_text = models.TextField(
        blank=True, default="", editable=False, help_text="The body as plain text, for search."
    )
    search_keywords = models.TextField(
        blank=True,
        default="",
        editable=False,
        help_text="The columnist's name and the tag names, for search.",
    )
    # A tsvector on PostgreSQL; elsewhere an unused column that stays empty.
    search_vector = SearchVectorField(null=True, editable=False)
    featured_image = models.ImageField(
        upload_to="posts/%Y/%m/",
        blank=True,
        width_field="featured_image_width",
        height_field="featured_image_height",
    )
    # Kept beside the file so that pages can size the picture without opening it.
    featured_image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    featured_image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    featured_image_alt = models.CharField(
        "featured image description",
        max_length=250,
        blank=True,
        help_text="What the picture shows, for readers who cannot see it.",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "publication time",
        null=True,
        blank=True,
        help_text="A published post appears at this time; a future time schedules it.",
    )
    allow_comments = models.BooleanField(
        "comments open",
        default=True,
        help_text="Untick to close comments on this post. Comments also close by themselves "
        "some days after publication, as the publication is configured.",
    )
    is_featured = models.BooleanField(
        "featured", default=False, help_text="Featured posts lead the home page."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        get_latest_by = "published_at"
        permissions = [("edit_any_post", "Can edit and feature every columnist's posts")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "published"]), name="post_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="post_published_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "published_at"], name="post_public"),
            models.Index(fields=["author", "status", "published_at"], name="post_author"),
            models.Index(fields=["category", "status", "published_at"], name="post_category"),
            models.Index(fields=["is_featured", "status", "published_at"], name="post_featured"),
            # PostgreSQL also has a GIN index on search_vector, post_search, made by migration
            # 0006 alone: declared here, it would break SQLite (see blog/search.py).
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.title)[:200]
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        self.body = sanitize_html(self.body)
        self.body_text = html_to_text(self.body)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_text"}
        super().save(*args, **kwargs)
        if update_fields is None or SEARCHED_FIELDS.intersection(update_fields):
            # The database makes the vector from the row as just written.
            Post.objects.filter(pk=self.pk).refresh_search_vector()

    def get_absolute_url(self):
        day = timezone.localdate(self.published_at or self.created_at or timezone.now())
        return reverse(
            "blog:post",
            kwargs={
                "year": day.year,
                "month": f"{day.month:02d}",
                "day": f"{day.day:02d}",
                "slug": self.slug,
            },
        )

    def is_published(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and not self.is_published()

    @property
    def modified_at(self):
        """Return when readers last saw the post change: its last edit or its publication."""
        if self.published_at and self.published_at > self.updated_at:
            return self.published_at
        return self.updated_at

    @cached_property
    def reading_minutes(self):
        """Return the minutes an average reader takes over the body, at least one."""
        words = len(html_to_text(self.body).split())
        return max(1, round(words / WORDS_PER_MINUTE))

    @property
    def summary(self):
        """Return the excerpt, or the opening of the body when the author wrote none."""
        return self.excerpt.strip() or summarize(self.body)

    def publish(self, *, at=None):
        """Publish now, or schedule for the time given."""
        self.status = self.Status.PUBLISHED
        self.published_at = at or self.published_at or timezone.now()
        self.save(update_fields=["status", "published_at", "updated_at"])

    def unpublish(self):
        """Take the post off the site and back to draft."""
        self.status = self.Status.DRAFT
        self.save(update_fields=["status", "updated_at"])

    def can_be_edited_by(self, user):
        """Say whether user may edit (and so preview) this post: its author, or an editor."""
        if not (user.is_active and user.is_staff):
            return False
        return user.has_perm("blog.edit_any_post") or self.author.user_id == user.pk
