"""Pages of a list without counting the list.

Django's Paginator counts every row to say "page 3 of 1,998", which on a large publication
costs more than fetching the page itself. Readers of a chronological list go to newer or
older posts, so these pages fetch one row more than they show, which is enough to know
whether an older page exists. They say which page they are, not how many there are.
"""

from django.conf import settings
from django.core.paginator import EmptyPage, InvalidPage, Page, PageNotAnInteger, Paginator
from django.http import Http404

# No list has this many pages: asking for a later one is asking for nothing.
MAX_PAGE = 100_000


class UncountedPaginator(Paginator):
    # Neither is known, and asking must not count the list behind the reader's back.
    count = None
    num_pages = None

    def validate_number(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError) as exc:
            raise PageNotAnInteger("That page number is not an integer") from exc
        if number < 1:
            raise EmptyPage("That page number is less than 1")
        if number > MAX_PAGE:  # an offset past what a database column can hold
            raise EmptyPage("That page contains no results")
        return number

    def page(self, number):
        number = self.validate_number(number)
        start = (number - 1) * self.per_page
        rows = list(self.object_list[start : start + self.per_page + 1])
        if not rows and (number > 1 or not self.allow_empty_first_page):
            raise EmptyPage("That page contains no results")
        return UncountedPage(
            rows[: self.per_page], number, self, has_next=len(rows) > self.per_page
        )


class UncountedPage(Page):
    def __init__(self, object_list, number, paginator, *, has_next):
        super().__init__(object_list, number, paginator)
        self._has_next = has_next

    def has_next(self):
        return self._has_next


def paginate(request, queryset, paginator_class=UncountedPaginator, per_page=None):
    """Return the page of queryset that ?page= asks for, POSTS_PER_PAGE long unless per_page
    says otherwise; a page that does not exist is a 404."""
    paginator = paginator_class(queryset, per_page or settings.POSTS_PER_PAGE)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except InvalidPage as exc:
        raise Http404("No such page.") from exc
