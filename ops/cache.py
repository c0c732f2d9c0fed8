"""Cache what every page shows, and forget it when the publication's content changes.

One token, the content version, names the current state of everything public. Whatever
changes public content (an admin save, a moderation decision, a scheduled post's time
coming) makes a new version, and every cached fragment and page built under the old one is
simply never asked for again. The version lives in the shared cache, so every app server
process sees a change at once.
"""

import time

from django.core.cache import cache

STATE_KEY = "content-state"
# A fragment is rebuilt at least this often, whatever happens.
FRAGMENT_TIMEOUT = 300

# Functions returning the next moment (a Unix time) when public content changes by itself,
# such as a scheduled post's publication, or None. Apps register theirs in ready().
_next_change_finders = []


def register_next_change(finder):
    """Tell the cache how to find the next moment at which content changes by itself."""
    _next_change_finders.append(finder)
    return finder


def _new_state():
    moments = [moment for finder in _next_change_finders if (moment := finder())]
    return {"version": str(time.time_ns()), "next_change_at": min(moments, default=None)}


def content_state():
    """Return the current content state: its version and when it next changes by itself."""
    state = cache.get(STATE_KEY)
    if not is_current(state):
        state = _new_state()
        cache.set(STATE_KEY, state, timeout=None)
    return state


def is_current(state):
    return state is not None and (
        state["next_change_at"] is None or time.time() < state["next_change_at"]
    )


def content_version() -> str:
    """Return a token that changes whenever public content changes."""
    return content_state()["version"]


def content_changed() -> None:
    """Make every cached fragment and page built from content be rebuilt on its next use."""
    cache.set(STATE_KEY, _new_state(), timeout=None)


def cached_fragment(name, compute):
    """Return compute()'s value, cached until the content changes or the timeout passes."""
    return cache.get_or_set(f"fragment:{name}:{content_version()}", compute, FRAGMENT_TIMEOUT)


class ContentAdminMixin:
    """Forget cached fragments and pages whenever the admin saves or deletes content."""

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
