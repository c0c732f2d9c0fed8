"""Answer WordPress's /?p=123 and /?page_id=45 addresses of imported posts and pages."""

from django.contrib.flatpages.models import FlatPage
from django.http import HttpResponsePermanentRedirect

from blog.models import Post
from moving.models import ImportedItem

QUERIES = {"p": ImportedItem.Kind.POST, "page_id": ImportedItem.Kind.PAGE}


class WordPressAddressMiddleware:
    """Send /?p=<id> to the imported post's address with a 301; other requests pass."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/" and request.GET:
            if target := self.imported_address(request.GET):
                return HttpResponsePermanentRedirect(target)
        return self.get_response(request)

    @staticmethod
    def imported_address(query) -> str | None:
        for name, kind in QUERIES.items():
            wordpress_id = query.get(name, "")
            if not wordpress_id.isdigit():
                continue
            item = ImportedItem.objects.filter(kind=kind, wordpress_id=wordpress_id).first()
            if item is None:
                return None
            if kind == ImportedItem.Kind.POST:
                post = Post.objects.published().filter(pk=item.object_id).first()
                return post.get_absolute_url() if post else None
            page = FlatPage.objects.filter(pk=item.object_id).first()
            return page.url if page else None
        return None
