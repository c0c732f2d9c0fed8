from django.urls import path

from comments import views

app_name = "comments"

urlpatterns = [
    path("posts/<int:pk>/comments/", views.post_comment, name="post"),
]
