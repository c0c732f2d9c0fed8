"""A WSGI application that does nothing: the benchmark's ceiling for gunicorn on this machine."""

BODY = b"<!doctype html><title>Bare</title><p>The fastest page this server can answer.</p>\n"
HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(BODY)))]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
