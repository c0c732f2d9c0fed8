"""Many readers comment at the same moment: every comment is stored once."""

from concurrent.futures import ThreadPoolExecutor
from http import HTTPStatus

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from tests.comments.conftest import comment_data
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db(transaction=True)

READERS = 40


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL")
def test_comments_posted_at_once_from_many_threads_are_all_stored(settings):
    settings.COMMENTS_RATE_PER_IP = "1000/m"
    settings.COMMENTS_RATE_PER_EMAIL = "1000/m"
    post = PostFactory()
    url = reverse("comments:post", kwargs={"pk": post.pk})

    def send(n):
        try:
            client = Client(REMOTE_ADDR=f"10.1.{n // 250}.{n % 250}")
            data = comment_data(email=f"reader{n}@example.com", body=f"Comment {n}")
            return client.post(url, data).status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(send, range(READERS)))

    assert statuses == [HTTPStatus.FOUND] * READERS
    bodies = sorted(Comment.objects.values_list("body", flat=True))
    assert bodies == sorted(f"Comment {n}" for n in range(READERS))
