"""Several app servers behind one PostgreSQL and one Redis; PostgreSQL going away and back."""

import time

import pytest
from django.db import connection

from tests.factories import CommentFactory, PostFactory, UserFactory
from tests.ops.servers import PRODUCTION_ENV, AppServer, Browser, fetch, manage

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="app servers share PostgreSQL in production"
)


def redis_url():
    import redis

    url = "redis://127.0.0.1:6379/11"
    try:
        redis.Redis.from_url(url).flushdb()
    except redis.ConnectionError:
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    return url


@pytest.fixture
def two_servers(tmp_path):
    """Two app servers on the test database, sharing one Redis, as behind a load balancer."""
    settings = connection.settings_dict
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": (
            f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
        ),
        "CACHE_URL": redis_url(),
        # Plain HTTP between the test and the servers: cookies may not be HTTPS-only.
        "SECURE_COOKIES": "false",
        "STATIC_ROOT": str(tmp_path),
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    assert manage("collectstatic", "--noinput", env=env).returncode == 0
    servers = [AppServer(env), AppServer(env)]
    yield servers
    for server in servers:
        server.stop()


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_what_one_app_server_changes_shows_on_the_other_at_once(two_servers, settings):
    one, other = two_servers
    # The servers check passwords with the production hasher, not the tests' quick one.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    moderator = UserFactory(username="moderator", groups=["Moderators", "Editors"])
    post = PostFactory(title="Shared across servers")
    comment = CommentFactory(post=post, status="pending", body="Seen everywhere soon")
    draft = PostFactory(
        title="Published through one", draft=True, author=post.author, tags=["handover-notes"]
    )
    assert moderator.is_staff

    for _ in range(2):  # the second answer with the sidebar kept in the process
        status, page = fetch(other.url + post.get_absolute_url())
        assert status == 200
        assert "Seen everywhere soon" not in page
        status, home = fetch(other.url + "/")
        assert "Published through one" not in home
        assert "/tag/handover-notes/" not in home  # the sidebar's popular tags

    staff = Browser(one.url)
    status, _ = staff.post(
        "/accounts/login/",
        {"login": "moderator", "password": "correct horse battery staple"},
    )
    assert status == 200
    changelist = "/admin/comments/comment/"
    staff.post(
        changelist,
        {"action": "approve", "_selected_action": [comment.pk]},
        csrf_from=changelist,
    )
    posts = "/admin/blog/post/"
    staff.post(posts, {"action": "publish_now", "_selected_action": [draft.pk]}, csrf_from=posts)

    assert "Seen everywhere soon" in fetch(other.url + post.get_absolute_url())[1]
    home = fetch(other.url + "/")[1]
    assert "Published through one" in home
    assert "/tag/handover-notes/" in home  # the other server's own copy of the sidebar too


@needs_postgresql
def test_the_site_answers_503_while_postgresql_is_down_and_recovers_by_itself(
    private_postgres, tmp_path
):
    env = {**PRODUCTION_ENV, "DATABASE_URL": private_postgres.url, "STATIC_ROOT": str(tmp_path)}
    migrated = manage("migrate", "--noinput", env=env)
    assert migrated.returncode == 0, migrated.stderr
    assert manage("collectstatic", "--noinput", env=env).returncode == 0
    server = AppServer(env)
    try:
        assert fetch(server.url + "/")[0] == 200

        private_postgres.stop()
        # Without the proxy in front (which keeps serving what it has), every page apologises.
        status, body = fetch(server.url + "/authors/")
        assert status == 503
        assert "right back" in body and "Traceback" not in body
        assert fetch(server.url + "/healthz")[0] == 503

        private_postgres.start()
        statuses = []
        for _ in range(10):
            statuses.append(fetch(server.url + "/authors/")[0])
            if statuses[-1] == 200:
                break
            time.sleep(0.5)
        assert statuses[-1] == 200, statuses
        assert fetch(server.url + "/healthz")[0] == 200
    finally:
        server.stop()
