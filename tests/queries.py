"""Count the SQL queries of pages as a reader meets them: with the shared sidebar cached."""

from http import HTTPStatus

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

LIMIT = 10


def steady_queries(client, urls):
    """Return each page's query count once the sidebar's fragments are cached, as in use."""
    for url in urls:
        client.get(url)
    with CaptureQueriesContext(connection) as captured:
        counts = {}
        for url in urls:
            before = len(captured)
            assert client.get(url).status_code == HTTPStatus.OK, url
            counts[url] = len(captured) - before
    return counts


def assert_queries_do_not_grow(client, urls, grow, django_assert_max_num_queries):
    """Assert the pages cost the same queries, at most LIMIT each, before and after grow()."""
    small = steady_queries(client, urls)
    grow()
    for url in urls:
        client.get(url)
    with django_assert_max_num_queries(LIMIT * 2 * len(urls)):
        large = steady_queries(client, urls)
    assert large == small, f"queries at first: {small}; after growing: {large}"
    assert max(large.values()) <= LIMIT
    return large


def public_list_urls(post, tag="itil"):
    """Return the lists post appears on: home, its author, section, tag, year and month."""
    day = timezone.localdate(post.published_at)
    return [
        reverse("blog:index"),
        post.author.get_absolute_url(),
        post.category.get_absolute_url(),
        reverse("blog:tag", kwargs={"slug": tag}),
        reverse("blog:archive-year", kwargs={"year": day.year}),
        reverse("blog:archive-month", kwargs={"year": day.year, "month": f"{day.month:02d}"}),
    ]
