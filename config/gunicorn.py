"""gunicorn settings for production; each can be overridden with its environment variable."""

import gc
import multiprocessing
import os

from config.logs import logging_config

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"  # noqa: S104
# Two workers a core keep both cores busy while one waits on PostgreSQL;
# threads absorb slow clients.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2))
threads = int(os.environ.get("GUNICORN_THREADS", 2))
# A worker silent this long is replaced. No request waits on the database longer than the
# pool's timeout (DATABASE_POOL_TIMEOUT, 0.5 s), so this catches only a stuck worker; the
# image's health check (3 s) and the proxy's probe (1 s) see an outage long before.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
keepalive = 5
# The application is loaded once, before the workers fork: they start in milliseconds and
# share its memory (a new release therefore needs a restart: HUP rereads the settings, not
# the code). A worker is still replaced now and then, against slow leaks; at a few thousand
# requests a second, 5,000 would mean a new worker every few seconds.
preload_app = True
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 100_000))
max_requests_jitter = max_requests // 10
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'

# gunicorn's own lines in the same one-JSON-object-a-line form as the application's.
logconfig_dict = logging_config(
    formatter=os.environ.get("LOG_FORMAT", "json"),
    loggers={
        name: {"handlers": ["stdout"], "level": "INFO", "propagate": False}
        for name in ("gunicorn.error", "gunicorn.access")
    },
)


def pre_fork(server, worker):
    """Leave what the application loaded before the fork (some 80,000 objects of Django
    and the application) out of the workers' garbage collections: a worker's full
    collection then walks only what the worker made itself, a pause of 4 to 10 ms instead of
    50 to 60 every few dozen pages, and never writes to the objects it shares with the
    others."""
    gc.freeze()
