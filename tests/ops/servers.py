"""Run the site as production does, in its own processes, for tests that need real servers."""

import os
import shutil
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


POSTGRES_BIN = next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin"))), None)


class PrivatePostgres:
    """A PostgreSQL server of a test's own (initdb, pg_ctl on a free port), which the test may
    stop and start again."""

    def __init__(self, directory):
        self.port = free_port()
        self.data = directory / "data"
        self.socket_dir = directory / "socket"
        for path in (self.data, self.socket_dir):
            path.mkdir(parents=True)
        for path in (directory, self.data, self.socket_dir):
            shutil.chown(path, "postgres")
        self.run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8")
        self.start()

    def run(self, program, *args):
        command = ["runuser", "-u", "postgres", "--", str(POSTGRES_BIN / program), *args]
        # No pipes: the server started by pg_ctl would hold them open.
        subprocess.run(
            command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60
        )

    def start(self):
        options = f"-p {self.port} -k {self.socket_dir} -c listen_addresses=127.0.0.1"
        log = str(self.socket_dir.parent / "server.log")
        self.run("pg_ctl", "-D", str(self.data), "-o", options, "-l", log, "-w", "start")

    def stop(self):
        self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"
