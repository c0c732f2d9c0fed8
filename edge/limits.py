"""Refuse request bodies over the limit before reading a byte of them.

The proxy in front caps bodies too (deploy/varnish/default.vcl); this keeps an app server
reached directly from reading a 50 MB post to the comment form. Only the admin takes
uploads, so only it may send large bodies.
"""

from django.conf import settings
from django.http import HttpResponse


class RequestSizeLimitMiddleware:
    """Answer 413 to a request whose declared body exceeds its path's limit.

    Django reads no more of a body than its Content-Length declares.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = (
            settings.UPLOAD_REQUEST_MAX_BYTES
            if request.path_info.startswith("/admin/")
            else settings.REQUEST_MAX_BYTES
        )
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = limit + 1
        if length > limit:
            response = HttpResponse(
                f"This request is too large: at most {limit // 1024} kB may be sent here.\n",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
            response["Connection"] = "close"
            return response
        return self.get_response(request)
