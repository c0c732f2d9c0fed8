from django.conf import settings
from django.utils.cache import patch_cache_control
from django.views.static import serve

# Uploaded pictures' renditions live in folders named by the picture's content (see
# uploads.images): a new picture gets a new address, so any cache may keep one for a year.
MEDIA_SECONDS = 365 * 24 * 60 * 60


def media(request, path):
    """Serve an upload from MEDIA_ROOT, for a year to any cache."""
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    patch_cache_control(response, public=True, max_age=MEDIA_SECONDS, immutable=True)
    return response
