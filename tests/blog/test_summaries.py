"""Summaries: stored when a post is saved, shown on cards and in feeds, no body read by lists."""

from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from blog.models import Post
from tests.authors.test_admin import change_url, post_form
from tests.blog.test_views import public_list_urls
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

OPENING = "Nobody on the team could say who owned the service"
BODY = (
    f"<h2>Who owns it?</h2><p>{OPENING}, so nobody felt able to fix it.</p>"
    + "<p>The rest of the column goes on at length about queues.</p>" * 20
    + "<p>The closing line no card shows.</p>"
)
# How a query that reads posts' bodies names the column, on SQLite and PostgreSQL alike.
BODY_COLUMN = '"blog_post"."body"'


@pytest.fixture
def post(author):
    return PostFactory(title="Ownership", author=author, tags=["itil"], excerpt="", body=BODY)


def home_page(client):
    return client.get(reverse("blog:index")).text


def test_a_post_without_an_excerpt_shows_the_opening_of_its_body_on_the_home_page(client, post):
    content = home_page(client)

    assert f"Who owns it? {OPENING}, so nobody felt able to fix it." in content
    assert "The closing line no card shows." not in content
    assert "…</p>" in content


def test_editing_the_body_in_the_admin_changes_the_summary_readers_see(client, author_client, post):
    body = "<p>A new opening: the service desk owns the service now.</p>"

    author_client.post(change_url(post), post_form(post, body=body))

    content = home_page(client)
    assert "A new opening: the service desk owns the service now." in content
    assert OPENING not in content


def test_saving_only_the_body_updates_its_summary(post):
    post.body = "<p>Rewritten in a hurry.</p>"
    post.save(update_fields=["body"])

    assert Post.objects.get(pk=post.pk).summary == "Rewritten in a hurry."


def test_an_excerpt_replaces_the_opening_and_clearing_it_brings_the_opening_back(
    client, author_client, post
):
    author_client.post(change_url(post), post_form(post, excerpt="Who owns a service?"))
    assert "Who owns a service?" in home_page(client)
    assert OPENING not in home_page(client)

    author_client.post(change_url(post), post_form(post, excerpt=""))
    assert OPENING in home_page(client)


def test_list_pages_and_feeds_show_summaries_without_reading_a_body(client, post):
    PostFactory(author=post.author, category=post.category, tags=["itil"], excerpt="")
    urls = [
        *public_list_urls(post),
        f"{reverse('blog:search')}?q=owned",
        reverse("blog:feed"),
        reverse("blog:author-feed-atom", kwargs={"slug": post.author.slug}),
    ]
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            content = client.get(url).text

        assert OPENING.split()[0] in content, url
        read_bodies = [query["sql"] for query in queries if BODY_COLUMN in query["sql"]]
        assert read_bodies == [], url


def test_a_full_text_feed_fetches_the_bodies_with_the_posts(client, post, settings):
    settings.FEED_FULL_TEXT = True
    PostFactory.create_batch(3, author=post.author, excerpt="")

    with CaptureQueriesContext(connection) as queries:
        content = client.get(reverse("blog:feed")).text

    assert "The closing line no card shows." in content
    assert len([query for query in queries if BODY_COLUMN in query["sql"]]) == 1


def test_the_migration_fills_the_summaries_of_posts_written_before_it_in_batches(monkeypatch):
    posts = PostFactory.create_batch(5, excerpt="", body="<p>[image 1]</p><p>Words.</p>")
    Post.objects.update(body_summary="")
    migration = import_module("blog.migrations.0009_fill_post_body_summary")
    monkeypatch.setattr(migration, "BATCH_SIZE", 2)

    with CaptureQueriesContext(connection) as queries:
        migration.fill_body_summary(apps, None)

    updates = [query for query in queries if query["sql"].startswith('UPDATE "blog_post"')]
    assert len(updates) == 3
    for post in Post.objects.filter(pk__in=[post.pk for post in posts]):
        assert post.summary == "Words."
