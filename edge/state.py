"""The content version: one number, kept in the database, that changes with public content.

Whatever changes what readers see calls `content_changed(*tags)`: it raises the number in the
same transaction as the change, and once that commits, purges the pages carrying those tags
from the proxy in front (see `edge.purge`). Fragments cached inside Django are keyed by the
number (`edge.fragments`), so a change retires them in every process at once, and neither a
cache outage nor a lost message can keep an old one alive.

A scheduled post goes public with nothing written: the row also holds the next such moment,
and the first request after it raises the number. Shared pages are never kept past it either
(`edge.headers`).
"""

import datetime
import threading

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from edge.models import ContentVersion
from edge.purge import purge_on_commit

ROW = 1

# Functions returning the next moment (a Unix time) when public content changes by itself,
# or None. Apps register theirs in ready().
_next_change_finders = []
# The state as the current request first read it: one query a request at most.
_request = threading.local()


def register_next_change(finder):
    """Tell the content version how to find the next moment content changes by itself."""
    _next_change_finders.append(finder)
    return finder


def _next_change_at():
    moments = [moment for finder in _next_change_finders if (moment := finder())]
    if not moments:
        return None
    return datetime.datetime.fromtimestamp(min(moments), tz=datetime.UTC)


def content_state():
    """Return (number, next_change_at) of the current content, read once per request."""
    state = getattr(_request, "state", None)
    now = timezone.now()
    if state is None or (state[1] is not None and now >= state[1]):
        row = ContentVersion.objects.filter(pk=ROW).values_list("number", "next_change_at")
        state = row.first()
        if state is None or (state[1] is not None and now >= state[1]):
            _bump()  # the first read ever, or content changed by itself since the last
            state = row.first()
        if getattr(_request, "active", False):
            _request.state = state
    return state


def content_version() -> str:
    """Return a token that changes whenever public content changes."""
    return str(content_state()[0])


def seconds_to_next_change():
    """Return how many seconds remain before content changes by itself, or None."""
    moment = content_state()[1]
    if moment is None:
        return None
    return max(0, int((moment - timezone.now()).total_seconds()))


def _bump():
    next_change_at = _next_change_at()
    updated = ContentVersion.objects.filter(pk=ROW).update(
        number=F("number") + 1, next_change_at=next_change_at
    )
    if not updated:
        ContentVersion.objects.get_or_create(
            pk=ROW, defaults={"number": 1, "next_change_at": next_change_at}
        )
    _request.state = None


def content_changed(*tags: str) -> None:
    """Retire Django's cached fragments now and the proxy's pages tagged `tags` on commit."""
    with transaction.atomic():
        _bump()
    purge_on_commit(tags)


def request_started(**kwargs):
    """Begin a request with no state read yet (connected to Django's request_started)."""
    _request.active = True
    _request.state = None


def request_finished(**kwargs):
    """Forget the state when the request ends, so nothing outside requests keeps it."""
    _request.active = False
    _request.state = None
