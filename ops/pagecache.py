"""Serve anonymous readers' pages from the shared cache, and nothing personal to anyone.

A page is cached only for a reader who carries no session and no pending message: what
such a reader sees is the same for everyone. Pages are stored with their CSRF tokens taken
out and put back fresh, per reader, when served, so that a form on a cached page (the
comment form) always posts. Entries belong to one content version (see ops.cache): a
change to public content, or a scheduled post's time coming, retires them all at once.

Two layers share this module. `public_page` wraps Django views: it serves hits inside
Django, and marks a miss for `PageStoreMiddleware` to store once every other middleware has
had its say (the session's and the CSRF token's Vary, the cookies set). `CachedPagesApp`
wraps the WSGI application and serves hits before Django runs at all, which is what makes a
cached page nearly as cheap as a static file; on a miss it hands the request to Django.
Each process also keeps the pages it served last in its own memory: a hit then costs one
small read of the content version from the shared cache, whatever the size of the page.

Pages go out gzipped to browsers that take it, as Django's GZipMiddleware sends the pages it
renders. A kept page is compressed once, in pieces cut where each reader's token and nonce
go; serving it puts those in between, uncompressed, so a reader's token is never compressed
together with anything a page repeats from a request (the BREACH attack).
"""

import hashlib
import re
import secrets
import struct
import threading
import time
import zlib
from functools import cached_property, wraps
from http.cookies import SimpleCookie

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.middleware import csrf
from django.middleware.csp import get_nonce
from django.middleware.gzip import re_accepts_gzip
from django.utils.csp import build_policy, generate_nonce
from django.utils.http import parse_etags

from ops.cache import content_state, is_current

CSRF_PLACEHOLDER = b"__masthead_csrf_token__"
NONCE_PLACEHOLDER = b"__masthead_csp_nonce__"
PLACEHOLDERS = re.compile(b"(" + CSRF_PLACEHOLDER + b"|" + NONCE_PLACEHOLDER + b")")
CSRF_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")([A-Za-z0-9]{64})(")')
KEPT_HEADERS = {"content-type", "content-language", "vary", "x-robots-tag", "link"}
# A gzip member's header (no name, no time, any system) and a deflate stream's last block.
GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
LAST_DEFLATE_BLOCK = b"\x03\x00"
# Paths no public page lives under: not worth a cache look-up.
UNCACHED_PREFIXES = ("/static/", "/media/", "/admin/", "/accounts/", "/my/", "/healthz")


def request_is_shareable(method, cookies, query_string):
    """Say whether a request may get, and leave, a page meant for every anonymous reader."""
    return (
        settings.PAGE_CACHE
        and method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in cookies
        and "messages" not in cookies
        and len(query_string) <= 200
    )


def page_key(host, path, query_string):
    raw = f"{host}{path}?{query_string}".encode()
    return "page:" + hashlib.sha256(raw).hexdigest()


def etag_for(body):
    return '"' + hashlib.md5(body, usedforsecurity=False).hexdigest() + '"'


def valid_entry(state, entry):
    return entry is not None and is_current(state) and entry["version"] == state["version"]


# Inside Django -----------------------------------------------------------------------------


def public_page(view):
    """Cache view's page for anonymous readers until public content changes."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        query_string = request.META.get("QUERY_STRING", "")
        if not request_is_shareable(request.method, request.COOKIES, query_string):
            return view(request, *args, **kwargs)
        key = page_key(request.get_host(), request.path, query_string)
        state = content_state()
        entry = cache.get(key)
        if valid_entry(state, entry):
            return _response_from_entry(request, ReadyPage(entry))
        request.page_cache_slot = (key, state["version"])  # for PageStoreMiddleware
        return view(request, *args, **kwargs)

    return wrapper


class PageStoreMiddleware:
    """Store the page a public_page view rendered on a miss, as the middleware inside this
    one left it: with the Vary the session and CSRF middleware gave it and the cookies they
    set. It comes inside GZipMiddleware, which compresses what is stored as it does a hit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        slot = getattr(request, "page_cache_slot", None)
        if slot is not None:
            _store(request, response, *slot)
        return response


