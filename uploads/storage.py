"""Where uploads are kept: originals and attachments privately, renditions in public media.

An author's original may carry what readers must never get (a phone photo's EXIF holds
where it was taken), so it is kept where no address reaches it: STORAGES["originals"], by
default files under PRIVATE_MEDIA_ROOT, or a private bucket. Pages serve only renditions,
made from it into the public STORAGES["default"] (see uploads.images).
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils.functional import cached_property


class PrivateStorage(FileSystemStorage):
    """Keep files under PRIVATE_MEDIA_ROOT, which no URL serves."""

    @cached_property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise ValueError("Private files have no URL: link to the view that sends them.")


def original_storage():
    """Return where uploaded pictures' originals are kept: STORAGES["originals"], private."""
    return storages["originals"]


def public_storage():
    """Return where renditions go, which pages link to: STORAGES["default"]."""
    return storages["default"]
