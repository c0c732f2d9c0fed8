"""PostgreSQL stopped under a real app server: quick polite answers, and no reader's text lost."""

import html
import time
import urllib.error
import urllib.request

import pytest

from tests.edge.processes import Varnish
from tests.ops.servers import PRODUCTION_ENV, AppServer, Browser, manage

POST = """
from tests.factories import PostFactory
post = PostFactory(title="Before the outage")
print(post.pk, post.get_absolute_url())
"""
COMMENT = {
    "name": "Rebeca",
    "email": "rebeca@example.com",
    "location": "México",
    "body": "A long thought, typed with care during the outage.",
    "parent": "",
    "website": "",
}
SEND = {
    "recipients": "colleague@example.com",
    "sender_name": "Rebeca",
    "note": "Worth a read, typed during the outage.",
}


@pytest.fixture
def site(private_postgres, tmp_path):
    """An app server on a PostgreSQL of the test's own, with one published post."""
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": private_postgres.url,
        "STATIC_ROOT": str(tmp_path),
        "SECURE_COOKIES": "false",  # plain HTTP between the test and the server
    }
    for command in (("migrate", "--noinput", "-v0"), ("collectstatic", "--noinput", "-v0")):
        result = manage(*command, env=env)
        assert result.returncode == 0, result.stderr
    created = manage("shell", "--no-imports", "-c", POST, env=env)
    assert created.returncode == 0, created.stderr
    server = AppServer(env)
    pk, address = created.stdout.split()[-2:]
    yield server, int(pk), address
    server.stop()


def answer(url):
    """Return a GET's status, headers, body and how long it took."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=15) as response:  # noqa: S310 - the test's own server
            status, headers, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, error.headers, error.read()
    return status, headers, body.decode(), time.monotonic() - started


def test_with_the_database_stopped_health_and_pages_answer_503_within_a_second(
    site, private_postgres
):
    server, post, _ = site
    assert answer(server.url + "/healthz")[0] == 200

    private_postgres.stop()

    for path in ("/healthz", "/authors/", f"/posts/{post}/send/"):
        status, headers, body, seconds = answer(server.url + path)
        assert status == 503, path
        assert headers["Retry-After"] == "10"
        assert seconds < 1, (path, seconds)
        assert "Traceback" not in body
    body = answer(server.url + "/authors/")[2]
    assert "briefly unavailable" in body and "maintenance" not in body


def test_a_comment_or_a_send_posted_while_the_database_is_away_comes_back_typed(
    site, private_postgres
):
    server, post, _ = site
    reader = Browser(server.url)
    private_postgres.stop()

    for path, form in ((f"/posts/{post}/comments/", COMMENT), (f"/posts/{post}/send/", SEND)):
        status, page = reader.post(path, form)
        assert status == 503
        page = html.unescape(page)
        assert all(value in page for value in form.values()), page
        assert "try again in a moment" in page
        assert f'action="{path}"' in page  # sent again to the same place

    private_postgres.start()
    for _ in range(20):  # sent again, as the reader would, once the database is back
        status, page = reader.post(f"/posts/{post}/comments/", COMMENT)
        if status != 503:
            break
        time.sleep(0.5)
    assert status == 200
    assert "awaits moderation" in page


def test_through_the_proxy_kept_pages_stay_quick_and_a_comment_comes_back_typed(
    site, private_postgres
):
    server, post, address = site
    proxy = Varnish(server.port)
    try:
        answer(proxy.url + address)
        assert answer(proxy.url + address)[1]["X-Cache"] == "HIT"

        private_postgres.stop()
        # Before the probe marks the app server sick, and after: never held behind it.
        slowest = 0
        for _ in range(40):
            status, headers, _, seconds = answer(proxy.url + address)
            assert status == 200 and headers["X-Cache"] == "HIT"
            slowest = max(slowest, seconds)
            time.sleep(0.1)
        assert slowest < 0.2, slowest

        status, page = Browser(proxy.url).post(f"/posts/{post}/comments/", COMMENT)
        assert status == 503
        assert COMMENT["body"] in html.unescape(page)
        assert "try again in a moment" in page
    finally:
        proxy.stop()
