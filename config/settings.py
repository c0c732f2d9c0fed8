"""Masthead settings: every deployment difference comes from the environment (see .env.example)."""

import secrets
import sys
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django_prose_editor.config import html_tags
from js_asset import static_lazy

from config.logs import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)

# The test suite runs with DEBUG off, as production does, yet needs no secret of its own.
TESTING = "pytest" in sys.modules

# Commands that sign nothing lasting may run on a machine without the secret (CI, a
# newcomer's checkout, an image build); the servers and the worker never do.
OFFLINE_COMMAND = Path(sys.argv[0]).name == "manage.py" and sys.argv[1:2] in (
    ["check"], ["collectstatic"], ["makemigrations"], ["migrate"], ["showmigrations"],
)  # fmt: skip


SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if DEBUG or TESTING:
        SECRET_KEY = "django-insecure-local-development-key-never-use-in-production"  # noqa: S105
    elif OFFLINE_COMMAND:
        SECRET_KEY = secrets.token_urlsafe(50)
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment (or .env) to a long random "
            "string, or set DEBUG=true for local development."
        )

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# The publication's own identity: Masthead is the product, not the publication.
PUBLICATION_NAME = env.str("PUBLICATION_NAME", default="The Service Desk Review")
PUBLICATION_TAGLINE = env.str(
    "PUBLICATION_TAGLINE", default="Columnists on running IT as a service"
)
MY_LABEL = env.str("MY_LABEL", default="MY Review")

INSTALLED_APPS = [
    "ops.admin_site.NewsroomAdminConfig",  # django.contrib.admin, its shortcut checked
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.redirects",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "taggit",
    "reversion",
    "django_prose_editor",
    "django_tasks_db",
    "authors",
    "blog",
    "comments",
    "readers",
    "ops",
    "edge",
    "worker",
    "modern_csrf",
    "demo",
    "moving",
    "newsroom",
    "allauth",
    "allauth.account",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Bodies over the limit are refused before they are read (the proxy caps them too).
    "edge.limits.RequestSizeLimitMiddleware",
    # A NUL character in an address or form is a 400, before a query could fail on it.
    "ops.nul.NulCharacterMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages gzipped for browsers that take it; static files come compressed from whitenoise.
    "edge.compression.PageGZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    # Public or private: it sees the response after the session middleware set its cookie.
    "edge.headers.CacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Cross-site forgery refused by Fetch metadata and Origin, without tokens, so that a
    # page with a form can be the same for every reader and kept by the proxy in front.
    "modern_csrf.middleware.ModernCsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    # A renamed post's old address answers 301 (see blog/services.py).
    "django.contrib.redirects.middleware.RedirectFallbackMiddleware",
    # WordPress's /?p=123 addresses of imported posts answer 301 (see moving/).
    "moving.middleware.WordPressAddressMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "blog.context_processors.publication",
                "readers.context_processors.reader",
            ],
        },
    },
]

