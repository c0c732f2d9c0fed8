"""Anonymous pages come from the shared cache, change when content does, and stay impersonal."""

import datetime
import gzip
import io
import re
from http import HTTPStatus
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.http import HttpResponse
from django.middleware import csrf
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment
from comments.services import comment_approve
from config.wsgi import application
from ops import pagecache
from tests.comments.conftest import comment_data
from tests.factories import POST_INLINES, CommentFactory, PostFactory, UserFactory

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True


@pytest.fixture
def post(author):
    return PostFactory(title="On handovers", author=author)


def get(url, **extra):
    return Client().get(url, **extra)


def test_the_second_anonymous_visit_is_served_from_the_cache_without_sql(
    post, django_assert_num_queries
):
    first = get(post.get_absolute_url())
    assert "X-Page-Cache" not in first

    with django_assert_num_queries(0):
        second = get(post.get_absolute_url())

    assert second["X-Page-Cache"] == "hit"
    assert second.status_code == HTTPStatus.OK
    assert "On handovers" in second.text


def test_an_approved_comment_shows_on_the_next_anonymous_request(post, moderator):
    comment = CommentFactory(post=post, status="pending", body="Approved just now")
    assert "Approved just now" not in get(post.get_absolute_url()).text

    comment_approve(comment=comment, moderator=moderator)

    assert "Approved just now" in get(post.get_absolute_url()).text


def test_a_comment_sent_back_to_the_queue_or_deleted_in_the_admin_goes_at_once(
    post, moderator_client, editor
):
    thread = CommentFactory(post=post, body="Sent back for another look")
    CommentFactory(post=post, parent=thread, body="A reply to it")
    deleted = CommentFactory(post=post, body="Deleted by a moderator")
    thread_url = reverse("comments:thread", kwargs={"pk": post.pk, "thread": thread.pk})
    assert "Sent back for another look" in get(post.get_absolute_url()).text
    assert get(thread_url).status_code == HTTPStatus.OK

    moderator_client.post(
        reverse("admin:comments_comment_change", args=[thread.pk]),
        {"status": "pending", "body": thread.body, "name": thread.name},
    )
    editor_client = Client()
    editor_client.force_login(editor)
    editor_client.post(reverse("admin:comments_comment_delete", args=[deleted.pk]), {"post": "yes"})

    thread.refresh_from_db()
    assert thread.status == "pending"
    assert not Comment.objects.filter(pk=deleted.pk).exists()
    page = get(post.get_absolute_url()).text
    assert "Sent back for another look" not in page and "Deleted by a moderator" not in page
    assert "A reply to it" in page  # now a thread of its own
    assert get(thread_url).status_code == HTTPStatus.NOT_FOUND


def test_a_post_published_or_edited_in_the_admin_shows_at_once(editor, author):
    home = reverse("blog:index")
    draft = PostFactory(title="Not yet", author=author, draft=True)
    assert "Not yet" not in get(home).text
    editor_client = Client()
    editor_client.force_login(editor)

    editor_client.post(
        reverse("admin:blog_post_changelist"),
        {"action": "publish_now", "_selected_action": [draft.pk]},
    )
    assert "Not yet" in get(home).text

    draft.refresh_from_db()
    response = editor_client.post(
        reverse("admin:blog_post_change", args=[draft.pk]),
        {
            "title": "Edited title", "slug": draft.slug, "author": author.pk,
            "body": draft.body, "status": "published",
            "published_at_0": f"{timezone.localtime(draft.published_at):%Y-%m-%d}",
            "published_at_1": f"{timezone.localtime(draft.published_at):%H:%M:%S}",
            "allow_comments": "on", **POST_INLINES,
        },
    )  # fmt: skip
    assert response.status_code == HTTPStatus.FOUND, response.context["adminform"].errors
    assert "Edited title" in get(home).text


