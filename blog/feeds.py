"""RSS and Atom feeds of the latest published posts: the site, an author, a category, a tag.

One feed class serves every scope; a scope says what the feed covers, a renderer (RSS or
Atom) how it is written.
"""

import copy
from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from taggit.models import Tag

from authors.models import Author
from blog.html import absolutize_urls
from blog.models import Category, Post
from uploads.images import place_pictures

FEED_LENGTH = 20
RENDERERS = {"rss": Rss201rev2Feed, "atom": Atom1Feed}


@dataclass(frozen=True)
class FeedScope:
    """What a feed covers: its title and description, the page it mirrors, its posts."""

    title: str
    description: str
    page_url: str
    posts: QuerySet


def site_scope():
    return FeedScope(
        title=settings.PUBLICATION_NAME,
        description=settings.PUBLICATION_TAGLINE,
        page_url=reverse("blog:index"),
        posts=Post.objects.published(),
    )


def subject_scope(name, description, page_url, posts):
    """Return the scope of one part of the publication: a columnist, a category, a tag."""
    return FeedScope(f"{name} — {settings.PUBLICATION_NAME}", description, page_url, posts)


def author_scope(slug):
    author = get_object_or_404(Author, slug=slug)
    description = author.tagline or f"Columns by {author.display_name}"
    posts = Post.objects.published().by_author(author)
    return subject_scope(author.blog_title, description, author.get_absolute_url(), posts)


def category_scope(slug):
    category = get_object_or_404(Category, slug=slug)
    description = category.description or f"Columns on {category.name}"
    posts = Post.objects.published().in_category(category)
    return subject_scope(category.name, description, category.get_absolute_url(), posts)


def tag_scope(slug):
    tag = get_object_or_404(Tag, slug=slug)
    page_url = reverse("blog:tag", kwargs={"slug": tag.slug})
    posts = Post.objects.published().tagged(tag)
    return subject_scope(f"Tagged “{tag.name}”", f"Columns tagged “{tag.name}”", page_url, posts)


SCOPES = {"site": site_scope, "author": author_scope, "category": category_scope, "tag": tag_scope}


class PostFeed(Feed):
    """The latest published posts of one scope (see SCOPES), in one of the RENDERERS."""

    def __init__(self, scope="site", renderer="rss"):
        self.resolve_scope = SCOPES[scope]
        self.feed_type = RENDERERS[renderer]

    def __call__(self, request, *args, **kwargs):
        # Links are made absolute with the host the reader asked for (vetted by ALLOWED_HOSTS),
        # as canonical links are, not the sites framework's domain; a copy per request keeps
        # the request off the instance the URLconf shares between threads.
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    def absolute(self, url):
        return self.request.build_absolute_uri(url)

    def get_object(self, request, **kwargs):
        return self.resolve_scope(**kwargs)

    def title(self, scope):
        return scope.title

    def description(self, scope):
        return scope.description

    def subtitle(self, scope):
        return self.description(scope)

    def link(self, scope):
        return self.absolute(scope.page_url)

    def feed_url(self, scope):
        return self.absolute(self.request.path)

    def items(self, scope):
        if settings.FEED_FULL_TEXT:
            return scope.posts.for_reading().prefetch_related("images")[:FEED_LENGTH]
        return scope.posts.for_lists().with_tags()[:FEED_LENGTH]

    def item_title(self, post):
        return post.title

    def item_description(self, post):
        if settings.FEED_FULL_TEXT:
            # Saved bodies are sanitised; readers open them away from the site, so links
            # and images must carry the host.
            body = place_pictures(post.body, post.images.all())
            return absolutize_urls(body, self.absolute("/"))
        return post.summary

    def item_link(self, post):
        return self.absolute(post.get_absolute_url())

    def item_author_name(self, post):
        return post.author.display_name

    def item_author_link(self, post):
        return self.absolute(post.author.get_absolute_url())

    def item_pubdate(self, post):
        return post.published_at

    def item_updateddate(self, post):
        return post.modified_at

    def item_categories(self, post):
        names = [post.category.name] if post.category else []
        return names + [tag.name for tag in post.tag_list]
