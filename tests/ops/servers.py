"""Run the site as production does, in its own processes, for tests that need real servers."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "a-production-secret-that-is-long-and-random-enough-0123456789abcdef",
    "ALLOWED_HOSTS": "news.example.com,127.0.0.1",
    "EMAIL_URL": "smtp+tls://user:password@smtp.example.com:587",
    "DEBUG": "false",
    "SECURE_SSL_REDIRECT": "false",
    "LOG_FORMAT": "plain",
}


def environment(**overrides):
    """Return this process's environment without test-runner variables, plus overrides."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    return {**clean, **overrides}


def manage(*args, env, timeout=120):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment(**env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class AppServer:
    """One gunicorn app server, started like scripts/start starts it."""

    def __init__(self, env):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "config/gunicorn.py",
             "--bind", f"127.0.0.1:{self.port}", "--workers", "1", "config.wsgi"],
            cwd=ROOT, env=environment(**env),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("the app server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


class Browser:
    """A reader's HTTP client with cookies, for logging in and posting forms."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    def get(self, path):
        return self._open(urllib.request.Request(self.base_url + path))

    def post(self, path, data, csrf_from=None):
        """Post a form as a browser does: the admin's with its token, the site's without."""
        if csrf_from is not None:
            data = {**data, "csrfmiddlewaretoken": csrf_token(self.get(csrf_from)[1])}
        body = urllib.parse.urlencode(data, doseq=True)
        headers = {"Referer": self.base_url + path, "Origin": self.base_url}
        request = urllib.request.Request(self.base_url + path, data=body.encode(), headers=headers)
        return self._open(request)

    def _open(self, request):
        try:
            with self.opener.open(request, timeout=15) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


def fetch(url):
    return Browser(url).get("")


def csrf_token(html):
    marker = 'name="csrfmiddlewaretoken" value="'
    start = html.index(marker) + len(marker)
    return html[start : html.index('"', start)]
