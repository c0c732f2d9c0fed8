"""What the navigation and the sidebar list, on every page."""

from django.db.models import Count
from django.db.models.functions import TruncMonth
from taggit.models import Tag

from authors.models import Author
from blog.models import Category, Post


def blog_roll():
    return list(Author.objects.blog_roll())


def sections():
    return list(Category.objects.only("name", "slug"))


def latest_months(limit=12):
    """Return the latest months that have published posts, newest first."""
    return list(
        Post.objects.published()
        .annotate(month=TruncMonth("published_at"))
        .values_list("month", flat=True)
        .order_by("-month")
        .distinct()[:limit]
    )


def most_used_tags(limit=15):
    """Return the tags most used on published posts, most used first."""
    return list(
        Tag.objects.filter(blog_taggedpost_items__content_object__in=Post.objects.published())
        # Counted over the filter's join, so only published posts count.
        .annotate(post_count=Count("blog_taggedpost_items"))
        .order_by("-post_count", "name")[:limit]
    )


def layout_state():
    """Return what the navigation and sidebar show, to tell whether a change reaches them."""
    return (
        [(a.pk, a.display_name, a.slug, a.tagline, str(a.portrait)) for a in blog_roll()],
        [(c.name, c.slug) for c in sections()],
        latest_months(),
        [(t.name, t.slug) for t in most_used_tags()],
    )


def more_from_columnist(post, limit=5):
    """Return the columnist's latest published posts other than post, newest first."""
    return list(
        Post.objects.published()
        .by_author(post.author)
        .exclude(pk=post.pk)
        .only("title", "slug", "published_at", "author_id")[:limit]
    )
