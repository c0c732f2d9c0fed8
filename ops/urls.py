"""Addresses reversed once per process.

A list page links each of its posts, authors and categories several times over, and Django's
reverse() costs tens of microseconds a call: a fifth of a cold list page went on it. The
URLconf cannot change while the process runs (tests that swap it clear the memory), so an
address, once reversed, is remembered.
"""

import functools

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse

REMEMBERED_ADDRESSES = 8192


def remembered_reverse(viewname, **kwargs):
    """Return reverse(viewname, kwargs=kwargs), from memory when it was asked for before."""
    return _reverse(get_urlconf(), get_script_prefix(), viewname, tuple(kwargs.items()))


@functools.lru_cache(maxsize=REMEMBERED_ADDRESSES)
def _reverse(urlconf, script_prefix, viewname, kwargs):
    # script_prefix is part of the key only: reverse() reads the same value itself.
    return reverse(viewname, urlconf=urlconf, kwargs=dict(kwargs))


@receiver(setting_changed)
def _forget_addresses(*, setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _reverse.cache_clear()
