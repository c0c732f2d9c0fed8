"""Work on posts that reaches beyond the post's own row."""

from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.db import transaction
from django.db.models import Q, Subquery
from django.http import HttpRequest
from django.template.response import TemplateResponse

from blog.coauthors import coauthors_prefetch
from blog.models import Post
from blog.seo import post_structured_data
from blog.series_pages import post_series_outline
from edge import tags
from edge.fragments import cached_fragment

RELATED_POSTS = 4
MORE_FROM_AUTHOR = 3


@transaction.atomic
def post_address_changed(*, post: Post, old_path: str) -> None:
    """Keep a public post's old address answering with a 301 to its new one, without chains."""
    new_path = post.get_absolute_url()
    if new_path == old_path:
        return
    site = Site.objects.get_current()
    redirects = Redirect.objects.filter(site=site)
    # Back at an address it had before: that address must stop redirecting.
    redirects.filter(old_path=new_path).delete()
    # Addresses that led to the old one now lead straight to the new one.
    redirects.filter(new_path=old_path).update(new_path=new_path)
    Redirect.objects.update_or_create(site=site, old_path=old_path, defaults={"new_path": new_path})


def render_post_page(
    *,
    request: HttpRequest,
    post: Post,
    is_preview: bool = False,
    extra_context: dict | None = None,
    status: int = 200,
) -> TemplateResponse:
    """Render post's page, with extra_context for the slots that other apps fill."""
    # Pictures in the body are fetched only if the body places some (place_pictures),
    # downloads only if the post has some (Post.objects.for_page).
    attachments = list(post.attachments.all()) if getattr(post, "has_attachments", True) else []
    if post.is_published() and not is_preview:
        # The same for every reader until content changes: kept in the process.
        links = cached_fragment(f"post-links:{post.pk}", lambda: post_links(post))
    else:
        links = post_links(post)
    previous_post, next_post, related, more_from_author = links
    # The page shows the post, its neighbours, related posts and the author's latest.
    shown = [p.pk for p in (previous_post, next_post, *related, *more_from_author) if p]
    bylines = map(tags.byline, post.byline_author_ids)
    tags.add(request, *bylines, tags.post(post.pk), *map(tags.post, shown))
    context = {
        "post": post,
        "attachments": attachments,
        "previous_post": previous_post,
        "next_post": next_post,
        "related_posts": related,
        "more_from_author": more_from_author,
        "series_outline": post_series_outline(request, post, is_preview=is_preview),
        "structured_data": post_structured_data(request, post),
        "canonical_path": post.get_absolute_url(),
        "is_preview": is_preview,
        **(extra_context or {}),
    }
    return TemplateResponse(request, "blog/post_detail.html", context, status=status)


def post_links(post: Post) -> tuple:
    """Return the columns post's page links to: the author's previous and next ones, related
    columns by others or the author, and the author's latest, each shown once."""
    in_blog = (
        Post.objects.published()
        .by_author(post.author_id)
        .only("title", "slug", "published_at", "created_at")
    )
    previous_post = next_post = None
    if post.published_at:
        previous_post, next_post = columns_either_side(in_blog, post)
    # The previous and next columns have their own links just above.
    neighbours = [p.pk for p in (previous_post, next_post) if p is not None]
    related = list(
        Post.objects.published()
        .related_to(post)
        .exclude(pk__in=neighbours)
        .select_related("author")
        .prefetch_related(coauthors_prefetch())
        .only(
            "title", "slug", "published_at", "created_at", "author__display_name", "author__slug"
        )[:RELATED_POSTS]
    )
    # The author's latest, less any post the page already links to.
    shown = [post.pk, *neighbours, *(p.pk for p in related)]
    more_from_author = list(in_blog.exclude(pk__in=shown)[:MORE_FROM_AUTHOR])
    return previous_post, next_post, related, more_from_author


def columns_either_side(in_blog, post):
    """Return the columns of in_blog just before and just after post, in one query."""
    moment = post.published_at
    before = in_blog.filter(published_at__lt=moment).order_by("-published_at", "-pk")
    after = in_blog.filter(published_at__gt=moment).order_by("published_at", "pk")
    # Each side a scalar subquery: the database finds both rows by key, not among all the
    # author's posts.
    either = in_blog.filter(
        Q(pk=Subquery(before.values("pk")[:1])) | Q(pk=Subquery(after.values("pk")[:1]))
    )
    found = list(either)
    previous_post = next((other for other in found if other.published_at < moment), None)
    next_post = next((other for other in found if other.published_at > moment), None)
    return previous_post, next_post
