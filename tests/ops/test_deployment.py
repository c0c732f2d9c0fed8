"""Configuration a deployer meets: required secrets, Django's deployment checks, outages."""

import subprocess
import sys

import pytest

from tests.ops.servers import (
    PRODUCTION_ENV,
    ROOT,
    AppServer,
    environment,
    fetch,
    free_port,
    manage,
)

# Accepted in the README: subdomains and the preload list are each deployment's own decision.
ACCEPTED_WARNINGS = {"security.W005", "security.W021"}


def start_wsgi(**env):
    return subprocess.run(
        [sys.executable, "-c", "import config.wsgi"],
        cwd=ROOT,
        env=environment(**{**PRODUCTION_ENV, **env}),
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_without_a_secret_key_production_refuses_to_start_with_a_clear_message():
    result = start_wsgi(SECRET_KEY="")

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_without_a_mail_server_production_refuses_to_start_rather_than_log_mail():
    result = start_wsgi(EMAIL_URL="")

    assert result.returncode != 0
    assert "EMAIL_URL is not set" in result.stderr


def test_the_worker_refuses_too_without_a_mail_server():
    result = manage("send_weekly_digests", env={**PRODUCTION_ENV, "EMAIL_URL": ""})

    assert result.returncode != 0
    assert "EMAIL_URL is not set" in result.stderr


def test_mail_printed_to_the_console_starts_when_asked_for_by_name():
    result = start_wsgi(EMAIL_URL="consolemail://")

    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("command", ["check", "makemigrations --check --dry-run"])
def test_checks_and_migrations_run_without_the_secret(command):
    result = manage(*command.split(), env={"SECRET_KEY": "", "DEBUG": "false"})

    assert result.returncode == 0, result.stderr


def test_a_command_that_signs_things_still_needs_the_secret():
    result = manage("send_weekly_digests", env={"SECRET_KEY": "", "DEBUG": "false"})

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_deployment_checks_raise_nothing_beyond_the_accepted_warnings():
    env = {**PRODUCTION_ENV, "SECURE_SSL_REDIRECT": "true"}
    result = manage("check", "--deploy", "--fail-level", "ERROR", env=env)
    output = result.stdout + result.stderr

    assert result.returncode == 0, output
    reported = {
        line.split(")")[0].split("(")[1] for line in output.splitlines() if line.startswith("?: (")
    }
    assert reported <= ACCEPTED_WARNINGS, output


@pytest.fixture
def server_without_database(tmp_path):
    """Run the site against a PostgreSQL address where nothing listens: a real outage."""
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{free_port()}/masthead",
        "STATIC_ROOT": str(tmp_path),
    }
    collected = manage("collectstatic", "--noinput", env=env)
    assert collected.returncode == 0, collected.stderr
    server = AppServer(env)
    yield server.url
    server.stop()


def test_database_outage_gets_a_polite_503_not_a_trace(server_without_database):
    status, body = fetch(server_without_database + "/")

    assert status == 503
    assert "right back" in body
    assert "Traceback" not in body and "OperationalError" not in body


def test_health_check_reports_the_database_down(server_without_database):
    status, body = fetch(server_without_database + "/healthz")

    assert status == 503
    assert '"database": "error: OperationalError"' in body


def test_uploads_go_to_object_storage_when_a_bucket_is_configured():
    env = {
        **PRODUCTION_ENV,
        "AWS_STORAGE_BUCKET_NAME": "masthead-media",
        "AWS_S3_ENDPOINT_URL": "https://objects.example.com",
    }
    script = (
        "from django.core.files.storage import storages;"
        "from django.conf import settings;"
        "s = storages['default'];"
        "print(type(s).__name__, s.bucket_name, s.endpoint_url, settings.SERVE_MEDIA)"
    )

    result = manage("shell", "--no-imports", "-c", script, env=env)

    assert result.stdout.split() == [
        "S3Storage", "masthead-media", "https://objects.example.com", "False",
    ]  # fmt: skip


def test_originals_stay_out_of_the_public_bucket():
    env = {
        **PRODUCTION_ENV,
        "AWS_STORAGE_BUCKET_NAME": "masthead-media",
        "AWS_S3_ENDPOINT_URL": "https://objects.example.com",
    }
    script = (
        "from django.core.files.storage import storages;"
        "s = storages['originals'];"
        "print(type(s).__name__, getattr(s, 'bucket_name', '-'), getattr(s, 'default_acl', '-'))"
    )

    on_disk = manage("shell", "--no-imports", "-c", script, env=env)
    private_bucket = manage(
        "shell", "--no-imports", "-c", script,
        env={**env, "AWS_PRIVATE_STORAGE_BUCKET_NAME": "masthead-originals"},
    )  # fmt: skip

    assert on_disk.stdout.split() == ["PrivateStorage", "-", "-"]
    assert private_bucket.stdout.split() == ["S3Storage", "masthead-originals", "private"]


def test_uploads_stay_on_disk_without_a_bucket():
    result = manage(
        "shell", "--no-imports", "-c", "from django.core.files.storage import storages;"
        "print(type(storages['default']).__name__)", env=PRODUCTION_ENV,
    )  # fmt: skip

    assert result.stdout.strip() == "FileSystemStorage"
