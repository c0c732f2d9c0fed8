from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from config.views import healthz
from edge.views import media
from newsroom.views import login as newsroom_login

# The admin's log-in is the newsroom's own page, with the readers' form and lock-out rules.
admin.site.login = newsroom_login
admin.site.site_header = f"{settings.PUBLICATION_NAME} newsroom"
admin.site.site_title = "Newsroom"
admin.site.index_title = "Newsroom"

handler500 = "config.views.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("", include("readers.urls")),
    path("", include("comments.urls")),
    path("", include("blog.urls")),
]

if settings.SERVE_MEDIA:
    # Uploaded media on local disk; deployments with object storage leave this off.
    media_prefix = settings.MEDIA_URL.strip("/")
    urlpatterns.insert(0, re_path(rf"^{media_prefix}/(?P<path>.*)$", media, name="media"))
