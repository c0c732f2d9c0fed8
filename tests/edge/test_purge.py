"""A change purges the pages that show it, and no others, once it is committed."""

import json
import logging

import pytest
from django.db import transaction
from django.urls import reverse

from edge import tags
from edge.purge import CloudflareBackend, purge
from edge.state import content_changed
from tests.authors.test_admin import change_url, post_form
from tests.edge.recorder import Recorder
from tests.factories import CategoryFactory, CommentFactory, PostFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(author):
    return PostFactory(title="Post A", author=author, tags=["itil"])


def test_approving_a_comment_purges_the_post_and_the_cards_counting_it_only(
    moderator_client, post, varnish, django_capture_on_commit_callbacks
):
    comment = CommentFactory(post=post, status="pending")
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(
            reverse("admin:comments_comment_changelist"),
            {"action": "approve", "_selected_action": [comment.pk]},
        )

    assert varnish.purged_tags() == [{tags.post(post.pk)}]


@pytest.mark.parametrize("verb", ["approve", "reply"])
def test_approving_at_the_desk_purges_the_post_and_the_cards_counting_it_only(
    moderator_client, post, varnish, django_capture_on_commit_callbacks, verb
):
    comment = CommentFactory(post=post, status="pending")
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(
            reverse("admin:comments_comment_decide"),
            {"act": f"{verb}:{comment.pk}", f"reply-{comment.pk}": "Thank you."},
        )

    assert varnish.purged_tags() == [{tags.post(post.pk)}]


def test_publishing_purges_the_lists_the_post_joins(
    author_client, author, varnish, django_capture_on_commit_callbacks
):
    section = CategoryFactory()
    PostFactory(author=author, category=section, tags=["itil"])  # the sidebar has itil already
    draft = PostFactory(author=author, category=section, draft=True, tags=["itil"])

    with django_capture_on_commit_callbacks(execute=True):
        author_client.post(change_url(draft), post_form(draft, tags="itil", _publish="Publish now"))

    draft.refresh_from_db()
    [purged] = varnish.purged_tags()
    moment = draft.published_at
    assert purged >= {
        tags.post(draft.pk),
        tags.HOME,
        tags.author(author.pk),
        tags.category(section.pk),
        tags.tag(draft.tags.get().pk),
        tags.archive(moment.year),
        tags.archive(moment.year, moment.month),
        tags.FEEDS,
        tags.SEARCH,
        tags.SITEMAP,
    }
    assert tags.LAYOUT not in purged  # no new month, section or popular tag: sidebar unchanged


def test_a_change_that_reaches_the_sidebar_purges_every_page(
    author_client, post, varnish, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        author_client.post(change_url(post), post_form(post, tags="itil, a-brand-new-tag"))

    [purged] = varnish.purged_tags()
    assert tags.LAYOUT in purged  # the popular tags in every page's sidebar


def test_editing_a_post_purges_its_old_and_new_lists(
    editor_client, post, varnish, django_capture_on_commit_callbacks
):
    old_section, new_section = post.category, CategoryFactory()
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(change_url(post), post_form(post, category=new_section.pk))

    [purged] = varnish.purged_tags()
    assert {tags.category(old_section.pk), tags.category(new_section.pk)} <= purged


def test_the_purge_waits_for_the_change_to_commit(
    varnish, post, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        content_changed(tags.post(post.pk))
        # Purged now, the page would be refilled from the rows other readers still see.
        assert varnish.purged_tags() == []

    assert varnish.purged_tags() == [{tags.post(post.pk)}]


def test_a_cache_that_cannot_be_reached_is_logged_and_the_change_stands(
    settings, author_client, post, caplog, django_capture_on_commit_callbacks
):
    settings.EDGE_CACHE_BACKENDS = {
        "varnish": {
            "BACKEND": "edge.purge.VarnishBackend",
            "OPTIONS": {"locations": ["http://127.0.0.1:9"]},  # nothing listens there
        }
    }
    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        response = author_client.post(change_url(post), post_form(post, title="Renamed"))

    assert response.status_code == 302
    post.refresh_from_db()
    assert post.title == "Renamed"
    assert "Could not purge" in caplog.text


def test_cloudflare_is_asked_to_purge_by_tag_thirty_at_a_time():
    api = Recorder(answer={"success": True, "errors": []})
    try:
        backend = CloudflareBackend(zone_id="zone-1", api_token="secret", api_url=api.url)
        backend.purge({f"post-{n}" for n in range(45)})
    finally:
        api.close()

    assert [(method, path) for method, path, _, _ in api.requests] == [
        ("POST", "/zones/zone-1/purge_cache"),
        ("POST", "/zones/zone-1/purge_cache"),
    ]
    sent = [json.loads(body)["tags"] for _, _, _, body in api.requests]
    assert [len(batch) for batch in sent] == [30, 15]
    assert set().union(*sent) == {f"post-{n}" for n in range(45)}
    assert all(h["authorization"] == "Bearer secret" for _, _, h, _ in api.requests)


def test_a_cloudflare_refusal_is_logged(settings, caplog):
    api = Recorder(answer={"success": False, "errors": [{"message": "bad token"}]})
    settings.EDGE_CACHE_BACKENDS = {
        "cloudflare": {
            "BACKEND": "edge.purge.CloudflareBackend",
            "OPTIONS": {"zone_id": "z", "api_token": "t", "api_url": api.url},
        }
    }
    try:
        with caplog.at_level(logging.WARNING):
            purge({"post-1"})
    finally:
        api.close()

    assert "bad token" in caplog.text
