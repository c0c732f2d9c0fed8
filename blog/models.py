from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models import Case, Count, Exists, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from authors.models import Author
from blog.autosaves import PostAutosave  # noqa: F401 (the post form's autosaves, beside)
from blog.coauthors import (  # noqa: F401 (PostAuthor: co-authors, defined beside)
    CoauthoredPost,
    PostAuthor,
    coauthored_by,
    coauthors_prefetch,
)
from blog.corrections import (  # noqa: F401 (corrections of posts, defined beside)
    Correction,
    last_correction_time,
)
from blog.html import clean_body, html_to_text, summarize_text
from blog.notes import EditorialNote  # noqa: F401 (the desk's notes on posts, defined beside)
from blog.post_files import (  # noqa: F401 (pictures in the body and downloads, defined beside)
    Attachment,
    AttachmentQuerySet,
    PostImage,
)
from blog.review_states import Reviewable, review_constraints  # unpublish() too
from blog.series import Series, SeriesPart, series_constraints  # noqa: F401 (defined beside)
from uploads.images import CheckedImageField, Picture, remove_shortcodes, renditions_for
from uploads.storage import original_storage

# Reading speed behind “6 min read”: words a minute of an average adult reading prose.
WORDS_PER_MINUTE = 230

# The stemmer for full-text search: "managing" and "management" share the stem "manag".
SEARCH_CONFIG = "english"
# The columns a post's search vector is made of.
SEARCHED_FIELDS = {"title", "excerpt", "body", "body_text", "search_keywords"}
# What saving a body fills in beside it.
BODY_TEXT_FIELDS = {"body_text", "body_summary"}
# What saving a featured picture fills in beside it.
FEATURED_IMAGE_FIELDS = {
    "featured_image_renditions", "featured_image_width", "featured_image_height",
}  # fmt: skip


def search_document():
    """Return a post's weighted words for full-text search: title A, names and excerpt B, body C."""
    return (
        SearchVector("title", config=SEARCH_CONFIG, weight="A")
        + SearchVector("search_keywords", config=SEARCH_CONFIG, weight="B")
        + SearchVector("excerpt", config=SEARCH_CONFIG, weight="B")
        + SearchVector("body_text", config=SEARCH_CONFIG, weight="C")
    )


def author_address(author: Author) -> str:
    """Return the address of a columnist's blog, which blog publishes (see BlogConfig)."""
    return reverse("blog:author", kwargs={"slug": author.slug})


def body_text_and_summary(body):
    """Return a sanitised body as plain text, for search, and its opening words, for lists."""
    text = html_to_text(remove_shortcodes(body))
    return text, summarize_text(text)


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


# Related posts are chosen among this many latest posts sharing a tag...
RELATED_CANDIDATES = 200
# ...and, for a post that shares few tags, this many latest of its author in its category,
# of its category and of its author.
ALIKE_CANDIDATES = 10


# The search index is large and no page shows it.
SEARCH_ONLY_FIELDS = ("search_keywords", "search_vector")


