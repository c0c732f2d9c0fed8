"""Cache what every page shows, and forget it when the publication's content changes.

One token, the content version, names the current state of everything public. Whatever
changes public content (an admin save, a moderation decision, a scheduled post's time
coming) makes a new version, and every cached fragment and page built under the old one is
simply never asked for again. The version lives in the shared cache, so every app server
process sees a change at once. A request reads it once and keeps it to its end, so that all
the fragments of one page belong to one version and cost one look-up.

With Redis as the shared cache, a process need not even ask: each keeps a copy of the state
that a `StateWatcher` thread updates from Redis's publish/subscribe the moment another
process stores a change (and re-reads every few seconds besides), so a cached page costs no
round trip to Redis at all. Any other cache is asked on every request.
"""

import json
import logging
import os
import re
import threading
import time

from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

STATE_KEY = "content-state"
COUNTER_KEY = "content-state-counter"
ORDER_KEY = "content-state-order"
CHANGES_CHANNEL = "content-changes"
# A fragment is rebuilt at least this often, whatever happens.
FRAGMENT_TIMEOUT = 300
# How long a process keeps its own copy of a fragment of the current version before it asks
# the shared cache again (so a fragment is at most FRAGMENT_TIMEOUT plus this old).
RECENT_FRAGMENT_SECONDS = 30

# Functions returning the next moment (a Unix time) when public content changes by itself,
# such as a scheduled post's publication, or None. Apps register theirs in ready().
_next_change_finders = []
# The state as the current request first read it (see request_started).
_request = threading.local()


def register_next_change(finder):
    """Tell the cache how to find the next moment at which content changes by itself."""
    _next_change_finders.append(finder)
    return finder


def _new_state():
    # The counter orders versions across processes and machines; the clock keeps a version
    # from ever being reused after the shared cache is emptied and the counter starts again.
    cache.add(COUNTER_KEY, 0, timeout=None)
    number = cache.incr(COUNTER_KEY)
    moments = [moment for finder in _next_change_finders if (moment := finder())]
    return {
        "version": f"{number}.{time.time_ns()}",
        "next_change_at": min(moments, default=None),
    }


def _store(state):
    """Store a new state in the shared cache and tell every process, this one first."""
    if hasattr(cache, "store_in_order"):
        stored = cache.store_in_order(
            STATE_KEY,
            state,
            order_key=ORDER_KEY,
            order=_count(state),
            channel=CHANGES_CHANNEL,
            message=json.dumps(state),
        )
        if stored:
            watcher.heard(state)
        else:  # another process stored a later state meanwhile: that one is current
            state = cache.get(STATE_KEY) or state
    else:
        cache.set(STATE_KEY, state, timeout=None)
    _keep_for_request(state)
    return state


def content_state():
    """Return the current content state: its version and when it next changes by itself."""
    state = getattr(_request, "state", None)  # as this request first read it
    if not is_current(state):
        state = _shared_state()
        _keep_for_request(state)
    return state


def _shared_state():
    """Return the state as Redis's messages told this process, else as the shared cache
    stores it, else (none stored, or its next change has come) a new one."""
    kept = watcher.state if hasattr(cache, "subscribe") and watcher.is_listening() else None
    if is_current(kept):
        return kept
    stored = cache.get(STATE_KEY)
    return stored if is_current(stored) else _store(_new_state())


