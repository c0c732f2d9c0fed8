import shutil
import subprocess
import tempfile
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.conf import settings as django_settings
from django.core.cache import caches

from tests.edge.recorder import Recorder
from tests.factories import AuthorFactory, UserFactory
from tests.ops.servers import POSTGRES_BIN, PrivatePostgres


def pytest_configure(config):
    # Before any middleware is built (the live server's included): the tests speak plain HTTP.
    django_settings.SECURE_SSL_REDIRECT = False


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite, keep the test database in a file rather than in memory.

    An in-memory database is one connection, which Django's live server shares between its
    request threads and the test's own: with the post form's autosave, presence and preview
    requests running beside a test's queries, SQLite answered "bad parameter or other API
    misuse" now and then. With a file, each thread has its own connection, as in production.
    """
    database = django_settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        database.setdefault("TEST", {})["NAME"] = str(
            tmp_path_factory.mktemp("database") / "test.sqlite3"
        )


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    """Start each test with empty caches, uploads in a temporary folder, no static manifest."""
    for name in ("default", "fragments"):
        caches[name].clear()
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


BASE_DATA_MIGRATIONS = [
    ("blog.migrations.0002_newsroom_roles", "create_roles"),
    ("blog.migrations.0003_static_pages", "create_pages"),
    ("blog.migrations.0017_series_permissions", "grant"),
    ("comments.migrations.0002_moderation_roles", "grant"),
    ("blog.migrations.0019_contributors_role", "create_contributors"),
]


@pytest.fixture(autouse=True)
def _base_data(request):
    """Give transactional tests the groups and pages that migrations create.

    Between transactional tests the database is emptied, data migrations' rows included.
    """
    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("transaction")):
        return
    request.getfixturevalue("transactional_db")
    for module, function in BASE_DATA_MIGRATIONS:
        getattr(import_module(module), function)(django_apps, None)


@pytest.fixture
def author():
    return AuthorFactory(display_name="Ada Author", slug="ada-author")


@pytest.fixture
def other_author():
    return AuthorFactory(display_name="Olu Other", slug="olu-other")


@pytest.fixture
def editor():
    return UserFactory(username="editor", groups=["Editors"])


@pytest.fixture
def moderator():
    return UserFactory(username="moderator", groups=["Moderators"])


@pytest.fixture
def author_client(client, author):
    client.force_login(author.user)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def private_postgres():
    """Give the test a PostgreSQL server of its own, to stop and start at will."""
    if POSTGRES_BIN is None or shutil.which("runuser") is None:
        pytest.skip("PostgreSQL's server programs are not installed here")
    # Outside pytest's private temporary folder, which the postgres user may not enter.
    directory = Path(tempfile.mkdtemp(prefix="masthead-pg-"))
    server = PrivatePostgres(directory)
    yield server
    try:
        server.stop()
    except subprocess.CalledProcessError:
        pass
    shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture
def varnish(settings):
    """A stand-in for a Varnish server, noting the purges it is sent."""
    recorder = Recorder()
    settings.EDGE_CACHE_BACKENDS = {
        "varnish": {
            "BACKEND": "edge.purge.VarnishBackend",
            "OPTIONS": {"locations": [recorder.url]},
        }
    }
    yield recorder
    recorder.close()