# SQLite in a local file is the embedded default; production sets a postgres:// URL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
# The background worker (manage.py worker) runs one task at a time.
WORKER_PROCESS = Path(sys.argv[0]).name == "manage.py" and sys.argv[1:2] == ["worker"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A connection attempt to a host that does not answer gives up after 2 s (libpq's
    # shortest); one the server refuses fails at once.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 2
    if WORKER_PROCESS:
        # One connection of its own, kept between tasks and checked before use: after an
        # outage it connects again at its next try, with no pool's pauses between attempts.
        DATABASES["default"]["CONN_MAX_AGE"] = None
        DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    else:
        # A psycopg pool per app server process; Django checks each connection out and back
        # in per request. During an outage a request waits at most DATABASE_POOL_TIMEOUT for
        # a connection before its polite 503, well within the proxy's probe and the image's
        # health check. The pool grows on demand to more connections than a process has
        # threads, so a healthy site never waits on it; checking each connection as it leaves
        # the pool recovers from an outage by itself.
        from psycopg_pool import ConnectionPool

        DATABASES["default"]["OPTIONS"]["pool"] = {
            "min_size": env.int("DATABASE_POOL_MIN", default=2),
            "max_size": env.int("DATABASE_POOL_MAX", default=8),
            "timeout": env.float("DATABASE_POOL_TIMEOUT", default=0.5),
            "check": ConnectionPool.check_connection,
        }
        DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    VAR_DIR.mkdir(exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The shared cache holds rate limits and log-in lock-outs: Redis in production. It is a
# cache, not a dependency: with Redis out of reach every call answers "nothing cached" at
# once (django-redis's IGNORE_EXCEPTIONS, see edge.redis), and the limits that must not
# fail open ask the "strict" alias, which raises instead (see README, Failures).
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://masthead")}
if CACHES["default"]["BACKEND"].endswith(".RedisCache"):  # Django's or django-redis's
    _redis_options = {
        "SOCKET_CONNECT_TIMEOUT": 0.5,
        "SOCKET_TIMEOUT": 0.5,
        "CONNECTION_POOL_KWARGS": {"health_check_interval": 10},
    }
    CACHES["default"] = {
        "BACKEND": "edge.redis.RedisCacheThatForgets",
        "LOCATION": CACHES["default"]["LOCATION"],
        "OPTIONS": {**_redis_options, "IGNORE_EXCEPTIONS": True},
    }
    CACHES["strict"] = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": CACHES["default"]["LOCATION"],
        "OPTIONS": _redis_options,
    }
else:
    CACHES["strict"] = CACHES["default"]
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "edge.redis"
# The navigation and sidebar's HTML, in each process (edge.fragments).
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    # The sidebar, threads, links and a card for each post listed: a few kB each.
    "OPTIONS": {"MAX_ENTRIES": 5000},
}

# Anonymous readers' pages are kept by the proxy or CDN in front (edge.headers): shared
# caches until a purge or EDGE_SHARED_SECONDS, stale while one request refreshes them, and
# stale for EDGE_STALE_IF_ERROR_SECONDS while the site fails. Browsers ask again each time
# (a 304 from the proxy when nothing changed), so that a purge reaches readers at once.
EDGE_BROWSER_SECONDS = env.int("EDGE_BROWSER_SECONDS", default=0)
EDGE_SHARED_SECONDS = env.int("EDGE_SHARED_SECONDS", default=3600)
EDGE_STALE_WHILE_REVALIDATE_SECONDS = env.int("EDGE_STALE_WHILE_REVALIDATE_SECONDS", default=30)
EDGE_STALE_IF_ERROR_SECONDS = env.int("EDGE_STALE_IF_ERROR_SECONDS", default=86400)
# Where purges go (edge.purge): Varnish servers' addresses, and a Cloudflare zone.
EDGE_CACHE_BACKENDS = {}
if VARNISH_PURGE_URLS := env.list("VARNISH_PURGE_URLS", default=[]):
    EDGE_CACHE_BACKENDS["varnish"] = {
        "BACKEND": "edge.purge.VarnishBackend",
        "OPTIONS": {"locations": VARNISH_PURGE_URLS},
    }
if CLOUDFLARE_ZONE_ID := env.str("CLOUDFLARE_ZONE_ID", default=""):
    EDGE_CACHE_BACKENDS["cloudflare"] = {
        "BACKEND": "edge.purge.CloudflareBackend",
        "OPTIONS": {
            "zone_id": CLOUDFLARE_ZONE_ID,
            "api_token": env.str("CLOUDFLARE_API_TOKEN"),
            "api_url": env.str(
                "CLOUDFLARE_API_URL", default="https://api.cloudflare.com/client/v4"
            ),
        },
    }
# Request bodies: readers' forms are small; the admin takes uploads.
REQUEST_MAX_BYTES = env.int("REQUEST_MAX_BYTES", default=1024 * 1024)
UPLOAD_REQUEST_MAX_BYTES = env.int("UPLOAD_REQUEST_MAX_BYTES", default=100 * 1024 * 1024)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env.str("TIME_ZONE", default="Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "static")
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
# Local uploads are served by the app itself unless a front server or object storage does it.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    # Posts' attachments, under PRIVATE_MEDIA_ROOT: never served by address.
    "attachments": {"BACKEND": "uploads.storage.PrivateStorage"},
    # Uploaded pictures as authors sent them, EXIF and all: pages serve only their
    # renditions, made into "default" (uploads.images).
    "originals": {"BACKEND": "uploads.storage.PrivateStorage"},
}
# Uploads on S3-compatible object storage when a bucket is named; on local disk otherwise.
_s3_connection = {
    "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
    "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
    "access_key": env.str("AWS_ACCESS_KEY_ID", default="") or None,
    "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default="") or None,
    "file_overwrite": False,
}
if AWS_STORAGE_BUCKET_NAME := env.str("AWS_STORAGE_BUCKET_NAME", default=""):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3_connection,
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None,
            "querystring_auth": False,
            "default_acl": None,
            # Renditions' addresses change with the picture (uploads.images): keep for a year.
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
    SERVE_MEDIA = False
# Pictures' originals go to a private bucket of their own when one is named (give it no
# public policy); under PRIVATE_MEDIA_ROOT otherwise, a shared volume with several servers.
if AWS_PRIVATE_STORAGE_BUCKET_NAME := env.str("AWS_PRIVATE_STORAGE_BUCKET_NAME", default=""):
    STORAGES["originals"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3_connection,
            "bucket_name": AWS_PRIVATE_STORAGE_BUCKET_NAME,
            "default_acl": "private",
        },
    }
