"""Start the servers bench/run.py measures, each in a process group of its own."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
STARTUP_SECONDS = 120


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def flush_redis(url):
    import redis

    redis.Redis.from_url(url).flushdb()


class Server:
    """Run a server in its own process group for the length of a with block."""

    def __init__(self, command, env, port, log, ready_path="/healthz"):
        self.command = command
        self.env = {**env, "HOST": HOST, "PORT": str(port)}
        self.url = f"http://{HOST}:{port}{ready_path}"
        self.log = log

    def __enter__(self):
        self.output = open(self.log, "wb")
        self.process = subprocess.Popen(  # noqa: S603 - our own fixed commands
            self.command,
            cwd=ROOT,
            env=self.env,
            stdout=self.output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.fail("exited during start-up")
            try:
                with urllib.request.urlopen(self.url, timeout=2) as response:  # noqa: S310
                    if response.status == 200:
                        return self
            except (OSError, urllib.error.URLError):
                pass
            time.sleep(0.5)
        self.fail(f"did not answer {self.url} within {STARTUP_SECONDS} s")

    def fail(self, reason):
        self.stop()
        tail = self.log.read_text(errors="replace")[-3000:]
        sys.exit(f"The server {reason}:\n{tail}")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.output.close()

    def __exit__(self, *exc_info):
        self.stop()


def check_page(url, headers=None):
    """Fetch url twice, insisting on 200; return the second answer's X-Cache and body."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310
    for _ in range(2):
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                x_cache, body = response.headers.get("X-Cache"), response.read()
        except urllib.error.HTTPError as exc:
            sys.exit(f"{url} answered {exc.code}: the benchmark needs every page to answer 200.")
    return x_cache, body
