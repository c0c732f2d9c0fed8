"""Real Varnish and Redis servers of a test's own, started and stopped by the test."""

import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from django.db import connection

from tests.ops.servers import PRODUCTION_ENV, ROOT, AppServer, free_port, manage

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="app servers share the test's PostgreSQL database"
)


def wait_for_port(port, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port}")


class Varnish:
    """Varnish with the deployment's own VCL (deploy/varnish), in front of one app server."""

    def __init__(self, backend_port, port=None):
        varnishd = shutil.which("varnishd")
        if varnishd is None:
            pytest.skip("Varnish is not installed (apt-get install varnish varnish-modules)")
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.directory = Path(tempfile.mkdtemp(prefix="masthead-varnish-"))
        self.directory.chmod(0o755)
        shutil.copy(ROOT / "deploy/varnish/default.vcl", self.directory)
        backends = subprocess.run(
            [ROOT / "deploy/varnish/backends"],
            env={"BACKENDS": f"127.0.0.1:{backend_port}"},
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        (self.directory / "backends.vcl").write_text(backends.stdout)
        self.process = subprocess.Popen(
            [varnishd, "-F", "-a", f"127.0.0.1:{self.port}", "-n", str(self.directory / "n"),
             "-f", str(self.directory / "default.vcl"), "-p", f"vcl_path={self.directory}",
             "-s", "malloc,64m"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for_port(self.port)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)
        shutil.rmtree(self.directory, ignore_errors=True)


class Redis:
    """A redis-server of the test's own, which it may stop and start again on the same port."""

    def __init__(self):
        self.program = shutil.which("redis-server")
        if self.program is None:
            pytest.skip("redis-server is not installed")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None
        self.start()

    def start(self):
        self.process = subprocess.Popen(
            [self.program, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for_port(self.port)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def production_env(tmp_path, **overrides):
    """Return the environment of an app server on the test's database, as production runs."""
    settings = connection.settings_dict
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": (
            f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
        ),
        "SECURE_COOKIES": "false",  # plain HTTP between the test and the servers
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        **overrides,
    }
    collected = manage("collectstatic", "--noinput", env=env)
    assert collected.returncode == 0, collected.stderr
    return env


__all__ = ["AppServer", "Redis", "Varnish", "needs_postgresql", "production_env"]
