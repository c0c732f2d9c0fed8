from django.urls import path

from blog import feeds, sitemaps, views
from ops.pagecache import public_page

app_name = "blog"

# Pages every anonymous reader sees alike are served from the shared cache (ops.pagecache).

urlpatterns = [
    path("", public_page(views.index), name="index"),
    path("feed/", public_page(feeds.PostFeed()), name="feed"),
    path("feed/atom/", public_page(feeds.PostAtomFeed()), name="feed-atom"),
    path("sitemap.xml", public_page(sitemaps.sitemap), name="sitemap"),
    path("robots.txt", public_page(views.robots_txt), name="robots"),
    path("authors/", public_page(views.author_list), name="authors"),
    path("authors/<slug:slug>/", public_page(views.author_detail), name="author"),
    path("authors/<slug:slug>/feed/", public_page(feeds.AuthorFeed()), name="author-feed"),
    path(
        "authors/<slug:slug>/feed/atom/",
        public_page(feeds.AuthorAtomFeed()),
        name="author-feed-atom",
    ),
    path("category/<slug:slug>/", public_page(views.category_detail), name="category"),
    path("category/<slug:slug>/feed/", public_page(feeds.CategoryFeed()), name="category-feed"),
    path(
        "category/<slug:slug>/feed/atom/",
        public_page(feeds.CategoryAtomFeed()),
        name="category-feed-atom",
    ),
    path("tag/<slug:slug>/", public_page(views.tag_detail), name="tag"),
    path("tag/<slug:slug>/feed/", public_page(feeds.TagFeed()), name="tag-feed"),
    path("tag/<slug:slug>/feed/atom/", public_page(feeds.TagAtomFeed()), name="tag-feed-atom"),
    path("search/", public_page(views.search), name="search"),
    path("preview/<int:pk>/", views.post_preview, name="preview"),
    path(
        "attachments/<int:pk>/<str:filename>",
        views.attachment_download,
        name="attachment",
    ),
    path("<int:year>/", public_page(views.PostYearArchive.as_view()), name="archive-year"),
    path(
        "<int:year>/<str:month>/",
        public_page(views.PostMonthArchive.as_view()),
        name="archive-month",
    ),
    path(
        "<int:year>/<str:month>/<str:day>/<slug:slug>/", public_page(views.post_detail), name="post"
    ),
]
