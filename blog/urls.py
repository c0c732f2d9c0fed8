from django.urls import path

from blog import feeds, sitemaps, views

app_name = "blog"

urlpatterns = [
    path("", views.index, name="index"),
    path("feed/", feeds.PostFeed(), name="feed"),
    path("feed/atom/", feeds.PostAtomFeed(), name="feed-atom"),
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("authors/", views.author_list, name="authors"),
    path("authors/<slug:slug>/", views.author_detail, name="author"),
    path("authors/<slug:slug>/feed/", feeds.AuthorFeed(), name="author-feed"),
    path("authors/<slug:slug>/feed/atom/", feeds.AuthorAtomFeed(), name="author-feed-atom"),
    path("category/<slug:slug>/", views.category_detail, name="category"),
    path("category/<slug:slug>/feed/", feeds.CategoryFeed(), name="category-feed"),
    path("category/<slug:slug>/feed/atom/", feeds.CategoryAtomFeed(), name="category-feed-atom"),
    path("tag/<slug:slug>/", views.tag_detail, name="tag"),
    path("tag/<slug:slug>/feed/", feeds.TagFeed(), name="tag-feed"),
    path("tag/<slug:slug>/feed/atom/", feeds.TagAtomFeed(), name="tag-feed-atom"),
    path("search/", views.search, name="search"),
    path("preview/<int:pk>/", views.post_preview, name="preview"),
    path("<int:year>/", views.PostYearArchive.as_view(), name="archive-year"),
    path("<int:year>/<str:month>/", views.PostMonthArchive.as_view(), name="archive-month"),
    path("<int:year>/<str:month>/<str:day>/<slug:slug>/", views.post_detail, name="post"),
]
