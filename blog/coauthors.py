"""Co-authors: columnists who write a post beside its lead author, named in its byline."""

from django.db import models

from authors.models import Author


class PostAuthor(models.Model):
    """A columnist writing a post beside its lead author, in the byline's order."""

    post = models.ForeignKey("blog.Post", on_delete=models.CASCADE, related_name="post_authors")
    author = models.ForeignKey(
        Author,
        on_delete=models.PROTECT,
        related_name="post_authors",
        verbose_name="co-author",
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Co-authors are named after the lead author, lowest number first."
    )

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "co-author"
        verbose_name_plural = "co-authors"
        constraints = [
            models.UniqueConstraint(
                fields=["post", "author"],
                name="post_author_once",
                violation_error_message="This columnist is a co-author of the post already.",
            )
        ]
        indexes = [models.Index(fields=["author", "post"], name="post_author_coauthor")]

    def __str__(self):
        return f"{self.author} on “{self.post}”"


def coauthored_columns(authors, *, start, end):
    """Return (co-author id, publication time) for each published or scheduled post between
    start and end that any of authors co-writes: slots a co-written column fills."""
    return PostAuthor.objects.filter(
        author__in=authors,
        post__status="published",
        post__published_at__gte=start,
        post__published_at__lt=end,
    ).values_list("author_id", "post__published_at")


def coauthored_by(authors):
    """Return the ids of the posts any of authors co-writes (Authors, ids or a query of ids)."""
    return PostAuthor.objects.filter(author__in=authors).values("post")


class CoauthoredPost(models.Model):
    """A post's co-authors and the byline naming them all (a part of Post)."""

    coauthors = models.ManyToManyField(
        Author,
        through=PostAuthor,
        related_name="coauthored_posts",
        blank=True,
        help_text="Columnists who wrote the post with its lead author: it appears on their "
        "blogs and feeds too, and they may edit it.",
    )

    class Meta:
        abstract = True

    @property
    def coauthor_list(self):
        """Return the co-authors in the byline's order: as with_coauthors() fetched them, else
        from the database."""
        try:
            rows = self.prefetched_post_authors
        except AttributeError:
            if self.pk is None:
                return []
            rows = self.post_authors.select_related("author")
        return [row.author for row in rows]

    @property
    def byline_authors(self):
        """Return every columnist the byline names: the lead author, then the co-authors."""
        return [self.author, *self.coauthor_list]

    @property
    def byline_author_ids(self):
        """Return the ids of the columnists the byline names, for the pages' cache tags: the
        lead author's alone where the co-authors were not fetched with the post, so that
        tagging a list never asks for them post by post."""
        rows = getattr(self, "prefetched_post_authors", ())
        return [self.author_id, *(row.author_id for row in rows)]

    def can_be_edited_by(self, user):
        """Say whether user may edit (and so preview) this post: its lead author, one of its
        co-authors, or an editor (Post.can_be_deleted_by: the lead author or an editor)."""
        return self.can_be_deleted_by(user) or (
            user.is_active and user.is_staff and self.is_coauthored_by(user)
        )

    def is_coauthored_by(self, user):
        """Say whether user is one of the post's co-authors."""
        return user.is_authenticated and self.post_authors.filter(author__user=user).exists()


def coauthors_prefetch(through=""):
    """Return the prefetch filling Post.coauthor_list, in one query for any number of posts
    (through: the lookup leading to the posts, e.g. "post__")."""
    rows = PostAuthor.objects.select_related("author")
    lookup = f"{through}post_authors"
    return models.Prefetch(lookup, queryset=rows, to_attr="prefetched_post_authors")
