"""Count the SQL queries of pages as readers meet them: with the parts every reader shares
kept, and just after a change, when they are rebuilt."""

from http import HTTPStatus

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from edge.state import content_changed

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


def rebuilt_queries(client, urls):
    """Return each page's query count just after a content change, with nothing kept."""
    counts = {}
    for url in urls:
        content_changed()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == HTTPStatus.OK, url
        counts[url] = len(captured)
    return counts


def assert_queries_do_not_grow(client, urls, grow, django_assert_max_num_queries, limit=LIMIT):
    """Assert the pages cost the same queries, at most limit each once their parts are kept,
    and the same again when rebuilt, before and after grow(), a change as the site makes it."""
    small, small_rebuilt = steady_queries(client, urls), rebuilt_queries(client, urls)
    grow()
    content_changed()
    for url in urls:
        client.get(url)
    with django_assert_max_num_queries(limit * 2 * len(urls)):
        large = steady_queries(client, urls)
    assert large == small, f"queries at first: {small}; after growing: {large}"
    assert max(large.values()) <= limit
    large_rebuilt = rebuilt_queries(client, urls)
    assert large_rebuilt == small_rebuilt, f"rebuilt: {small_rebuilt}; after: {large_rebuilt}"
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
