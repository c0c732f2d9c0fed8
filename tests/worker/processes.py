"""A real mail server that counts what it accepts, and worker processes as production runs them."""

import asyncio
import email
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
from aiosmtpd.controller import Controller

from tests.ops.servers import PRODUCTION_ENV, ROOT, environment, free_port, manage


class CountingHandler:
    """Accept every message, slowly enough at each recipient for a test to strike mid-send."""

    def __init__(self, recipient_delay):
        self.recipient_delay = recipient_delay
        self.recipients_asked = 0
        self.accepted = []  # (recipient, Message-ID), once the server has said 250 to DATA

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        self.recipients_asked += 1
        await asyncio.sleep(self.recipient_delay)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content)
        for recipient in envelope.rcpt_tos:
            self.accepted.append((recipient, message["Message-ID"]))
        return "250 Message accepted for delivery"


class MailServer:
    def __init__(self, recipient_delay=0.3):
        self.handler = CountingHandler(recipient_delay)
        self.port = free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd's line a command
        self.controller.start()

    @property
    def accepted(self):
        return list(self.handler.accepted)

    def wait_for(self, condition, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition(self.handler):
                return True
            time.sleep(0.02)
        return False

    def stop(self):
        self.controller.stop()


def children(parent):
    """Yield the pid and command line of each living process whose parent is parent."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "cmdline").read_text()
        except OSError:
            continue  # gone meanwhile
        if fields[0] != "Z" and int(fields[1]) == parent:
            yield int(stat.parent.name), command


WORKER_ARGS = ["--no-startup-delay", "--interval", "0.2"]


class WorkerProcess:
    """The worker as production runs it: scripts/worker, which starts manage.py worker again
    whenever it stops; its log in a file."""

    def __init__(self, env, log_path):
        self.log_path = log_path
        self.log = log_path.open("a")
        self.process = subprocess.Popen(
            [ROOT / "scripts/worker", *WORKER_ARGS],
            cwd=ROOT, env=environment(PYTHON=sys.executable, **env),
            stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip

    def is_running(self):
        return self.process.poll() is None

    def worker_pid(self, timeout=30):
        """Return the pid of the manage.py worker the script runs now."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for pid, command in children(self.process.pid):
                if "manage.py\0worker" in command:
                    return pid
            time.sleep(0.05)
        raise RuntimeError(f"scripts/worker runs no worker:\n{self.output()}")

    def kill_worker(self):
        """Kill the worker itself (kill -9), as the kernel or an operator might."""
        pid = self.worker_pid()
        os.kill(pid, signal.SIGKILL)
        return pid

    def stop(self):
        if self.is_running():
            self.process.terminate()
            self.process.wait(timeout=10)
        self.log.close()

    def output(self):
        return self.log_path.read_text()


def worker_env(database_url, mail_server, **overrides):
    """Return a production worker's environment, on quick leases and pauses for a test."""
    return {
        **PRODUCTION_ENV,
        "DATABASE_URL": database_url,
        "EMAIL_URL": f"smtp://127.0.0.1:{mail_server.port}",
        "WORKER_LEASE_SECONDS": "3",
        "WORKER_BEAT_SECONDS": "1",
        "WORKER_BACKOFF_MAX_SECONDS": "1",
        **overrides,
    }


ENQUEUE = """
from readers.tasks import send_post_to_colleagues
from tests.factories import PostFactory
post = PostFactory()
for task in range({tasks}):
    send_post_to_colleagues.enqueue(
        post_id=post.pk, sender_name="Ann", note="",
        recipients=[f"colleague{{n}}@task{{task}}.example.com" for n in range({recipients})],
    )
"""


def enqueue_sends(env, *, tasks, recipients):
    """Queue sends to colleagues in the worker's database, as the site does."""
    migrated = manage("migrate", "--noinput", "-v0", env=env)
    assert migrated.returncode == 0, migrated.stderr
    script = ENQUEUE.format(tasks=tasks, recipients=recipients)
    queued = manage("shell", "--no-imports", "-c", script, env=env)
    assert queued.returncode == 0, queued.stderr


def query(database_url, sql):
    with psycopg.connect(database_url) as connection:
        return connection.execute(sql).fetchall()