def _store(request, response, key, version):
    if response.status_code != 200 or response.streaming:
        return
    if response.has_header("Cache-Control") and "private" in response["Cache-Control"]:
        return
    if any(name != settings.CSRF_COOKIE_NAME for name in response.cookies):
        return
    body = CSRF_FIELD.sub(rb"\1" + CSRF_PLACEHOLDER + rb"\3", response.content)
    nonce = get_nonce(request)
    if nonce:  # generated while rendering: it stands in the page's nonce attributes
        body = body.replace(f'nonce="{nonce}"'.encode(), b'nonce="' + NONCE_PLACEHOLDER + b'"')
    entry = {
        "version": version,
        "headers": [
            (name, value) for name, value in response.items() if name.lower() in KEPT_HEADERS
        ],
        "body": body,
        "etag": etag_for(body),
    }
    cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
    response["ETag"] = entry["etag"]


def _response_from_entry(request, page):
    if etag_matches(request.headers.get("If-None-Match", ""), page.etag):
        response = HttpResponseNotModified()
    else:
        body = page.body_for(
            masked_token=csrf.get_token(request) if page.has_csrf else None,
            nonce=str(get_nonce(request)) if page.has_nonce else None,
        )
        response = HttpResponse(body)
        for name, value in page.headers:
            response[name] = value
    for name, value in page.vary:
        response[name] = value
    # GZipMiddleware compresses the page itself; its 304 names the same tag as its 200.
    response["ETag"] = page.etag_for(page.takes_gzip(request.headers.get("Accept-Encoding", "")))
    response["X-Page-Cache"] = "hit"
    return response


# Before Django -----------------------------------------------------------------------------


class CachedPagesApp:
    """Answer cached pages straight from the cache; send everything else to Django."""

    def __init__(self, application):
        self.application = application
        # Pages this process served lately, by key: each is checked against the shared
        # content version before use, so a page retired elsewhere is never served here.
        self.recent = {}
        self.recent_lock = threading.Lock()

    def __call__(self, environ, start_response):
        method = environ.get("REQUEST_METHOD", "GET")
        query_string = environ.get("QUERY_STRING", "")
        cookies = _cookies(environ)
        path = _path(environ)
        must_redirect = settings.SECURE_SSL_REDIRECT and not _is_secure(environ)
        if (
            not must_redirect
            and not path.startswith(UNCACHED_PREFIXES)
            and request_is_shareable(method, cookies, query_string)
        ):
            host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
            try:
                entry = self._current_entry(page_key(host, path, query_string))
            except Exception:  # noqa: BLE001 - no database or cache: Django answers, politely
                entry = None
            if entry is not None:
                return self._serve(environ, start_response, entry, cookies, method)
        return self.application(environ, start_response)

    def _current_entry(self, key):
        """Return the page stored under key for the current content version, or None."""
        state = content_state()
        page = self.recent.get(key)
        if page is not None and page.version == state["version"] and page.is_fresh():
            return page
        entry = cache.get(key)
        if not valid_entry(state, entry):
            return None
        page = ReadyPage(entry)
        with self.recent_lock:
            if len(self.recent) >= settings.PAGE_CACHE_RECENT_PAGES:
                del self.recent[next(iter(self.recent))]  # the oldest kept
            self.recent[key] = page
        return page

    def _serve(self, environ, start_response, page, cookies, method):
        gzipped = page.takes_gzip(environ.get("HTTP_ACCEPT_ENCODING", ""))
        headers = [("ETag", page.etag_for(gzipped)), ("X-Page-Cache", "hit"), *page.vary]
        if etag_matches(environ.get("HTTP_IF_NONE_MATCH", ""), page.etag):
            start_response("304 Not Modified", headers)
            return [b""]
        nonce = generate_nonce() if page.has_nonce else None
        masked_token = None
        if page.has_csrf:
            secret = cookies.get(settings.CSRF_COOKIE_NAME, "")
            if len(secret) != csrf.CSRF_SECRET_LENGTH or not set(secret) <= CSRF_CHAR_SET:
                secret = _random_csrf_chars(csrf.CSRF_SECRET_LENGTH)
                headers.append(("Set-Cookie", _csrf_cookie(secret)))
            masked_token = _masked_csrf_token(secret)
        if gzipped:
            body = page.gzipped_body_for(masked_token=masked_token, nonce=nonce)
            headers.append(("Content-Encoding", "gzip"))
        else:
            body = page.body_for(masked_token=masked_token, nonce=nonce)
        headers += page.headers
        headers += _security_headers(environ, nonce)
        headers.append(("Content-Length", str(len(body))))
        start_response("200 OK", headers)
        return [b""] if method == "HEAD" else [body]


