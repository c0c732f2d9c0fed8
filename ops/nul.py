"""Refuse requests whose address or form holds a NUL character, before any view reads them."""

from django.http import HttpResponseBadRequest

MESSAGE = (
    "This request was refused: its address or form holds a NUL character (%00), "
    "which nothing on this site accepts.\n"
)


class NulCharacterMiddleware:
    """Answer 400 to a request with a NUL character in its path, query string or form.

    PostgreSQL stores and compares no text holding one, so such a value reaching a query (an
    admin list's filter, a lookup by id) would end in a server error. Uploaded files may
    hold NULs: they are not read here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in value for value in self.texts(request)):
            return HttpResponseBadRequest(MESSAGE, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

    def texts(self, request):
        """Yield the request's path and the names and values of its query and form fields."""
        yield request.path
        for query in (request.GET, request.POST):
            for name, values in query.lists():
                yield name
                yield from values
