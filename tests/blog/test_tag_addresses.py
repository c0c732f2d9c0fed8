"""Every tag has an address, whatever its name: unicode, punctuation or markup."""

from http import HTTPStatus
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.urls import reverse
from taggit.models import Tag

from blog.models import Post
from tests.authors.test_admin import change_url, post_form
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

NAMES = ["日本語", "Ünïcödé café", "<script>alert(1)</script>", "C++ & C#", "../../etc/passwd"]


def test_posts_tagged_with_unicode_or_hostile_names_show_and_link_to_their_tags(client, author):
    post = PostFactory(author=author, tags=NAMES)

    pages = [
        reverse("blog:index"),
        post.get_absolute_url(),
        reverse("blog:sitemap"),
        reverse("blog:feed"),
    ]
    for url in pages:
        assert client.get(url).status_code == HTTPStatus.OK, url
    page = client.get(post.get_absolute_url()).text
    for tag in Tag.objects.filter(name__in=NAMES):
        tag_page = reverse("blog:tag", kwargs={"slug": tag.slug})
        assert f'href="{tag_page}"' in page, tag.name
        for url in (
            tag_page,
            reverse("blog:tag-feed", kwargs={"slug": tag.slug}),
            reverse("blog:tag-feed-atom", kwargs={"slug": tag.slug}),
        ):
            response = client.get(url)
            assert response.status_code == HTTPStatus.OK, url
            assert post.title in response.text, url


def test_the_tag_page_of_a_unicode_tag_answers_at_its_readable_address(client, author):
    PostFactory(author=author, tags=["日本語"])

    assert client.get("/tag/日本語/").status_code == HTTPStatus.OK
    assert client.get("/tag/%E6%97%A5%E6%9C%AC%E8%AA%9E/feed/").status_code == HTTPStatus.OK


def test_a_tag_without_a_letter_or_digit_is_refused_as_it_could_have_no_address(
    author_client, author
):
    post = PostFactory(author=author, title="Tagged with punctuation")

    response = author_client.post(change_url(post), post_form(post, tags="!!!, itil"))

    assert response.status_code == HTTPStatus.OK
    assert "needs a letter or a digit" in response.text
    assert not Tag.objects.filter(name="!!!").exists()
    assert list(Post.objects.get(pk=post.pk).tags.names()) == []


def test_the_migration_gives_an_address_to_a_tag_saved_without_one(client, author):
    migration = import_module("blog.migrations.0012_tags_with_addresses")
    post = PostFactory(author=author, tags=["!!!"])
    tag = Tag.objects.get(name="!!!")
    assert tag.slug == ""

    migration.give_tags_addresses(django_apps, None)

    tag.refresh_from_db()
    assert tag.slug == f"tag-{tag.pk}"
    assert client.get(post.get_absolute_url()).status_code == HTTPStatus.OK
    assert client.get(reverse("blog:tag", kwargs={"slug": tag.slug})).status_code == HTTPStatus.OK