class ReadyPage:
    """A cached page entry made ready to serve many times: its body cut at the places where
    each reader's CSRF token and CSP nonce go, so that serving it is one join."""

    def __init__(self, entry):
        self.version = entry["version"]
        # Kept no longer than the shared cache keeps a page (PAGE_CACHE_SECONDS).
        self.fresh_until = time.monotonic() + settings.PAGE_CACHE_SECONDS
        self.etag = entry["etag"]
        self.parts = PLACEHOLDERS.split(entry["body"])
        self.has_csrf = CSRF_PLACEHOLDER in self.parts
        self.has_nonce = NONCE_PLACEHOLDER in self.parts
        # Not worth compressing below this size, as GZipMiddleware judges.
        self.compressible = len(entry["body"]) >= 200
        self.headers = [(n, value) for n, value in entry["headers"] if n.lower() != "vary"]
        vary = [value for name, value in entry["headers"] if name.lower() == "vary"]
        if self.compressible:
            vary.append("Accept-Encoding")
        self.vary = [("Vary", ", ".join(vary))] if vary else []

    def is_fresh(self):
        return time.monotonic() < self.fresh_until

    def takes_gzip(self, accept_encoding):
        """Say whether to send this page gzipped, given the request's Accept-Encoding, as
        GZipMiddleware decides it."""
        return self.compressible and bool(re_accepts_gzip.search(accept_encoding))

    def etag_for(self, gzipped):
        # A compressed page's tag is weak, as GZipMiddleware makes it.
        return f"W/{self.etag}" if gzipped else self.etag

    def body_for(self, *, masked_token, nonce):
        """Return the body with masked_token and nonce (None where the page has none) put
        in their places."""
        if len(self.parts) == 1:
            return self.parts[0]
        filled = self._fillings(masked_token, nonce)
        return b"".join(filled.get(part, part) for part in self.parts)

    def gzipped_body_for(self, *, masked_token, nonce):
        """Return body_for()'s body gzipped: the page's own pieces as compressed once, the
        token and the nonce compressed now."""
        filled = self._fillings(masked_token, nonce)
        pieces = [GZIP_HEADER]
        checksum = size = 0
        for part, deflated in zip(self.parts, self._deflated_parts, strict=True):
            if part in filled:
                part = filled[part]
                deflated = _stored(part)
            pieces.append(deflated)
            checksum = zlib.crc32(part, checksum)
            size += len(part)
        pieces += [LAST_DEFLATE_BLOCK, struct.pack("<II", checksum, size & 0xFFFFFFFF)]
        return b"".join(pieces)

    @cached_property
    def _deflated_parts(self):
        return [_deflated(part) for part in self.parts]

    def _fillings(self, masked_token, nonce):
        filled = {}
        if self.has_csrf:
            filled[CSRF_PLACEHOLDER] = masked_token.encode()
        if self.has_nonce:
            filled[NONCE_PLACEHOLDER] = nonce.encode()
        return filled


