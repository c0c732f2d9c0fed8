# Masthead's shared cache: Varnish 7 with the xkey module (Debian: varnish, varnish-modules).
#
# - Keeps what the app marks public (Cache-Control: public, s-maxage, stale-while-revalidate,
#   stale-if-error) and passes everything personal: a session or message cookie, any method
#   but GET and HEAD.
# - Purges by tag: the app names each page's contents in Cache-Tag, and sends
#   "PURGE /" with "xkey-purge: post-12 home" when they change (edge/purge.py).
# - Serves stale pages while the app is down or failing, for as long as stale-if-error says.
# - Buffers request bodies, capped, before the app sees them, and fetches responses at the
#   app's speed, so slow or silent clients never hold an app server's thread.
# backends.vcl (written by deploy/varnish/backends from $BACKENDS) defines the app servers
# and the director "app".
vcl 4.1;

import directors;
import std;
import xkey;

probe health {
    # /healthz answers 503 within a second while the database is out of reach (Redis being
    # away is not a fault): two failures out of three, one a second, mark an app server sick,
    # and from then on kept pages are served stale without waiting on it.
    .request = "GET /healthz HTTP/1.1"
               "Host: 127.0.0.1"
               "User-Agent: varnish-probe"
               "Connection: close";
    .interval = 1s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

include "backends.vcl";

# Who may purge: this machine and the private networks the app servers live in.
acl purgers {
    "127.0.0.1";
    "::1";
    "10.0.0.0"/8;
    "172.16.0.0"/12;
    "192.168.0.0"/16;
}

sub vcl_recv {
    set req.backend_hint = app.backend();

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge) {
            set req.http.n-gone = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.n-gone + " objects"));
        }
        return (purge);
    }

    # Bodies: readers' forms are small, the admin takes uploads (the app checks again).
    # They go to an app server even when every one reports the database away: it gives the
    # reader's form back with the text kept (backends.vcl, "forms").
    if (req.method == "POST" || req.method == "PUT" || req.method == "PATCH") {
        set req.backend_hint = forms.backend();
        if (req.url ~ "^/admin/") {
            if (std.integer(req.http.Content-Length, 0) > 104857600
                || !std.cache_req_body(100MB)) {
                return (synth(413, "Request too large"));
            }
        } elsif (std.integer(req.http.Content-Length, 0) > 1048576
                 || !std.cache_req_body(1MB)) {
            return (synth(413, "Request too large"));
        }
        return (pass);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }

    # A reader with a session or a message waiting sees pages of their own.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Any other cookie (analytics, a stale CSRF cookie) changes nothing the app renders.
    unset req.http.Cookie;

    # Healthy app: a page past its s-maxage is served stale for stale-while-revalidate
    # (30 s, EDGE_STALE_WHILE_REVALIDATE_SECONDS) while one fetch refreshes it. App down:
    # for as long as the page's stale-if-error allows.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 30s;
    }
    return (hash);
}

sub vcl_backend_response {
    # The page's tags, for xkey.purge; Cloudflare reads the same header.
    if (beresp.http.Cache-Tag) {
        set beresp.http.xkey = beresp.http.Cache-Tag;
    }
    # Keep a page this long past its s-maxage, to serve while the app fails.
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control, ".*stale-if-error=([0-9]+).*", "\1s"), 0s);
    }
    # A refresh that fails keeps the stale page rather than replacing it with the error.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    if (beresp.http.Content-Type ~ "^(text/|application/(rss|atom)\+xml|application/xml|application/json)") {
        set beresp.do_gzip = true;
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.xkey;
    unset resp.http.Cache-Tag;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}

sub vcl_backend_error {
    # No app server answered: a polite page, as the app's own 503.
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "10";
    set beresp.http.Cache-Control = "no-store";
    synthetic({"<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>We will be right back</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><h1>We will be right back</h1>
<p>The site is briefly unavailable. Please try again in a moment.</p></body></html>
"});
    return (deliver);
}

sub vcl_synth {
    if (resp.status == 413) {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.http.Connection = "close";
        synthetic({"This request is too large to be sent here.
"});
        return (deliver);
    }
}