def test_a_scheduled_post_appears_by_itself_when_its_time_comes(author, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    PostFactory(
        title="Scheduled piece", author=author,
        published_at=timezone.now() + datetime.timedelta(minutes=1),
    )  # fmt: skip
    home = reverse("blog:index")
    assert "Scheduled piece" not in get(home).text
    assert get(home)["X-Page-Cache"] == "hit"

    time_machine.shift(datetime.timedelta(minutes=2))

    response = get(home)
    assert "X-Page-Cache" not in response
    assert "Scheduled piece" in response.text


def test_a_signed_in_reader_never_gets_or_leaves_a_shared_page(post):
    reader = UserFactory(username="reader")
    client = Client()
    client.force_login(reader)
    get(post.get_absolute_url())  # an anonymous reader fills the cache

    own = client.get(post.get_absolute_url())
    assert "X-Page-Cache" not in own
    assert "Log out" in own.text

    client.post(reverse("readers:act", kwargs={"action": "save", "pk": post.pk}))
    client.get(post.get_absolute_url())
    anonymous = get(post.get_absolute_url())
    assert "Log out" not in anonymous.text
    assert "Remove from" not in anonymous.text


def test_a_reader_with_a_message_or_session_bypasses_the_cache(client, post):
    get(post.get_absolute_url())

    response = client.post(
        reverse("comments:post", kwargs={"pk": post.pk}), comment_data(), follow=True
    )

    assert "X-Page-Cache" not in response
    assert "awaits moderation" in response.text
    assert "Awaiting moderation — only you can see this for now." in response.text


def test_a_comment_form_from_a_cached_page_passes_csrf(post):
    get(post.get_absolute_url())  # cached by one reader
    reader = Client(enforce_csrf_checks=True)

    page = reader.get(post.get_absolute_url())
    assert page["X-Page-Cache"] == "hit"
    token = TOKEN.search(page.text).group(1)
    response = reader.post(
        reverse("comments:post", kwargs={"pk": post.pk}),
        comment_data(csrfmiddlewaretoken=token),
    )

    assert response.status_code == HTTPStatus.FOUND
    assert Comment.objects.filter(post=post).exists()


def test_each_reader_of_a_cached_page_gets_their_own_csrf_token(post):
    tokens = {TOKEN.search(get(post.get_absolute_url()).text).group(1) for _ in range(3)}

    assert len(tokens) == 3


def test_an_unchanged_page_answers_304_to_its_etag(post):
    get(post.get_absolute_url())
    etag = get(post.get_absolute_url())["ETag"]

    response = get(post.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == HTTPStatus.NOT_MODIFIED


def test_a_feeds_304_does_not_call_the_feed_a_web_page(post):
    feed = reverse("blog:feed")
    etag = get(feed)["ETag"]

    response = get(feed, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == HTTPStatus.NOT_MODIFIED
    assert not response.has_header("Content-Type")


def test_feeds_are_cached_and_follow_changes(post, author):
    feed = reverse("blog:feed")
    get(feed)
    assert get(feed)["X-Page-Cache"] == "hit"

    Client().get(reverse("blog:index"))
    PostFactory(title="Freshly published", author=author)
    from ops.cache import content_changed

    content_changed()
    assert "Freshly published" in get(feed).text


def test_previews_are_never_cached(author_client, author):
    draft = PostFactory(author=author, draft=True, title="Private draft")
    url = reverse("blog:preview", kwargs={"pk": draft.pk})

    author_client.get(url)

    assert get(url).status_code == HTTPStatus.NOT_FOUND


def wsgi_get(path, cookie="", **headers):
    """Ask the WSGI application for path: its status, headers and body (as text, gunzipped
    when it came gzipped)."""
    environ = {"PATH_INFO": path, "HTTP_HOST": "testserver", "HTTP_COOKIE": cookie, **headers}
    setup_testing_defaults(environ)
    environ["wsgi.input"] = io.BytesIO()
    captured = {}

    def start_response(status, headers):
        captured["status"], captured["headers"] = status, dict(headers)

    # As Django's test client does: the test's connection stays open across requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        body = b"".join(application(environ, start_response))
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    if captured["headers"].get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return captured["status"], captured["headers"], body.decode()


def test_the_wsgi_layer_serves_a_cached_page_with_fresh_token_cookie_and_headers(
    post, django_assert_num_queries
):
    get(post.get_absolute_url())

    with django_assert_num_queries(0):
        status, headers, body = wsgi_get(post.get_absolute_url())

    assert status == "200 OK"
    assert headers["X-Page-Cache"] == "hit"
    assert "csrftoken=" in headers["Set-Cookie"]
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "On handovers" in body
    assert "__masthead_" not in body
    nonce = re.search(r"'nonce-([^']+)'", headers["Content-Security-Policy"])
    if 'nonce="' in body:
        assert f'nonce="{nonce.group(1)}"' in body


def test_the_wsgi_layer_keeps_a_readers_existing_csrf_cookie(post):
    get(post.get_absolute_url())
    secret = "a" * 32

    _, headers, body = wsgi_get(post.get_absolute_url(), cookie=f"csrftoken={secret}")

    assert "Set-Cookie" not in headers
    assert TOKEN.search(body)


def test_the_wsgi_layer_leaves_signed_in_readers_to_django(post):
    get(post.get_absolute_url())

    _, headers, _ = wsgi_get(post.get_absolute_url(), cookie="sessionid=abc")

    assert "X-Page-Cache" not in headers


def test_tokens_made_before_django_are_ones_djangos_csrf_check_accepts():
    secret = pagecache._random_csrf_chars(csrf.CSRF_SECRET_LENGTH)
    tokens = {pagecache._masked_csrf_token(secret) for _ in range(50)}

    assert len(secret) == csrf.CSRF_SECRET_LENGTH
    assert set(secret) <= set(csrf.CSRF_ALLOWED_CHARS)
    assert len(tokens) == 50  # a new mask each time, as Django makes them
    for token in tokens:
        assert len(token) == csrf.CSRF_TOKEN_LENGTH
        assert csrf._does_token_match(token, secret)
    assert not csrf._does_token_match(next(iter(tokens)), pagecache._random_csrf_chars(32))


def test_the_csrf_cookie_made_before_django_is_the_one_django_sets(settings):
    settings.CSRF_COOKIE_SECURE = True
    # The cookie is made from a template kept for a second: not one an earlier test made.
    pagecache._csrf_cookie_template.clear()
    response = HttpResponse()
    response.set_cookie(
        settings.CSRF_COOKIE_NAME, "s3cret", max_age=settings.CSRF_COOKIE_AGE,
        path=settings.CSRF_COOKIE_PATH, secure=True, samesite=settings.CSRF_COOKIE_SAMESITE,
    )  # fmt: skip
    expected = response.cookies[settings.CSRF_COOKIE_NAME].OutputString()

    made = pagecache._csrf_cookie("s3cret")

    without_expiry = re.compile(r"expires=[^;]+; ")
    assert without_expiry.sub("", made) == without_expiry.sub("", expected)
    assert "Secure" in made


def test_a_page_the_wsgi_layer_kept_in_memory_is_dropped_when_content_changes(post):
    comment = CommentFactory(post=post, status="pending", body="Kept back until approved")
    url = post.get_absolute_url()
    get(url)  # cached by Django
    _, headers, body = wsgi_get(url)  # served before Django, and now kept in memory too
    assert headers["X-Page-Cache"] == "hit" and "Kept back until approved" not in body

    comment_approve(comment=comment, moderator=UserFactory())

    _, headers, body = wsgi_get(url)
    assert "X-Page-Cache" not in headers and "Kept back until approved" in body


def test_the_wsgi_layer_gzips_a_cached_page_with_each_readers_own_token(post, client):
    url = post.get_absolute_url()
    plain = get(url).text  # rendered and cached by Django

    _, headers, body = wsgi_get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert headers["X-Page-Cache"] == "hit"
    assert headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in headers["Vary"]
    assert int(headers["Content-Length"]) < len(plain) / 2
    assert TOKEN.sub("", body) == TOKEN.sub("", plain).replace(
        re.search(r'nonce="([^"]+)"', plain).group(1),
        re.search(r"'nonce-([^']+)'", headers["Content-Security-Policy"]).group(1),
    )
    secret = re.search(r"csrftoken=(\w+)", headers["Set-Cookie"]).group(1)
    assert csrf._does_token_match(TOKEN.search(body).group(1), secret)


def test_a_gzipped_page_answers_304_to_its_weak_etag(post):
    url = post.get_absolute_url()
    get(url)
    _, headers, _ = wsgi_get(url, HTTP_ACCEPT_ENCODING="gzip")

    status, not_modified, _ = wsgi_get(
        url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=headers["ETag"]
    )
    inside_django = get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=headers["ETag"])

    assert headers["ETag"].startswith('W/"')
    assert status == "304 Not Modified"
    # A 304 names the tag and the Vary its 200 would have, whichever layer answers.
    for answer in (not_modified, inside_django.headers):
        assert answer["ETag"] == headers["ETag"]
        assert "Accept-Encoding" in answer["Vary"]
    assert inside_django.status_code == HTTPStatus.NOT_MODIFIED


def test_cached_pages_vary_on_the_cookie_as_the_page_django_rendered_did(post):
    home = get("/", HTTP_ACCEPT_ENCODING="gzip")  # rendered: it looked at the session

    inside_django = get("/", HTTP_ACCEPT_ENCODING="gzip")
    _, before_django, _ = wsgi_get("/", HTTP_ACCEPT_ENCODING="gzip")

    for response in (home.headers, inside_django.headers, before_django):
        assert {"cookie", "accept-encoding"} <= {
            value.strip().lower() for value in response["Vary"].split(",")
        }
    assert inside_django["X-Page-Cache"] == before_django["X-Page-Cache"] == "hit"


def test_a_csrf_cookie_of_letters_django_would_refuse_gets_a_fresh_one(post):
    get(post.get_absolute_url())

    status, headers, body = wsgi_get(post.get_absolute_url(), cookie=f'csrftoken="{"é" * 32}"')

    assert status == "200 OK"
    secret = re.search(r"csrftoken=(\w+)", headers["Set-Cookie"]).group(1)
    assert csrf._does_token_match(TOKEN.search(body).group(1), secret)


def test_pages_django_renders_go_out_gzipped_to_browsers_that_take_them(post, settings):
    settings.PAGE_CACHE = False

    response = get(post.get_absolute_url(), HTTP_ACCEPT_ENCODING="gzip")

    assert response["Content-Encoding"] == "gzip"
    assert "On handovers" in gzip.decompress(response.content).decode()
