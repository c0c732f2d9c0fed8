"""RSS and Atom feeds of the latest published posts: the site, an author, a category, a tag."""

import copy

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from taggit.models import Tag

from authors.models import Author
from blog.html import absolutize_urls
from blog.models import Category, Post
from uploads.images import place_pictures

FEED_LENGTH = 20


class PostFeed(Feed):
    """The latest published posts of the whole publication, as RSS 2.0."""

    def __call__(self, request, *args, **kwargs):
        # Links are made absolute with the host the reader asked for (vetted by ALLOWED_HOSTS),
        # as canonical links are, not the sites framework's domain; a copy per request keeps
        # the request off the instance the URLconf shares between threads.
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    def absolute(self, url):
        return self.request.build_absolute_uri(url)

    def get_object(self, request):
        return None

    def posts(self, obj):
        return Post.objects.published()

    def page_url(self, obj):
        return reverse("blog:index")

    def title(self, obj):
        return settings.PUBLICATION_NAME

    def description(self, obj):
        return settings.PUBLICATION_TAGLINE

    def subtitle(self, obj):
        return self.description(obj)

    def link(self, obj):
        return self.absolute(self.page_url(obj))

    def feed_url(self, obj):
        return self.absolute(self.request.path)

    def items(self, obj):
        if settings.FEED_FULL_TEXT:
            return self.posts(obj).for_reading().prefetch_related("images")[:FEED_LENGTH]
        return self.posts(obj).for_lists().with_tags()[:FEED_LENGTH]

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


class AuthorFeed(PostFeed):
    """The latest published posts of one columnist's blog, as RSS 2.0."""

    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def posts(self, author):
        return Post.objects.published().by_author(author)

    def page_url(self, author):
        return author.get_absolute_url()

    def title(self, author):
        return f"{author.blog_title} — {settings.PUBLICATION_NAME}"

    def description(self, author):
        return author.tagline or f"Columns by {author.display_name}"


class CategoryFeed(PostFeed):
    """The latest published posts of one category, as RSS 2.0."""

    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def posts(self, category):
        return Post.objects.published().in_category(category)

    def page_url(self, category):
        return category.get_absolute_url()

    def title(self, category):
        return f"{category.name} — {settings.PUBLICATION_NAME}"

    def description(self, category):
        return category.description or f"Columns on {category.name}"


class TagFeed(PostFeed):
    """The latest published posts carrying one tag, as RSS 2.0."""

    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def posts(self, tag):
        return Post.objects.published().tagged(tag)

    def page_url(self, tag):
        return reverse("blog:tag", kwargs={"slug": tag.slug})

    def title(self, tag):
        return f"Tagged “{tag.name}” — {settings.PUBLICATION_NAME}"

    def description(self, tag):
        return f"Columns tagged “{tag.name}”"


class PostAtomFeed(PostFeed):
    feed_type = Atom1Feed


class AuthorAtomFeed(AuthorFeed):
    feed_type = Atom1Feed


class CategoryAtomFeed(CategoryFeed):
    feed_type = Atom1Feed


class TagAtomFeed(TagFeed):
    feed_type = Atom1Feed
