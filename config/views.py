"""The site's own answers: the health check and the error pages."""

import logging
import sys

from django.core.cache import caches
from django.db import DatabaseError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache

from ops.outage import DATABASE_OUTAGES, RETRY_AFTER_SECONDS, unavailable
from worker.models import Heartbeat

logger = logging.getLogger(__name__)


def server_error(request):
    """Render the 500 page, or a polite 503 when the failure is the database being out of reach."""
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_OUTAGES):
        logger.error("Database unavailable: %s", exception)
        return unavailable(loader.render_to_string("503.html"))
    return HttpResponse(loader.render_to_string("500.html"), status=500)


@never_cache
def healthz(request):
    """Report whether the database, the cache and the worker answer: 503 without the database.

    Redis is a cache, not a dependency: without it the site works (uncached), so the answer
    stays 200, "degraded", and a proxy or load balancer keeps sending readers here. The
    worker is reported ("ok", or "stale" when it has not beaten within WORKER_LEASE_SECONDS)
    but never takes the site out of service: readers lose nothing while mail waits.
    """
    checks = {}
    try:
        # Reading the worker's last beat is the database's check too.
        age, beating = Heartbeat.objects.beat_age()
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
        response = JsonResponse({"status": "unavailable", **checks}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    checks["worker"] = "ok" if beating else "stale"
    checks["worker_beat_seconds_ago"] = None if age is None else round(age)
    status = "ok" if checks["cache"] == "ok" else "degraded"
    return JsonResponse({"status": status, **checks})
