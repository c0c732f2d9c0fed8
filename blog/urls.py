from django.urls import path

from blog import views

app_name = "blog"

urlpatterns = [
    path("", views.index, name="index"),
    path("authors/", views.author_list, name="authors"),
    path("authors/<slug:slug>/", views.author_detail, name="author"),
    path("category/<slug:slug>/", views.category_detail, name="category"),
    path("tag/<slug:slug>/", views.tag_detail, name="tag"),
    path("preview/<int:pk>/", views.post_preview, name="preview"),
    path("<int:year>/", views.PostYearArchive.as_view(), name="archive-year"),
    path("<int:year>/<str:month>/", views.PostMonthArchive.as_view(), name="archive-month"),
    path("<int:year>/<str:month>/<str:day>/<slug:slug>/", views.post_detail, name="post"),
]
