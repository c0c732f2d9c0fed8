"""Say who may keep each response: shared caches for anonymous readers, nobody else.

A view wrapped in `shared_page` renders the same bytes for every anonymous reader: no CSRF
token (forms are guarded by Fetch metadata and Origin, see `modern_csrf`), no nonce, no
cookie. Such a response, to a request that carries no session or message cookie, goes out
with `Cache-Control: public, max-age, s-maxage, stale-while-revalidate, stale-if-error` and
the tags of what it shows (`Cache-Tag`), for the proxy or CDN in front to keep until a purge
(`edge.purge`) or its s-maxage, which never outlives the next scheduled publication.

Every other response is personal or unsure, and goes out `private, no-cache` unless the view
said otherwise.
"""

from functools import wraps

from django.conf import settings
from django.utils.cache import patch_cache_control

from edge import tags
from edge.state import seconds_to_next_change

PERSONAL_COOKIES = ("messages",)


def shared_page(view, *names):
    """Mark view's responses as the same for every anonymous reader, tagged names."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        tags.add(request, *names)
        response = view(request, *args, **kwargs)
        response.is_shared_page = True
        return response

    return wrapper


def is_anonymous_request(request):
    """Say whether a request carries nothing that could make its page personal."""
    cookies = request.COOKIES
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in cookies
        and not any(name in cookies for name in PERSONAL_COOKIES)
    )


class CacheHeadersMiddleware:
    """Give each response the Cache-Control its audience calls for.

    It comes before the session middleware, so that it sees the cookies every other
    middleware set: a response that sets one is never shared.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            getattr(response, "is_shared_page", False)
            and response.status_code == 200
            and is_anonymous_request(request)
            and not response.cookies
        ):
            share(request, response)
        elif not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        return response


def share(request, response):
    shared_seconds = settings.EDGE_SHARED_SECONDS
    if (remaining := seconds_to_next_change()) is not None:
        shared_seconds = min(shared_seconds, remaining)
    patch_cache_control(
        response,
        public=True,
        max_age=min(settings.EDGE_BROWSER_SECONDS, shared_seconds),
        s_maxage=shared_seconds,
        stale_while_revalidate=settings.EDGE_STALE_WHILE_REVALIDATE_SECONDS,
        stale_if_error=settings.EDGE_STALE_IF_ERROR_SECONDS,
    )
    names = {tags.SITE, *getattr(request, "cache_tags", ())}
    if response.get("Content-Type", "").startswith("text/html"):
        names.add(tags.LAYOUT)
    response["Cache-Tag"] = ",".join(sorted(names))