# Uploads larger than this are refused by the forms that take them, with a message.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# The post form's editor takes pictures and downloads dropped into it (blog.admin_editor):
# its script is loaded with the editor's own. blog/html.py sanitises what it makes.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("js/editor_uploads.js")],
        # It makes no markup of its own: what it places is Figure's, Image's and Link's.
        "extensions": {"EditorUploads": html_tags([])},
    }
]
# Pictures and attachments authors upload: checked by content, within these limits.
IMAGE_MAX_BYTES = env.int("IMAGE_MAX_BYTES", default=10 * 1024 * 1024)
IMAGE_MAX_PIXELS = env.int("IMAGE_MAX_PIXELS", default=40_000_000)
ATTACHMENT_MAX_BYTES = env.int("ATTACHMENT_MAX_BYTES", default=25 * 1024 * 1024)
# Attachments live outside MEDIA_ROOT: readers download them through a view that checks the
# post is public (blog/attachments.py), so a draft's files are never reachable by address.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=VAR_DIR / "private")

# Mail: the console in development; production sets EMAIL_URL=smtp+tls://user:pass@host:587.
# The servers and the worker never fall back to the console without DEBUG: it would write
# every message, password-reset and sign-in links included, into the logs.
if not env.str("EMAIL_URL", default="") and not (DEBUG or TESTING or OFFLINE_COMMAND):
    raise ImproperlyConfigured(
        "EMAIL_URL is not set. Set it to your mail server, e.g. "
        "EMAIL_URL=smtp+tls://user:password@smtp.example.com:587, or to consolemail:// to "
        "print every message, links to reset passwords included, into the logs on purpose."
    )
