"""Configuration a deployer meets: required secrets, Django's deployment checks, outages."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "a-production-secret-that-is-long-and-random-enough-0123456789abcdef",
    "ALLOWED_HOSTS": "news.example.com,127.0.0.1",
    "EMAIL_URL": "smtp+tls://user:password@smtp.example.com:587",
    "DEBUG": "false",
}
# Accepted in the README: subdomains and the preload list are each deployment's own decision.
ACCEPTED_WARNINGS = {"security.W005", "security.W021"}


def environment(**overrides):
    """Return this process's environment without test-runner variables, plus overrides."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    return {**clean, **overrides}


def manage(*args, env, timeout=60):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment(**env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_without_a_secret_key_production_refuses_to_start_with_a_clear_message():
    result = manage("check", env={"SECRET_KEY": "", "DEBUG": "false"})

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_deployment_checks_raise_nothing_beyond_the_accepted_warnings():
    result = manage("check", "--deploy", "--fail-level", "ERROR", env=PRODUCTION_ENV)
    output = result.stdout + result.stderr

    assert result.returncode == 0, output
    reported = {
        line.split(")")[0].split("(")[1] for line in output.splitlines() if line.startswith("?: (")
    }
    assert reported <= ACCEPTED_WARNINGS, output


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server_without_database(tmp_path):
    """Run the site against a PostgreSQL address where nothing listens: a real outage."""
    port = free_port()
    dead_port = free_port()
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{dead_port}/masthead",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(tmp_path),
    }
    collected = manage("collectstatic", "--noinput", env=env)
    assert collected.returncode == 0, collected.stderr
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "1",
         "config.wsgi"],
        cwd=ROOT, env=environment(**env), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=15) as response:  # noqa: S310
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_database_outage_gets_a_polite_503_not_a_trace(server_without_database):
    status, body = fetch(server_without_database + "/")

    assert status == 503
    assert "right back" in body
    assert "Traceback" not in body and "OperationalError" not in body


def test_health_check_reports_the_database_down(server_without_database):
    status, body = fetch(server_without_database + "/healthz")

    assert status == 503
    assert '"database": "error: OperationalError"' in body