class PostQuerySet(models.QuerySet):
    def published(self):
        """Return posts readers may see: published, with their publication time come."""
        return self.filter(status=Post.Status.PUBLISHED, published_at__lte=timezone.now())

    def drafts(self):
        """Return posts not yet published nor scheduled."""
        return self.filter(status=Post.Status.DRAFT)

    def scheduled(self):
        """Return posts set to publish at a time still to come."""
        return self.filter(status=Post.Status.PUBLISHED, published_at__gt=timezone.now())

    def next_publication_timestamp(self):
        """Return when the next scheduled post goes public, as a Unix time, or None."""
        moment = self.scheduled().aggregate(next=models.Min("published_at"))["next"]
        return moment.timestamp() if moment else None

    def by_author(self, author):
        """Return the posts author leads or co-writes, each once (author: an Author or id)."""
        return self.by_authors([author])

    def by_authors(self, authors):
        """Return the posts any of authors (Authors, ids or a query of ids) leads or co-writes."""
        return self.filter(Q(author__in=authors) | Q(pk__in=coauthored_by(authors)))

    def in_series(self, series):
        return self.filter(series=series)

    def in_category(self, category):
        return self.filter(category=category)

    def tagged(self, tag):
        return self.filter(tags=tag)

    def featured(self):
        return self.filter(is_featured=True)

    def for_lists(self):
        """Fetch what a list of post cards shows, in one query: no tags, and the stored
        summary rather than the body and its text, the largest columns."""
        return (
            self.select_related("author", "category")
            .prefetch_related(coauthors_prefetch())
            .defer("body", "body_text", *SEARCH_ONLY_FIELDS)
        )

    def for_reading(self):
        """Fetch posts with their bodies and tags, as a post's page and a feed show them."""
        return (
            self.select_related("author", "category", "series")
            .prefetch_related(coauthors_prefetch())
            .with_tags()
            .defer(*SEARCH_ONLY_FIELDS)
        )

    def for_page(self):
        """Fetch posts as for_reading, whether each has downloads and when it was last
        corrected, as a post's page shows them: the page then asks for downloads and
        corrections only when there are some."""
        attachments = Attachment.objects.filter(post=OuterRef("pk"))
        return self.for_reading().annotate(
            has_attachments=Exists(attachments), last_corrected_at=last_correction_time()
        )

    def with_tags(self):
        """Fetch the posts' tags in one more query, for Post.tag_list.

        Into a list: prefetching into the tags manager builds a queryset for every post,
        which cost a feed of 20 posts a third of its time.
        """
        return self.prefetch_related(models.Prefetch("tags", to_attr="prefetched_tags"))

    def refresh_search_vector(self):
        """Recompute these posts' stored search vector from their columns, on PostgreSQL."""
        if connections[self.db].vendor != "postgresql":
            return 0
        return self.update(search_vector=search_document())

    def related_to(self, post):
        """Return posts like post, most alike first: shared tags, then category, then author.

        They are chosen among the latest RELATED_CANDIDATES posts sharing a tag with post,
        and the latest ALIKE_CANDIDATES of its author in its category, of its category and
        of its author, so that the cost stays the same however many posts a popular tag or
        a large category holds.
        """
        tag_ids = [tag.pk for tag in post.tag_list]
        latest = slice(0, RELATED_CANDIDATES)

        def latest_alike(**alike):
            others = self.filter(**alike).exclude(pk=post.pk)
            newest = others.order_by("-published_at").values("pk")[:ALIKE_CANDIDATES]
            return Post.objects.filter(pk__in=newest).values("pk")

        candidates = latest_alike(author=post.author_id)
        if post.category_id:
            candidates = candidates.union(
                latest_alike(author=post.author_id, category=post.category_id),
                latest_alike(category=post.category_id),
            )
        if tag_ids:
            sharing_a_tag = (
                TaggedPost.objects.filter(tag__in=tag_ids)
                .exclude(content_object=post.pk)
                .order_by("-content_object")
                .values("content_object")
            )
            candidates = candidates.union(
                Post.objects.filter(pk__in=sharing_a_tag[latest]).values("pk")
            )
        shared_tags = (
            TaggedPost.objects.filter(content_object=OuterRef("pk"), tag__in=tag_ids)
            .order_by()
            .values("content_object")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return (
            self.filter(pk__in=candidates)
            .exclude(pk=post.pk)
            .annotate(
                shared_tags=Coalesce(Subquery(shared_tags), 0),
                same_category=Case(When(category=post.category_id, then=1), default=0),
                same_author=Case(When(author=post.author_id, then=1), default=0),
            )
            .order_by("-shared_tags", "-same_category", "-same_author", "-published_at", "-id")
        )


class Post(CoauthoredPost, SeriesPart, Reviewable, models.Model):
    """A column: its authors' article, public once published and its time has come."""

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
    # Kept so that lists and feeds show the opening without loading and parsing the body.
    body_summary = models.TextField(
        blank=True,
        default="",
        db_default="",  # so that servers of the release before can still write posts
        editable=False,
        help_text="The opening of the body as plain text, shown when there is no excerpt.",
    )
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
    featured_image = CheckedImageField(
        upload_to="posts/%Y/%m/",
        storage=original_storage,
        renditions_field="featured_image_renditions",
        blank=True,
        width_field="featured_image_width",
        height_field="featured_image_height",
        help_text="A JPEG, PNG, GIF or WebP picture, shown at the top of the post and beside "
        "it in lists.",
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
    featured_image_caption = models.CharField(
        "featured image caption",
        max_length=300,
        blank=True,
        help_text="Shown under the picture. Optional.",
    )
    featured_image_credit = models.CharField(
        "featured image credit",
        max_length=200,
        blank=True,
        help_text="Who made the picture, e.g. “Photo: Jane Smith”. Optional.",
    )
    # The sizes pages serve, made when the picture is saved: see uploads/images.py.
    featured_image_renditions = models.JSONField(default=dict, blank=True, editable=False)
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

    # Search gives the posts it finds these, as safe HTML with the matches marked; a card shows
    # them in place of the title and summary. (Defaults here, so that templates asking for them
    # on other posts find None at once instead of failing three lookups.)
    search_title = None
    search_snippet = None

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
            *series_constraints(),
            *review_constraints(),
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
            self.slug = self.unique_slug()
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        self.settle_review_state()
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields:
            self.body = clean_body(self.body)
            self.fill_body_text()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, *BODY_TEXT_FIELDS}
        if update_fields is None or "featured_image" in update_fields:
            self.save_featured_image_renditions()
            if update_fields is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], *FEATURED_IMAGE_FIELDS}
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

    def clean(self):
        super().clean()
        if self.featured_image and not self.featured_image_alt.strip():
            raise ValidationError(
                {
                    "featured_image_alt": "Describe the featured image for readers who cannot "
                    "see it, e.g. “Ian Clayton speaking at ServiceCon”."
                }
            )

    def fill_body_text(self):
        """Derive from the sanitised body its plain text, for search, and its summary."""
        self.body_text, self.body_summary = body_text_and_summary(self.body)

    def save_featured_image_renditions(self):
        """Make the featured image's renditions unless made already, and note its true size."""
        self.featured_image_renditions = renditions_for(
            self.featured_image, self.featured_image_renditions
        )
        if self.featured_image_renditions:
            # The size the right way up, which a photo's EXIF orientation may swap.
            self.featured_image_width = self.featured_image_renditions["width"]
            self.featured_image_height = self.featured_image_renditions["height"]

    @cached_property
    def featured_picture(self):
        """Return the featured image as pages show it, or None."""
        return Picture.of(self.featured_image, self.featured_image_renditions)

    def unique_slug(self):
        """Return a slug made from the title that no other post has, "-2", "-3"… on a clash."""
        base = slugify(self.title)[:200] or "post"
        taken = set(
            Post.objects.exclude(pk=self.pk)
            .filter(slug__startswith=base[:190])
            .values_list("slug", flat=True)
        )
        slug, number = base, 1
        while slug in taken:
            number += 1
            suffix = f"-{number}"
            slug = base[: 200 - len(suffix)] + suffix
        return slug

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
        words = len(html_to_text(remove_shortcodes(self.body)).split())
        return max(1, round(words / WORDS_PER_MINUTE))

    @property
    def tag_list(self):
        """Return the post's tags: those with_tags() fetched, else from the database."""
        try:
            return self.prefetched_tags
        except AttributeError:
            return list(self.tags.all())

    @property
    def summary(self):
        """Return the excerpt, or the opening of the body when the author wrote none."""
        return self.excerpt.strip() or self.body_summary

    def publish(self, *, at=None):
        """Publish now, or schedule for the time given."""
        self.status = self.Status.PUBLISHED
        self.published_at = at or self.published_at or timezone.now()
        self.save(update_fields=["status", "published_at", "review_state", "updated_at"])

    def can_be_deleted_by(self, user):
        """Say whether user may delete this post: its lead author or an editor, never a
        co-author."""
        if not (user.is_active and user.is_staff):
            return False
        return user.has_perm("blog.edit_any_post") or self.author.user_id == user.pk
