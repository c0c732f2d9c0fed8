"""RSS and Atom feeds of the latest published posts: the site, an author, a category, a tag.

One feed class serves every scope; a scope says what the feed covers, a renderer (RSS or
Atom) how it is written.
"""

import copy
import re
from dataclasses import dataclass
from html.entities import html5

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from taggit.models import Tag

from authors.models import Author
from blog.corrections import last_correction_time
from blog.html import absolutize_urls
from blog.models import Category, Post, Series
from uploads.images import place_pictures

FEED_LENGTH = 20
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"


class RssRenderer(Rss201rev2Feed):
    """RSS 2.0 naming every author of an item: the lead's dc:creator, then each co-author's."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, _link in item.get("coauthors", ()):
            handler.addQuickElement("dc:creator", name, {"xmlns:dc": DUBLIN_CORE})


class AtomRenderer(Atom1Feed):
    """Atom naming every author of an entry: the lead's author element, then each co-author's."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, link in item.get("coauthors", ()):
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", link)
            handler.endElement("author")


RENDERERS = {"rss": RssRenderer, "atom": AtomRenderer}

# An "&" that HTML reads as the start of a character reference: before "#" or a name of
# HTML's table (some legacy names need no semicolon, so every name counts without it).
CHARACTER_REFERENCE = re.compile(
    "&(?=#|" + "|".join(sorted({re.escape(name.rstrip(";")) for name in html5})) + ")"
)

# Characters XML 1.0 cannot carry: one in a title would make the whole feed unwritable.
XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_characters(value: str) -> str:
    """Return value without the control characters that XML 1.0 cannot carry."""
    return XML_FORBIDDEN.sub("", value)


def as_html_text(value: str) -> str:
    """Return plain text escaped so that a reader decoding it as HTML shows the same text.

    Only what HTML would decode is escaped, so that a reader taking it as plain text shows
    it unchanged as well, unless it holds a "<" or an "&" that starts a character reference.
    """
    return CHARACTER_REFERENCE.sub("&amp;", value).replace("<", "&lt;")


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


def series_scope(slug):
    series = get_object_or_404(Series, slug=slug)
    description = series.description or f"The parts of “{series.name}”"
    posts = Post.objects.published().in_series(series)
    return subject_scope(series.name, description, series.get_absolute_url(), posts)


SCOPES = {
    "site": site_scope,
    "author": author_scope,
    "category": category_scope,
    "tag": tag_scope,
    "series": series_scope,
}


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

    def text(self, value):
        """Return plain text for an element that the feed's readers may decode as HTML.

        RSS gives its elements no type, and readers decode titles, names and categories as
        HTML; Atom's are text, and say so.
        """
        value = xml_characters(value)
        return as_html_text(value) if issubclass(self.feed_type, Rss201rev2Feed) else value

    def get_object(self, request, **kwargs):
        return self.resolve_scope(**kwargs)

    def title(self, scope):
        return self.text(scope.title)

    def description(self, scope):
        # Written by RSS only, whose descriptions are HTML, always.
        return escape(xml_characters(scope.description))

    def subtitle(self, scope):
        # Written by Atom only, as text.
        return xml_characters(scope.description)

    def link(self, scope):
        return self.absolute(scope.page_url)

    def feed_url(self, scope):
        return self.absolute(self.request.path)

    def items(self, scope):
        posts = scope.posts.annotate(last_corrected_at=last_correction_time())
        if settings.FEED_FULL_TEXT:
            return posts.for_reading().prefetch_related("images")[:FEED_LENGTH]
        return posts.for_lists().with_tags()[:FEED_LENGTH]

    def item_title(self, post):
        return self.text(post.title)

    def item_description(self, post):
        if settings.FEED_FULL_TEXT:
            # Saved bodies are sanitised; readers open them away from the site, so links
            # and images must carry the host.
            body = place_pictures(post.body, post.images.all())
            return xml_characters(absolutize_urls(body, self.absolute("/")))
        # RSS's description and Atom's summary are HTML, always: the summary's text is escaped.
        return escape(xml_characters(post.summary))

    def item_link(self, post):
        return self.absolute(post.get_absolute_url())

    def item_author_name(self, post):
        return self.text(post.author.display_name)

    def item_author_link(self, post):
        return self.absolute(post.author.get_absolute_url())

    def item_extra_kwargs(self, post):
        coauthors = [
            (self.text(author.display_name), self.absolute(author.get_absolute_url()))
            for author in post.coauthor_list
        ]
        return {"coauthors": coauthors}

    def item_pubdate(self, post):
        return post.published_at

    def item_updateddate(self, post):
        # A correction updates the entry; a silent edit (a typo fixed) does not.
        return max(post.published_at, post.last_corrected_at or post.published_at)

    def item_categories(self, post):
        names = [post.category.name] if post.category else []
        return [self.text(name) for name in names + [tag.name for tag in post.tag_list]]
