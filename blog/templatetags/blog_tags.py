from django import template
from django.db.models.functions import TruncMonth

from authors.models import Author
from blog.models import Category, Post
from ops.cache import cached_fragment

register = template.Library()


@register.inclusion_tag("blog/includes/blog_roll.html")
def blog_roll():
    """Render the sidebar's list of active columnists, in the editors' order."""
    return {"authors": cached_fragment("blog-roll", lambda: list(Author.objects.blog_roll()))}


@register.inclusion_tag("blog/includes/sections.html")
def sections():
    """Render the list of categories for the navigation."""
    return {
        "categories": cached_fragment(
            "sections", lambda: list(Category.objects.only("name", "slug"))
        )
    }


@register.inclusion_tag("blog/includes/archive_months.html")
def archive_months(limit=12):
    """Render links to the latest months that have published posts."""

    def latest_months():
        return list(
            Post.objects.published()
            .annotate(month=TruncMonth("published_at"))
            .values_list("month", flat=True)
            .order_by("-month")
            .distinct()[:limit]
        )

    return {"months": cached_fragment(f"archive-months-{limit}", latest_months)}
