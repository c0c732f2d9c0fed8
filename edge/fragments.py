"""Parts of pages that every reader sees alike, kept in each process until content changes.

The proxy in front keeps whole pages, but only for anonymous readers. Signed-in readers'
pages are rendered each time, so the parts that are the same for everyone are kept here:
the navigation and the sidebar, a post's page of comment threads, the columns its page
links to, and each post's card in the lists up to its reader's own MY button (the card
template's {% cache %}, keyed by the same version: blog.context_processors). Each process
keeps them in its own memory (Django's local-memory cache, `fragments` in CACHES), keyed by
the content version that the database holds (`edge.state`). Every public change bumps that
version in its own transaction, so a change anywhere retires them everywhere on the next
request, and a Redis outage cannot touch them.
"""

from django.core.cache import caches

from edge.state import content_version

# A fragment is rebuilt at least this often, whatever happens.
FRAGMENT_TIMEOUT = 300


def cached_fragment(name, compute):
    """Return compute()'s value, kept until the content changes or the timeout passes."""
    key = f"{name}:{content_version()}"
    return caches["fragments"].get_or_set(key, compute, FRAGMENT_TIMEOUT)