def _deflated(data):
    """Compress data as a piece of a deflate stream: ended on a byte boundary and needing
    nothing before it, so that pieces compressed apart join into one stream."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)  # GZipMiddleware's level
    return compressor.compress(data) + compressor.flush(zlib.Z_FULL_FLUSH)


def _stored(data):
    """Put data (a token or a nonce, random characters) into a deflate stream as it is: a
    stored block (RFC 1951, 3.2.4), which costs nothing to make. The stream is on a byte
    boundary here, so the block's header takes one whole byte, then the length and its
    complement."""
    return struct.pack("<BHH", 0, len(data), len(data) ^ 0xFFFF) + data


def etag_matches(if_none_match, etag):
    """Say whether an If-None-Match header names etag, weakly or strongly."""
    return etag in (tag.removeprefix("W/") for tag in parse_etags(if_none_match))


def _cookies(environ):
    parsed = SimpleCookie()
    try:
        parsed.load(environ.get("HTTP_COOKIE", ""))
    except Exception:  # noqa: BLE001 - a malformed cookie header just means no cookies
        return {}
    return {name: morsel.value for name, morsel in parsed.items()}


def _path(environ):
    script = environ.get("SCRIPT_NAME", "")
    path = environ.get("PATH_INFO", "/").encode("latin-1").decode("utf-8", "replace")
    return script + path


# CSRF secrets and tokens as Django's CsrfViewMiddleware makes them (csrf._get_new_csrf_string
# and csrf._mask_cipher_secret), which its check accepts; Django draws each character with
# its own call for randomness, which costs more than serving the whole page.
CSRF_CHARS = csrf.CSRF_ALLOWED_CHARS
CSRF_CHAR_INDEX = {char: index for index, char in enumerate(CSRF_CHARS)}
CSRF_CHAR_SET = set(CSRF_CHARS)
# Random bytes below this fall evenly on the characters; the rest are dropped and more drawn.
CSRF_BYTE_LIMIT = 256 - 256 % len(CSRF_CHARS)
CSRF_BYTE_CHARS = bytes(ord(CSRF_CHARS[byte % len(CSRF_CHARS)]) for byte in range(256))
CSRF_UNEVEN_BYTES = bytes(range(CSRF_BYTE_LIMIT, 256))


def _random_csrf_chars(count):
    chars = b""
    while len(chars) < count:
        random = secrets.token_bytes(count + 8)
        chars += random.translate(CSRF_BYTE_CHARS, CSRF_UNEVEN_BYTES)
    return chars[:count].decode()


def _masked_csrf_token(secret):
    mask = _random_csrf_chars(len(secret))
    ciphered = (
        CSRF_CHARS[(CSRF_CHAR_INDEX[s] + CSRF_CHAR_INDEX[m]) % len(CSRF_CHARS)]
        for s, m in zip(secret, mask, strict=True)
    )
    return mask + "".join(ciphered)


def _csrf_cookie(secret):
    """Return the Set-Cookie value Django would send for secret, from a template made once
    a second (the cookie's expiry date is in it)."""
    second = int(time.time())
    if _csrf_cookie_template.get("second") != second:
        response = HttpResponse()
        response.set_cookie(
            settings.CSRF_COOKIE_NAME,
            CSRF_PLACEHOLDER.decode(),
            max_age=settings.CSRF_COOKIE_AGE,
            domain=settings.CSRF_COOKIE_DOMAIN,
            path=settings.CSRF_COOKIE_PATH,
            secure=settings.CSRF_COOKIE_SECURE,
            httponly=settings.CSRF_COOKIE_HTTPONLY,
            samesite=settings.CSRF_COOKIE_SAMESITE,
        )
        text = response.cookies[settings.CSRF_COOKIE_NAME].OutputString()
        _csrf_cookie_template.update(second=second, text=text)
    return _csrf_cookie_template["text"].replace(CSRF_PLACEHOLDER.decode(), secret, 1)


_csrf_cookie_template = {}


def _security_headers(environ, nonce):
    """Return the headers Django's middleware would add, for pages served without Django."""
    headers = [
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", settings.SECURE_REFERRER_POLICY),
        ("Cross-Origin-Opener-Policy", settings.SECURE_CROSS_ORIGIN_OPENER_POLICY),
        ("X-Frame-Options", settings.X_FRAME_OPTIONS),
        ("Content-Security-Policy", _policy(nonce)),
    ]
    if settings.SECURE_HSTS_SECONDS and _is_secure(environ):
        hsts = f"max-age={settings.SECURE_HSTS_SECONDS}"
        if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
            hsts += "; includeSubDomains"
        if settings.SECURE_HSTS_PRELOAD:
            hsts += "; preload"
        headers.append(("Strict-Transport-Security", hsts))
    return headers


def _policy(nonce):
    """Build the Content-Security-Policy header as Django's middleware does, from templates
    made once per policy setting: one with a nonce to fill in, one without."""
    policy = settings.SECURE_CSP
    if _policy_template.get("policy") is not policy:
        _policy_template.update(
            policy=policy,
            with_nonce=build_policy(policy, NONCE_PLACEHOLDER.decode()),
            without=build_policy(policy),
        )
    if nonce is None:
        return _policy_template["without"]
    return _policy_template["with_nonce"].replace(NONCE_PLACEHOLDER.decode(), nonce)


_policy_template = {}


def _is_secure(environ):
    header, value = settings.SECURE_PROXY_SSL_HEADER or (None, None)
    if header and environ.get(header, "").split(",")[0].strip() == value:
        return True
    return environ.get("wsgi.url_scheme") == "https"
