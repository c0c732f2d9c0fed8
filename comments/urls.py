from django.urls import path

from comments import views
from ops.pagecache import public_page

app_name = "comments"

urlpatterns = [
    path("posts/<int:pk>/comments/", views.post_comment, name="post"),
    path("posts/<int:pk>/comments/<int:thread>/", public_page(views.thread), name="thread"),
]
