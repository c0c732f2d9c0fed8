"""Series: regular follow-up articles under one name, each post a numbered part."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Min, Q
from django.urls import reverse

from authors.models import Author


class SeriesQuerySet(models.QuerySet):
    def owned_by(self, author):
        return self.filter(author=author)


class Series(models.Model):
    """A named run of posts a columnist announces, read in the order of their parts."""

    name = models.CharField(max_length=200, help_text="As readers see it, e.g. “Service desks”.")
    slug = models.SlugField(
        max_length=200, unique=True, help_text="The series' address: /series/<slug>/."
    )
    description = models.TextField(
        blank=True, help_text="Shown at the top of the series' page and in its feed. Plain text."
    )
    author = models.ForeignKey(
        Author,
        on_delete=models.PROTECT,
        related_name="series",
        verbose_name="lead author",
        help_text="The columnist who runs the series and adds posts to it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SeriesQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "series"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("blog:series", kwargs={"slug": self.slug})


class SeriesPart(models.Model):
    """A post's place in a series (a part of Post)."""

    series = models.ForeignKey(
        Series,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="posts",
        help_text="The series this post is a part of, if any.",
    )
    series_part = models.PositiveSmallIntegerField(
        "part",
        null=True,
        blank=True,
        help_text="Its number in the series: 1 for the first part. Readers see “Part 2 of 5”, "
        "5 counting the parts not yet published, whose titles stay hidden until they are.",
    )

    class Meta:
        abstract = True

    def clean(self):
        if self.series_id and not self.series_part:
            raise ValidationError(
                {"series_part": "Give the post's part number in the series, 1 for the first."}
            )
        if self.series_part and not self.series_id:
            raise ValidationError(
                {"series": "Choose the series this part belongs to, or clear the part number."}
            )
        if self.series_id and self.series_part:
            clash = type(self).objects.filter(series=self.series_id, series_part=self.series_part)
            if clash.exclude(pk=self.pk).exists():
                raise ValidationError(
                    {
                        "series_part": f"The series has a part {self.series_part} already: "
                        "choose another number."
                    }
                )


def series_constraints():
    """Return the constraints keeping a post's place in a series whole and unique."""
    return [
        models.UniqueConstraint(fields=["series", "series_part"], name="post_series_part_once"),
        models.CheckConstraint(
            condition=Q(series__isnull=True, series_part__isnull=True)
            | Q(series__isnull=False, series_part__gte=1),
            name="post_series_part_numbered",
        ),
    ]


@dataclass(frozen=True)
class Outline:
    """What readers may know of a series: its published parts, how many are planned, and the
    number of the next part to come (never its title)."""

    series: Series
    parts: list
    planned: int
    coming_part: int | None


def series_outline(series, posts):
    """Return the outline of series, its parts taken from posts (Post.objects), in two queries.

    Only the published parts are loaded with their titles; of the others only their count
    and the lowest number are asked, so no page can show what is not public yet.
    """
    published = posts.published().filter(series=series)
    parts = list(
        published.order_by("series_part").only(
            "title", "slug", "published_at", "created_at", "series_part", "series_id"
        )
    )
    public = Q(pk__in=published.values("pk"))
    counts = posts.filter(series=series).aggregate(
        planned=Count("pk"), coming_part=Min("series_part", filter=~public)
    )
    return Outline(series, parts, counts["planned"], counts["coming_part"])
