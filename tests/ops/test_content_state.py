"""The content state each process keeps: ordered, and told of other processes' changes."""

import json
import time

import pytest
from django.core.cache import cache
from django.db import transaction

from ops.cache import (
    CHANGES_CHANNEL,
    ORDER_KEY,
    STATE_KEY,
    StateWatcher,
    _count,
    content_changed,
    content_state,
    watcher,
)

needs_redis = pytest.mark.skipif(
    not hasattr(cache, "subscribe"), reason="content-change messages need Redis (CACHE_URL)"
)


def state(count, made_at):
    return {"version": f"{count}.{made_at}", "next_change_at": None}


def test_a_process_never_goes_back_to_an_older_state_it_hears_late():
    kept = StateWatcher()
    kept.heard(state(7, 2_000))
    kept.heard(state(6, 1_000))  # announced before 7, heard after it
    assert kept.state == state(7, 2_000)
    kept.heard(state(8, 3_000))
    assert kept.state == state(8, 3_000)


def test_a_change_made_in_a_transaction_is_announced_again_once_committed(
    db, django_capture_on_commit_callbacks
):
    before = content_state()["version"]
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        content_changed()
        during = content_state()["version"]
    after = content_state()["version"]

    assert len({before, during, after}) == 3  # pages made from the old rows are retired too
    assert _count(content_state()) == _count(cache.get(STATE_KEY))


def test_a_state_stored_by_an_older_release_is_replaced(db):
    cache.set(STATE_KEY, {"version": "1795378273595730036", "next_change_at": None})
    kept = StateWatcher()
    kept.heard(cache.get(STATE_KEY))

    assert kept.state is None
    assert content_state()["version"] != "1795378273595730036"
    assert cache.get(STATE_KEY) == content_state()


def test_each_change_makes_a_new_version_in_order(db):
    first = content_state()["version"]
    content_changed()
    second = content_state()["version"]
    content_changed()
    third = content_state()["version"]
    assert len({first, second, third}) == 3
    assert [int(v.split(".")[0]) for v in (first, second, third)] == sorted(
        int(v.split(".")[0]) for v in (first, second, third)
    )


def wait_for(condition, seconds):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.001)
    return condition()


def store_elsewhere(new_state):
    """Store a state as another app server's content_changed() does."""
    return cache.store_in_order(
        STATE_KEY, new_state, order_key=ORDER_KEY, order=_count(new_state),
        channel=CHANGES_CHANNEL, message=json.dumps(new_state),
    )  # fmt: skip


@needs_redis
def test_a_change_another_process_stores_reaches_this_one_without_asking(db):
    content_state()
    assert wait_for(watcher.is_listening, 5)
    count = _count(content_state())

    elsewhere = state(count + 1, time.time_ns())
    assert store_elsewhere(elsewhere)

    assert wait_for(lambda: watcher.state == elsewhere, 2)
    assert content_state() == elsewhere


@needs_redis
def test_redis_keeps_the_later_of_two_states_whatever_order_they_arrive_in(db):
    count = _count(content_state())
    later, earlier = state(count + 2, time.time_ns()), state(count + 1, time.time_ns())

    assert store_elsewhere(later)
    assert not store_elsewhere(earlier)  # made first, stored last: refused

    assert cache.get(STATE_KEY) == later
    assert wait_for(lambda: watcher.state == later, 2)


@needs_redis
def test_processes_follow_redis_when_its_count_starts_again(db):
    content_state()
    assert wait_for(watcher.is_listening, 5)
    cache.clear()  # as when Redis restarts empty: the counter starts again

    fresh = state(1, time.time_ns())
    assert store_elsewhere(fresh)

    # The announcement's count is lower than the one this process knows: it is the next
    # reading of the stored state, every few seconds, that brings the process round.
    assert wait_for(lambda: watcher.state == fresh, StateWatcher.RESYNC_SECONDS + 2)