_email = env.email_url("EMAIL_URL", default="consolemail://")
_mail_options = {}
if _email["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend":
    _mail_options = {
        "host": _email["EMAIL_HOST"],
        "port": _email["EMAIL_PORT"],
        "username": _email["EMAIL_HOST_USER"],
        "password": _email["EMAIL_HOST_PASSWORD"],
        "use_tls": _email.get("EMAIL_USE_TLS", False),
        "use_ssl": _email.get("EMAIL_USE_SSL", False),
        "timeout": 10,
    }
MAILERS = {"default": {"BACKEND": _email["EMAIL_BACKEND"], "OPTIONS": _mail_options}}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="newsroom@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Reader accounts (django-allauth). Staff sign in through the same page, by username or email.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "readers:my"
ACCOUNT_LOGOUT_REDIRECT_URL = "blog:index"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_FORMS = {"login": "readers.forms.LoginForm"}
# Lock-outs counted per account, and rate limits per reader's address behind the proxy.
ACCOUNT_ADAPTER = "readers.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{PUBLICATION_NAME}] "
# Five failed log-ins for one account within five minutes, by its username and its email
# together, lock it for the rest of them; ten a minute from one address are refused.
ACCOUNT_RATE_LIMITS = {"login_failed": env.str("LOGIN_FAILED_RATE", default="10/m/ip,5/300s/key")}

# Send to a colleague: this many sends per IP address and per browser session.
SEND_TO_COLLEAGUE_RATE = env.str("SEND_TO_COLLEAGUE_RATE", default="5/h")

# The public address of the site, for links in mail sent outside a request.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

# Background work (mail) goes through Django's tasks to a worker: manage.py worker (see
# worker/loop.py), run by scripts/worker, which starts it again whenever it stops.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A task RUNNING this long is taken to have lost its worker and is run again, up to
# WORKER_MAX_ATTEMPTS runs in all; the mail it sent is not sent again.
WORKER_LEASE_SECONDS = env.int("WORKER_LEASE_SECONDS", default=60)
WORKER_MAX_ATTEMPTS = env.int("WORKER_MAX_ATTEMPTS", default=5)
# The worker's sign of life, renewed this often; /healthz calls it stale after the lease.
WORKER_BEAT_SECONDS = env.float("WORKER_BEAT_SECONDS", default=5)
# While the database is away the worker tries again after 0.5 s, 1 s, 2 s... up to this.
WORKER_BACKOFF_MAX_SECONDS = env.float("WORKER_BACKOFF_MAX_SECONDS", default=5)
# Management commands the worker runs hourly (worker/loop.py): no cron needed.
WORKER_HOURLY_COMMANDS = env.list(
    "WORKER_HOURLY_COMMANDS", default=["send_slot_reminders", "sweep_editor_uploads"]
)

# The request header holding the reader's address behind a proxy, e.g. HTTP_X_FORWARDED_FOR.
CLIENT_IP_HEADER = env.str("CLIENT_IP_HEADER", default="")
RATELIMIT_IP_META_KEY = "ops.network.client_ip"

# Comments: see README, Comments and moderation.
COMMENTS_MAX_LINKS = env.int("COMMENTS_MAX_LINKS", default=2)
COMMENTS_RATE_PER_IP = env.str("COMMENTS_RATE_PER_IP", default="5/10m")
COMMENTS_RATE_PER_EMAIL = env.str("COMMENTS_RATE_PER_EMAIL", default="3/10m")
COMMENTS_CLOSE_AFTER_DAYS = env.int("COMMENTS_CLOSE_AFTER_DAYS", default=0)
COMMENTS_AUTO_APPROVE_AFTER = env.int("COMMENTS_AUTO_APPROVE_AFTER", default=0)
COMMENTS_DIGEST_MINUTES = env.int("COMMENTS_DIGEST_MINUTES", default=10)
AKISMET_API_KEY = env.str("AKISMET_API_KEY", default="")
AKISMET_SITE_URL = env.str("AKISMET_SITE_URL", default=SITE_URL)
AKISMET_TIMEOUT = env.float("AKISMET_TIMEOUT", default=3.0)

# Security: the defaults are production's; DEBUG relaxes only what plain HTTP needs.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SECURE_CONTENT_TYPE_NOSNIFF = True
# Django's token middleware is replaced on purpose by modern_csrf's (see MIDDLEWARE).
SILENCED_SYSTEM_CHECKS = ["security.W003"]
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    # The rich-text editor (Tiptap, in django-prose-editor) inserts its base stylesheet as an
    # inline <style> and offers no way to turn that off or give it a nonce: its hash allows
    # that one stylesheet, and style attributes and every other inline style stay refused.
    "style-src": [CSP.SELF, "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"],
    "img-src": [CSP.SELF, "data:"],
    "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
if AWS_STORAGE_BUCKET_NAME:
    # Pictures come from the bucket's own address, or the domain in front of it.
    media_origin = env.str("AWS_S3_CUSTOM_DOMAIN", default="") or env.str(
        "AWS_S3_ENDPOINT_URL", default="https://s3.amazonaws.com"
    )
    SECURE_CSP["img-src"].append(
        media_origin if "://" in media_origin else f"https://{media_origin}"
    )

# Logs go to stdout, one JSON object a line (LOG_FORMAT=plain for reading in a terminal).
LOGGING = logging_config(
    formatter=env.str("LOG_FORMAT", default="plain" if DEBUG else "json"),
    level=env.str("LOG_LEVEL", default="INFO"),
    loggers={"django.db.backends": {"level": "WARNING"}},
)

# Lists on the public site show this many posts a page.
POSTS_PER_PAGE = env.int("POSTS_PER_PAGE", default=10)
# A post's discussion shows this many threads (a comment and its replies) a page.
COMMENTS_PER_PAGE = env.int("COMMENTS_PER_PAGE", default=50)
# A thread on the post's page shows this many replies; the rest are on the thread's own page.
REPLIES_PER_THREAD = env.int("REPLIES_PER_THREAD", default=10)
# Feeds carry each post's whole body when true, its excerpt when false.
FEED_FULL_TEXT = env.bool("FEED_FULL_TEXT", default=False)
