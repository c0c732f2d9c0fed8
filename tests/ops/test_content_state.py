"""The content state each process keeps: ordered, and told of other processes' changes."""

import json
import time

import pytest
from django.core.cache import cache

from ops.cache import (
    CHANGES_CHANNEL,
    STATE_KEY,
    StateWatcher,
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


def test_a_process_follows_the_count_starting_again_after_the_cache_was_emptied():
    kept = StateWatcher()
    kept.heard(state(57, 2_000))
    kept.heard(state(1, 5_000))  # a lower count, made later: the shared cache was emptied
    assert kept.state == state(1, 5_000)


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


@needs_redis
def test_a_change_another_process_stores_reaches_this_one_without_asking(db):
    content_state()
    deadline = time.monotonic() + 5
    while not watcher.is_listening() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert watcher.is_listening()
    before = content_state()
    count = int(before["version"].split(".")[0])

    # What another app server's content_changed() sends: stored and announced at once.
    elsewhere = state(count + 1, time.time_ns())
    cache.set_and_publish(STATE_KEY, elsewhere, CHANGES_CHANNEL, json.dumps(elsewhere))

    deadline = time.monotonic() + 2
    while watcher.state != elsewhere and time.monotonic() < deadline:
        time.sleep(0.001)
    assert watcher.state == elsewhere
    assert content_state() == elsewhere
