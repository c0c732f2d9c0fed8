from django.urls import path, register_converter
from django.urls.converters import SlugConverter

from blog import feeds, series_pages, sitemaps, views
from blog.correcting import CORRECTIONS
from edge import tags
from edge.headers import shared_page

app_name = "blog"


class TagSlugConverter(SlugConverter):
    """A tag's slug: taggit keeps the letters of every script in it, not ASCII's alone."""

    regex = r"[-\w]+"


register_converter(TagSlugConverter, "tag")


def shared_feed(feed):
    return shared_page(feed, tags.FEEDS)


def feed_routes(prefix, scope, name):
    """Return a scope's RSS feed at <prefix>feed/ and its Atom feed at <prefix>feed/atom/."""
    return [
        path(f"{prefix}feed/", shared_feed(feeds.PostFeed(scope, "rss")), name=name),
        path(
            f"{prefix}feed/atom/", shared_feed(feeds.PostFeed(scope, "atom")), name=f"{name}-atom"
        ),
    ]


# Pages every anonymous reader sees alike are kept by the caches in front (edge.headers).

urlpatterns = [
    path("", shared_page(views.index), name="index"),
    *feed_routes("", "site", "feed"),
    path("sitemap.xml", shared_page(sitemaps.sitemap, tags.SITEMAP), name="sitemap"),
    path("robots.txt", shared_page(views.robots_txt), name="robots"),
    path("authors/", shared_page(views.author_list, tags.AUTHORS), name="authors"),
    path("authors/<slug:slug>/", shared_page(views.author_detail), name="author"),
    *feed_routes("authors/<slug:slug>/", "author", "author-feed"),
    path("category/<slug:slug>/", shared_page(views.category_detail), name="category"),
    *feed_routes("category/<slug:slug>/", "category", "category-feed"),
    path("tag/<tag:slug>/", shared_page(views.tag_detail), name="tag"),
    *feed_routes("tag/<tag:slug>/", "tag", "tag-feed"),
    path("series/<slug:slug>/", shared_page(series_pages.series_detail), name="series"),
    *feed_routes("series/<slug:slug>/", "series", "series-feed"),
    path("search/", shared_page(views.search, tags.SEARCH), name="search"),
    path("corrections/", shared_page(views.correction_list, CORRECTIONS), name="corrections"),
    path("preview/<int:pk>/", views.post_preview, name="preview"),
    path(
        "attachments/<int:pk>/<str:filename>",
        views.attachment_download,
        name="attachment",
    ),
    path("<int:year>/", shared_page(views.PostYearArchive.as_view()), name="archive-year"),
    path(
        "<int:year>/<str:month>/",
        shared_page(views.PostMonthArchive.as_view()),
        name="archive-month",
    ),
    path(
        "<int:year>/<str:month>/<str:day>/<slug:slug>/", shared_page(views.post_detail), name="post"
    ),
]
