"""A series' page, and the outline of its series that each part's page shows."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from blog.models import Post, Series
from blog.pagination import paginate
from blog.series import series_outline
from edge import tags
from edge.fragments import cached_fragment


def series_detail(request, slug):
    """List a series' published parts in their order, and the number of the next to come."""
    series = get_object_or_404(Series.objects.select_related("author"), slug=slug)
    # The same for every reader until content changes, as on each part's page.
    outline = cached_fragment(
        f"series-outline:{series.pk}", lambda: series_outline(series, Post.objects)
    )
    parts = Post.objects.published().in_series(series).for_lists().order_by("series_part")
    page = paginate(request, parts)
    tags.add(request, tags.series(series.pk), tags.byline(series.author_id))
    tags.add_posts(request, page)
    context = {"series": series, "outline": outline, "page_obj": page}
    return TemplateResponse(request, "blog/series_detail.html", context)


def post_series_outline(request, post, *, is_preview):
    """Return the outline of post's series for its page (None outside a series), kept until
    content changes where every reader sees the same."""
    if post.series_id is None:
        return None
    tags.add(request, tags.series(post.series_id))
    if post.is_published() and not is_preview:
        return cached_fragment(
            f"series-outline:{post.series_id}", lambda: series_outline(post.series, Post.objects)
        )
    return series_outline(post.series, Post.objects)
