"""Pages gzipped for the browsers that take it; files sent as they are."""

from django.middleware.gzip import GZipMiddleware


class PageGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware for pages and feeds only.

    Files stream out (attachments, media in development): most are compressed already
    (PDF, Office documents, pictures), and gzipping them on the fly would cost the server
    and take away their Content-Length, so a browser could show no progress.
    """

    def process_response(self, request, response):
        if response.streaming:
            return response
        return super().process_response(request, response)
