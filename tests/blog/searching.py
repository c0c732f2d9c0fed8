"""Helpers for the search tests: asking the search page and reading what it found."""

import datetime
from http import HTTPStatus

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Ranking, stemming and highlighted headlines need PostgreSQL full-text search; "
    "run with DATABASE_URL=postgres://...",
)

SEARCH_URL = reverse("blog:search")


def search(client, q, **params):
    response = client.get(SEARCH_URL, {"q": q, **params})
    assert response.status_code == HTTPStatus.OK
    return response


def found(response):
    return [post.title for post in response.context["page_obj"].object_list]


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def assert_only_marks(html):
    """Fail unless the only markup in html is <mark> tags, properly paired."""
    assert html.count("<mark>") == html.count("</mark>")
    rest = html.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in rest and ">" not in rest
