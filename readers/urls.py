from django.urls import path

from edge.headers import shared_page
from readers import views

app_name = "readers"

urlpatterns = [
    path("my/", views.my_page, name="my"),
    path("my/resume/", views.resume, name="resume"),
    path("my/digest/", views.digest_preference, name="digest"),
    path("my/digest/unsubscribe/<str:token>/", views.digest_unsubscribe, name="digest-unsubscribe"),
    path("my/delete-account/", views.delete_account, name="delete-account"),
    path("my/<str:action>/<int:pk>/", views.act, name="act"),
    path("posts/<int:pk>/send/", shared_page(views.send_to_colleague), name="send"),
]
