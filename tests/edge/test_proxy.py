"""Through the real proxy: pages kept and purged by what changed, slow clients and big bodies
kept away from the app, stale pages served while the app is down."""

import http.client
import socket
import time
from urllib.parse import urlsplit

import pytest

from tests.edge.processes import AppServer, Varnish, needs_postgresql, production_env
from tests.factories import CategoryFactory, CommentFactory, PostFactory, UserFactory
from tests.ops.servers import Browser, free_port

pytestmark = [needs_postgresql, pytest.mark.django_db(transaction=True)]


def get(base_url, path, headers=None):
    """Return (status, headers, body) of a GET, as a browser without cookies sends it."""
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode()
    finally:
        connection.close()


def x_cache(base_url, path):
    return get(base_url, path)[1]["X-Cache"]


@pytest.fixture
def stack(tmp_path):
    """An app server with Varnish in front, purges going to Varnish, as scripts/stack runs."""
    proxy_port = free_port()
    app = AppServer(
        production_env(
            tmp_path,
            VARNISH_PURGE_URLS=f"http://127.0.0.1:{proxy_port}",
            CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR",
            EDGE_SHARED_SECONDS="2",  # so that the outage test sees pages go stale
        )
    )
    proxy = Varnish(app.port, port=proxy_port)
    yield app, proxy
    proxy.stop()
    app.stop()


def test_approving_a_comment_refreshes_its_post_and_lists_while_another_post_stays_a_hit(
    stack, settings
):
    _, proxy = stack
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    UserFactory(username="moderator", groups=["Moderators"])
    post_a = PostFactory(title="Post A", category=CategoryFactory(), tags=["alpha"])
    post_b = PostFactory(title="Post B", category=CategoryFactory(), tags=["beta"])
    comment = CommentFactory(post=post_a, status="pending", body="A moderated remark")
    a, b, home = post_a.get_absolute_url(), post_b.get_absolute_url(), "/"
    blog_of_a = post_a.author.get_absolute_url()

    for path in (a, b, home, blog_of_a):
        assert x_cache(proxy.url, path) == "MISS"
        assert x_cache(proxy.url, path) == "HIT", path
    assert "A moderated remark" not in get(proxy.url, a)[2]

    staff = Browser(proxy.url)
    status, _ = staff.post(
        "/accounts/login/", {"login": "moderator", "password": "correct horse battery staple"}
    )
    assert status == 200
    queue = "/admin/comments/comment/"
    staff.post(queue, {"action": "approve", "_selected_action": [comment.pk]}, csrf_from=queue)

    status, headers, page = get(proxy.url, a)
    assert (status, headers["X-Cache"]) == (200, "MISS")
    assert "A moderated remark" in page
    assert x_cache(proxy.url, home) == "MISS"  # its card counts the comment
    assert x_cache(proxy.url, blog_of_a) == "MISS"
    assert x_cache(proxy.url, b) == "HIT"


def test_personal_pages_pass_through_the_proxy(stack):
    _, proxy = stack
    post = PostFactory()

    for _ in range(2):
        status, headers, _ = get(
            proxy.url, post.get_absolute_url(), {"Cookie": "sessionid=someones"}
        )
        assert headers["X-Cache"] == "MISS"
        assert "private" in headers["Cache-Control"]


def test_silent_connections_do_not_hold_up_other_readers(stack):
    """Sixteen clients that connect and send nothing would take every gunicorn thread."""
    _, proxy = stack
    post = PostFactory()
    silent = [socket.create_connection(("127.0.0.1", proxy.port)) for _ in range(16)]
    half_sent = [socket.create_connection(("127.0.0.1", proxy.port)) for _ in range(16)]
    for connection in half_sent:
        connection.sendall(b"POST /search/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 99\r\n")
    try:
        started = time.monotonic()
        status, headers, _ = get(proxy.url, post.get_absolute_url() + "?uncached=1")
        elapsed = time.monotonic() - started
    finally:
        for connection in silent + half_sent:
            connection.close()

    assert status == 200
    assert headers["X-Cache"] == "MISS"  # it went to the app, past the stalled clients
    assert elapsed < 1.0


def test_a_large_body_is_refused_by_the_proxy_before_it_is_sent(stack):
    _, proxy = stack
    post = PostFactory()
    with socket.create_connection(("127.0.0.1", proxy.port), timeout=5) as connection:
        started = time.monotonic()
        connection.sendall(
            f"POST /posts/{post.pk}/comments/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Content-Type: multipart/form-data; boundary=x\r\n"
            f"Content-Length: {50 * 1024 * 1024}\r\n\r\n".encode()
        )
        answer = connection.recv(4096).decode()

    assert answer.startswith("HTTP/1.1 413")
    assert time.monotonic() - started < 1.0


def test_kept_pages_are_served_stale_while_the_app_is_down(stack):
    app, proxy = stack
    post = PostFactory(title="Still readable")
    assert x_cache(proxy.url, post.get_absolute_url()) == "MISS"
    time.sleep(2.5)  # past its s-maxage: stale now

    app.stop()
    time.sleep(3)  # the proxy's health probe (every second) marks the app down

    status, headers, page = get(proxy.url, post.get_absolute_url())
    assert (status, headers["X-Cache"]) == (200, "HIT")
    assert "Still readable" in page
    status, headers, page = get(proxy.url, "/authors/")  # never kept
    assert status == 503
    assert headers["Retry-After"] == "10"
    assert "right back" in page
