from django.urls import path

from blog import feeds, sitemaps, views
from edge import tags
from edge.headers import shared_page

app_name = "blog"


def shared_feed(feed):
    return shared_page(feed, tags.FEEDS)


# Pages every anonymous reader sees alike are kept by the caches in front (edge.headers).

urlpatterns = [
    path("", shared_page(views.index), name="index"),
    path("feed/", shared_feed(feeds.PostFeed()), name="feed"),
    path("feed/atom/", shared_feed(feeds.PostAtomFeed()), name="feed-atom"),
    path("sitemap.xml", shared_page(sitemaps.sitemap, tags.SITEMAP), name="sitemap"),
    path("robots.txt", shared_page(views.robots_txt), name="robots"),
    path("authors/", shared_page(views.author_list, tags.AUTHORS), name="authors"),
    path("authors/<slug:slug>/", shared_page(views.author_detail), name="author"),
    path("authors/<slug:slug>/feed/", shared_feed(feeds.AuthorFeed()), name="author-feed"),
    path(
        "authors/<slug:slug>/feed/atom/",
        shared_feed(feeds.AuthorAtomFeed()),
        name="author-feed-atom",
    ),
    path("category/<slug:slug>/", shared_page(views.category_detail), name="category"),
    path(
        "category/<slug:slug>/feed/",
        shared_feed(feeds.CategoryFeed()),
        name="category-feed",
    ),
    path(
        "category/<slug:slug>/feed/atom/",
        shared_feed(feeds.CategoryAtomFeed()),
        name="category-feed-atom",
    ),
    path("tag/<slug:slug>/", shared_page(views.tag_detail), name="tag"),
    path("tag/<slug:slug>/feed/", shared_feed(feeds.TagFeed()), name="tag-feed"),
    path(
        "tag/<slug:slug>/feed/atom/",
        shared_feed(feeds.TagAtomFeed()),
        name="tag-feed-atom",
    ),
    path("search/", shared_page(views.search, tags.SEARCH), name="search"),
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
