"""Anonymous readers' pages are the same bytes for everyone, and say so; personal ones never."""

import datetime
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_max_age

from comments.models import Comment
from edge import tags
from edge.state import content_changed
from tests.comments.conftest import comment_data
from tests.factories import CommentFactory, PostFactory, UserFactory

pytestmark = pytest.mark.django_db

HOST = "http://testserver"


@pytest.fixture
def post(author):
    post = PostFactory(title="On handovers", author=author, tags=["itil"])
    CommentFactory(post=post, body="An approved comment")
    return post


def directives(response):
    return {part.strip() for part in response["Cache-Control"].split(",")}


def test_two_anonymous_readers_get_the_same_bytes_for_a_post_page_with_its_form(post):
    first = Client().get(post.get_absolute_url())
    second = Client().get(post.get_absolute_url())

    assert first.status_code == second.status_code == HTTPStatus.OK
    assert 'id="comment-form"' in first.text
    assert first.content == second.content
    assert "csrfmiddlewaretoken" not in first.text
    assert not first.cookies and not second.cookies


@pytest.mark.parametrize(
    "url",
    ["/", "/feed/", "/feed/atom/", "/sitemap.xml", "/authors/", "/search/?q=handovers"],
)
def test_public_pages_tell_shared_caches_how_long_to_keep_them(url, post, settings):
    response = Client().get(url)

    assert response.status_code == HTTPStatus.OK
    assert directives(response) >= {
        "public",
        f"max-age={settings.EDGE_BROWSER_SECONDS}",
        f"s-maxage={settings.EDGE_SHARED_SECONDS}",
        f"stale-while-revalidate={settings.EDGE_STALE_WHILE_REVALIDATE_SECONDS}",
        f"stale-if-error={settings.EDGE_STALE_IF_ERROR_SECONDS}",
    }
    assert tags.SITE in response["Cache-Tag"].split(",")


def test_a_post_page_and_the_lists_showing_it_carry_its_tag(post):
    name = tags.post(post.pk)
    for url in [
        post.get_absolute_url(),
        "/",
        post.author.get_absolute_url(),
        post.category.get_absolute_url(),
        "/tag/itil/",
        f"/{post.published_at.year}/",
    ]:
        assert name in Client().get(url)["Cache-Tag"].split(","), url


def test_a_signed_in_reader_and_a_reader_with_a_session_get_private_pages(post):
    reader = Client()
    reader.force_login(UserFactory())
    with_session = Client()
    with_session.cookies["sessionid"] = "anything"

    for client in (reader, with_session):
        response = client.get(post.get_absolute_url())
        assert "private" in directives(response)
        assert "public" not in directives(response)
        assert not response.has_header("Cache-Tag")


def test_the_my_page_and_the_admin_are_private(post):
    reader = Client()
    reader.force_login(UserFactory())

    assert "private" in directives(reader.get(reverse("readers:my")))
    assert "private" in directives(Client().get("/admin/login/"))


def test_shared_pages_are_not_kept_past_the_next_scheduled_publication(post, settings):
    PostFactory(published_at=timezone.now() + datetime.timedelta(minutes=5))
    content_changed(tags.HOME)  # as the admin does when it saves the post

    response = Client().get("/")

    assert get_max_age(response) <= 300
    shared = next(d for d in directives(response) if d.startswith("s-maxage="))
    assert 290 <= int(shared.split("=")[1]) <= 300


def test_a_comment_sent_from_a_shared_page_is_accepted(post):
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(post.get_absolute_url())
    assert "csrfmiddlewaretoken" not in page.text

    response = browser.post(
        reverse("comments:post", kwargs={"pk": post.pk}),
        comment_data(body="Sent from the shared page"),
        HTTP_ORIGIN=HOST,
        HTTP_SEC_FETCH_SITE="same-origin",
    )

    assert response.status_code == HTTPStatus.FOUND
    assert Comment.objects.filter(body="Sent from the shared page").exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example", "HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_ORIGIN": "https://evil.example"},  # a browser too old for Sec-Fetch-Site
        {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "https://blog.testserver.example"},
    ],
)
def test_a_comment_or_a_send_forged_from_another_site_is_refused(post, headers, mailoutbox):
    forger = Client(enforce_csrf_checks=True)

    comment = forger.post(
        reverse("comments:post", kwargs={"pk": post.pk}), comment_data(), **headers
    )
    send = forger.post(
        reverse("readers:send", kwargs={"pk": post.pk}),
        {"recipients": "victim@example.com", "sender_name": "A friend", "note": ""},
        **headers,
    )

    assert comment.status_code == send.status_code == HTTPStatus.FORBIDDEN
    assert not Comment.objects.filter(body__startswith="Our desk").exists()


def test_the_send_to_a_colleague_page_is_shared_too(post):
    url = reverse("readers:send", kwargs={"pk": post.pk})
    first, second = Client().get(url), Client().get(url)

    assert first.content == second.content
    assert "public" in directives(first)


def test_a_body_over_the_limit_is_refused_before_it_is_read(post, settings):
    settings.REQUEST_MAX_BYTES = 1024
    response = Client().generic(
        "POST",
        reverse("comments:post", kwargs={"pk": post.pk}),
        data=b"x" * 2048,
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    assert "too large" in response.text
    assert not Comment.objects.filter(post=post, status="pending").exists()


def test_the_admin_takes_larger_bodies_than_the_public_site(settings, editor_client):
    settings.REQUEST_MAX_BYTES = 1024
    response = editor_client.generic(
        "POST",
        reverse("admin:blog_category_add"),
        data=b"name=Big&slug=big&description=" + b"x" * 2048,
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code != HTTPStatus.REQUEST_ENTITY_TOO_LARGE


def test_renditions_are_kept_for_a_year(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "480.webp").write_bytes(b"RIFF")

    response = Client().get("/media/posts/480.webp")

    assert response.status_code == HTTPStatus.OK
    assert {"public", "immutable", "max-age=31536000"} <= directives(response)
