"""Redis is a cache, not a dependency: with it stopped, the site works and loses nothing."""

import pytest

from blog.models import Post
from comments.models import Comment
from tests.edge.processes import AppServer, Redis, needs_postgresql, production_env
from tests.factories import PostFactory, UserFactory
from tests.ops.servers import Browser

pytestmark = [needs_postgresql, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def redis():
    server = Redis()
    yield server
    server.stop()


def test_with_redis_stopped_pages_log_ins_and_edits_work_and_nothing_stale_survives(
    redis, tmp_path, settings
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    UserFactory(username="editor", groups=["Editors"])
    post = PostFactory(title="Before the outage", tags=["itil"])
    draft = PostFactory(title="Published during the outage", draft=True, tags=["outage-notes"])
    app = AppServer(production_env(tmp_path, CACHE_URL=redis.url))
    try:
        reader = Browser(app.url)
        for path in ("/", post.get_absolute_url(), "/authors/"):
            assert reader.get(path)[0] == 200
        assert "/tag/outage-notes/" not in reader.get("/")[1]  # the sidebar, kept

        redis.stop()

        status, health = reader.get("/healthz")  # a proxy in front keeps sending readers
        assert status == 200
        assert '"status": "degraded"' in health and '"cache": "error' in health
        for path in ("/", post.get_absolute_url(), "/authors/", "/search/?q=outage"):
            status, page = reader.get(path)
            assert status == 200, path
            assert "Traceback" not in page
        editor = Browser(app.url)
        status, _ = editor.post(
            "/accounts/login/", {"login": "editor", "password": "correct horse battery staple"}
        )
        assert status == 200
        posts = "/admin/blog/post/"
        status, _ = editor.post(
            posts, {"action": "publish_now", "_selected_action": [draft.pk]}, csrf_from=posts
        )
        assert status == 200
        draft.refresh_from_db()
        assert draft.status == Post.Status.PUBLISHED
        status, _ = reader.post(
            f"/posts/{post.pk}/comments/",
            {"name": "Rebeca", "email": "rebeca@example.com", "body": "Sent during the outage"},
        )
        assert status == 200  # taken to the post, the comment awaiting moderation
        assert Comment.objects.filter(body="Sent during the outage").exists()
        status, page = reader.post(
            f"/posts/{post.pk}/send/",
            {"recipients": "colleague@example.com", "sender_name": "Rebeca", "note": "Look"},
        )
        assert status == 503  # no limit can be counted: nothing is sent, nothing is lost
        assert "try again in a minute" in page and "colleague@example.com" in page

        redis.start()

        assert '"status": "ok"' in reader.get("/healthz")[1]
        home = reader.get("/")[1]
        assert "Published during the outage" in home
        assert "/tag/outage-notes/" in home  # the sidebar rebuilt for the edit
    finally:
        app.stop()
