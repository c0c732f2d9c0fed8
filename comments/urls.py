from django.urls import path

from comments import views
from edge.headers import shared_page

app_name = "comments"

urlpatterns = [
    path("posts/<int:pk>/comments/", views.post_comment, name="post"),
    path("posts/<int:pk>/comments/<int:thread>/", shared_page(views.thread), name="thread"),
]
