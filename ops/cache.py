"""Cache what every page shows, and forget it when the publication's content changes."""

import time

from django.core.cache import cache

CONTENT_VERSION_KEY = "content-version"
# A scheduled post reaches the sidebar's archive within this many seconds.
FRAGMENT_TIMEOUT = 300


def content_version() -> str:
    """Return a token that changes whenever posts, columnists or categories change."""
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        cache.add(CONTENT_VERSION_KEY, str(time.time_ns()), timeout=None)
        version = cache.get(CONTENT_VERSION_KEY)
    return version


def content_changed() -> None:
    """Make every cached fragment built from content be rebuilt on its next use."""
    cache.set(CONTENT_VERSION_KEY, str(time.time_ns()), timeout=None)


def cached_fragment(name, compute):
    """Return compute()'s value, cached until the content changes or the timeout passes."""
    return cache.get_or_set(f"fragment:{name}:{content_version()}", compute, FRAGMENT_TIMEOUT)


class ContentAdminMixin:
    """Forget cached fragments whenever the admin saves or deletes content."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        content_changed()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        content_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        content_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        content_changed()
