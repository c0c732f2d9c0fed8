import logging
import sys

from django.core.cache import caches
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


def server_error(request):
    """Render the 500 page, or a polite 503 when the failure is the database being out of reach."""
    exception = sys.exc_info()[1]
    if isinstance(exception, OperationalError | InterfaceError):
        logger.error("Database unavailable: %s", exception)
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponse(loader.render_to_string("500.html"), status=500)


@never_cache
def healthz(request):
    """Report whether the database and the cache answer: 503 when the database does not.

    Redis is a cache, not a dependency: without it the site works (uncached), so the answer
    stays 200, "degraded", and a proxy or load balancer keeps sending readers here.
    """
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except DatabaseError as exc:
        checks["database"] = f"error: {exc.__class__.__name__}"
    try:
        caches["strict"].set("healthz", "ok", 5)
        ok = caches["strict"].get("healthz") == "ok"
        checks["cache"] = "ok" if ok else "error: no round trip"
    except Exception as exc:  # noqa: BLE001 - any cache backend failure means degraded
        checks["cache"] = f"error: {exc.__class__.__name__}"
    if checks["database"] != "ok":
        status, code = "unavailable", 503
    else:
        status, code = ("ok" if checks["cache"] == "ok" else "degraded"), 200
    return JsonResponse({"status": status, **checks}, status=code)
