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


def remembered_reverse(viewname, current_app=None, **kwargs):
    """Return reverse(viewname, kwargs=kwargs, current_app=current_app), from memory when
    it was asked for before."""
    key = tuple(kwargs.items())
    return _reverse(get_urlconf(), get_script_prefix(), viewname, key, current_app)


@functools.lru_cache(maxsize=REMEMBERED_ADDRESSES)
def _reverse(urlconf, script_prefix, viewname, kwargs, current_app):
    # script_prefix is part of the key only: reverse() reads the same value itself.
    return reverse(viewname, urlconf=urlconf, kwargs=dict(kwargs), current_app=current_app)


@receiver(setting_changed)
def _forget_addresses(*, setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _reverse.cache_clear()