class StateWatcher:
    """This process's copy of the content state, kept by a thread listening to Redis.

    The thread subscribes to the changes channel, then reads the stored state (so no change
    can fall between the two), then takes each announced state as it comes, and reads the
    stored one again every RESYNC_SECONDS in case a message was lost. While it is not
    subscribed (starting, or Redis unreachable) it has no state, and content_state() asks
    the shared cache directly.
    """

    RESYNC_SECONDS = 5

    def __init__(self):
        self.state = None
        self._pid = None
        self._lock = threading.Lock()
        self._state_lock = threading.Lock()

    def is_listening(self):
        if self._pid != os.getpid():  # first use in this process, or forked since
            with self._lock:
                if self._pid != os.getpid():
                    self._pid = os.getpid()
                    self.state = None
                    thread = threading.Thread(target=self._run, name="content-state-watcher")
                    thread.daemon = True
                    thread.start()
        return self.state is not None

    def forget(self):
        """Drop this process's copy: the next content_state() asks the shared cache."""
        self.state = None

    def heard(self, state):
        """Take an announced state, unless this process already knows a later one (its own
        change, stored after the one announced)."""
        with self._state_lock:
            if is_current(state) and (self.state is None or _count(state) > _count(self.state)):
                self.state = state

    def _run(self):
        while True:
            try:
                self._listen()
            except Exception:  # noqa: BLE001 - Redis gone: ask it directly until it is back
                logger.warning(
                    "Content-change messages lost; listening again in 1 s.", exc_info=True
                )
            self.state = None
            time.sleep(1)

    def _listen(self):
        pubsub = cache.subscribe(CHANGES_CHANNEL)
        try:
            resync_at = 0.0
            while True:
                message = pubsub.get_message(timeout=1.0)
                if message and message["type"] == "message":
                    self.heard(json.loads(message["data"]))
                elif message or time.monotonic() >= resync_at:
                    # Subscribed (the first message), or time to check the stored state.
                    # What Redis stores is the truth, also when its count went back
                    # because the shared cache was emptied.
                    stored = cache.get(STATE_KEY)
                    with self._state_lock:
                        self.state = stored if is_current(stored) else None
                    resync_at = time.monotonic() + self.RESYNC_SECONDS
        finally:
            pubsub.close()


_VERSION = re.compile(r"[0-9]+\.[0-9]+")


def _count(state):
    return int(state["version"].split(".")[0])


watcher = StateWatcher()


def _keep_for_request(state):
    if getattr(_request, "active", False):
        _request.state = state


def request_started(**kwargs):
    """Begin a request with no state read yet (connected to Django's request_started)."""
    _request.active = True
    _request.state = None


def request_finished(**kwargs):
    """Forget the state when the request ends, so nothing outside requests keeps it."""
    _request.active = False
    _request.state = None


def is_current(state):
    return bool(
        isinstance(state, dict)
        and _VERSION.fullmatch(state.get("version", ""))  # not one an older release stored
        and (state["next_change_at"] is None or time.time() < state["next_change_at"])
    )


def content_version() -> str:
    """Return a token that changes whenever public content changes."""
    return content_state()["version"]


def content_changed() -> None:
    """Make every cached fragment and page built from content be rebuilt on its next use."""
    _store(_new_state())
    if transaction.get_connection().in_atomic_block:
        # Until the change commits, other processes still read the old rows, and may cache
        # what they render under the new version: retire that too once it is committed.
        transaction.on_commit(lambda: _store(_new_state()))


# This process's copies of text fragments, for the two latest content versions it served:
# {version: {name: (until, text)}}. Two, so that a slow request still on the version before
# a change and one on the new version do not throw away each other's copies.
_recent_fragments = {}
_recent_fragments_lock = threading.Lock()


def cached_fragment(name, compute):
    """Return compute()'s value, cached until the content changes or the timeout passes.

    A fragment that is text (the sidebar's HTML) is also kept in the process: within one
    content version, for up to RECENT_FRAGMENT_SECONDS, a page then costs no round trip to
    the shared cache for it. The version is its key, so a change retires this copy as it
    does the shared one.
    """
    version = content_version()
    kept = _recent_fragments.get(version)
    if kept is None:
        with _recent_fragments_lock:
            kept = _recent_fragments.setdefault(version, {})
            while len(_recent_fragments) > 2:
                del _recent_fragments[next(iter(_recent_fragments))]  # the first kept
    until, value = kept.get(name, (0.0, None))
    if time.monotonic() < until:
        return value
    value = cache.get_or_set(f"fragment:{name}:{version}", compute, FRAGMENT_TIMEOUT)
    if isinstance(value, str):
        kept[name] = (time.monotonic() + RECENT_FRAGMENT_SECONDS, value)
    return value


def forget_kept():
    """Drop everything this process keeps of the shared cache (the content state and the
    fragments), as after the shared cache is emptied: the next request asks it again."""
    watcher.forget()
    with _recent_fragments_lock:
        _recent_fragments.clear()


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
