"""The sitemap: every public post, blog, category, tag in use, series and static page."""

from django.contrib.flatpages.sitemaps import FlatPageSitemap
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from taggit.models import Tag

from authors.models import Author
from blog.models import Category, Post, Series, TaggedPost


class RequestHostSitemap(Sitemap):
    """A sitemap section whose addresses use the host the request came to, as feeds do.

    The smaller sections return lists, which the paginator counts without a query of its own.
    """

    def __init__(self, request):
        self.request = request

    def get_domain(self, site=None):
        return self.request.get_host()


class PostSitemap(RequestHostSitemap):
    def items(self):
        return Post.objects.published().only("slug", "published_at", "created_at", "updated_at")

    def lastmod(self, post):
        return post.modified_at


class AuthorSitemap(RequestHostSitemap):
    def items(self):
        # A columnist's blog lists the columns they lead and those they co-write.
        writes = Q(author=OuterRef("pk")) | Q(post_authors__author=OuterRef("pk"))
        has_posts = Exists(Post.objects.published().filter(writes))
        return list(Author.objects.filter(has_posts).only("slug"))


class CategorySitemap(RequestHostSitemap):
    def items(self):
        has_posts = Exists(Post.objects.published().filter(category=OuterRef("pk")))
        return list(Category.objects.filter(has_posts).only("slug"))


class TagSitemap(RequestHostSitemap):
    def items(self):
        # Only tags on published posts: a tag used by drafts alone could give a story away.
        in_use = Exists(
            TaggedPost.objects.filter(
                tag=OuterRef("pk"), content_object__in=Post.objects.published()
            )
        )
        return list(Tag.objects.filter(in_use).order_by("name").only("slug"))

    def location(self, tag):
        return reverse("blog:tag", kwargs={"slug": tag.slug})


class SeriesSitemap(RequestHostSitemap):
    def items(self):
        # A series with no part out yet says only that parts are coming: not worth a listing.
        has_parts = Exists(Post.objects.published().filter(series=OuterRef("pk")))
        return list(Series.objects.filter(has_parts).only("slug"))


class PageSitemap(RequestHostSitemap, FlatPageSitemap):
    def items(self):
        return list(super().items())


SECTIONS = {
    "posts": PostSitemap,
    "authors": AuthorSitemap,
    "categories": CategorySitemap,
    "tags": TagSitemap,
    "series": SeriesSitemap,
    "pages": PageSitemap,
}


def sitemap(request):
    """Render sitemap.xml with every section's public addresses."""
    sections = {name: section(request) for name, section in SECTIONS.items()}
    return sitemap_view(request, sitemaps=sections)
