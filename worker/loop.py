"""django-tasks-db's worker, made to outlive outages and to take up what a dead worker left.

- While PostgreSQL (or Redis, or the mail server) is out of reach, it waits with growing
  pauses, says so once in the log, and carries on by itself when it answers again.
- It beats: a row per worker, renewed every WORKER_BEAT_SECONDS, that /healthz reports.
- Leases: a task RUNNING for longer than WORKER_LEASE_SECONDS, or left RUNNING by this very
  worker (an outage in the middle of it), is put back to READY and run again; after
  WORKER_MAX_ATTEMPTS runs it is marked FAILED. django-tasks-db 0.13 has no lease of its own.
  Tasks therefore run at least once; the mail they send goes once (worker.mail.send_once).
- Hourly, it runs the management commands named in WORKER_HOURLY_COMMANDS (the columnists'
  slot reminders, the sweep of uploads no post took), so no cron is needed; each is safe to
  run from several workers at once. The worker names them, never imports their apps.
"""

import datetime
import io
import logging
import os
import random
import socket
import time

import redis
from django.conf import settings
from django.core.management import call_command
from django.db import InterfaceError, OperationalError, close_old_connections, connections
from django.tasks.base import TaskContext
from django.tasks.signals import task_finished, task_started
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from worker.models import Heartbeat, SentMail

logger = logging.getLogger(__name__)

# The database or the shared cache out of reach: the worker waits for them.
OUTAGES = (OperationalError, InterfaceError, redis.ConnectionError, redis.TimeoutError)
# What a task meets when something it talks to is away (the mail server included: smtplib's
# errors are OSErrors): the task is run again later rather than failed.
TRANSIENT = (*OUTAGES, OSError)
# Records of mail sent are needed only while their task may run again (minutes): kept a while.
SENT_MAIL_KEPT = datetime.timedelta(days=30)
# Old heartbeats and records of mail are swept this often, not at every beat.
SWEEP_SECONDS = 3600


class LeaseExpired(Exception):
    """A task whose workers kept dying or losing it, given up after WORKER_MAX_ATTEMPTS."""


def backoff(attempt):
    """Return the pause before attempt number attempt (from 1): 0.5 s doubling, capped."""
    return min(settings.WORKER_BACKOFF_MAX_SECONDS, 0.5 * 2 ** (attempt - 1))


class Worker(db_worker.Worker):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.lease = datetime.timedelta(seconds=settings.WORKER_LEASE_SECONDS)
        self.outage_since = None
        self.failed_checks = 0
        self.next_beat = 0.0
        self.next_sweep = 0.0

    def run(self):
        logger.info("Worker %s started (pid %s)", self.worker_id, os.getpid())
        if self.startup_delay and self.interval:
            time.sleep(random.random())  # noqa: S311 - spreads workers started together
        while self.running:
            close_old_connections()
            try:
                if time.monotonic() >= self.next_beat:
                    self.beat()
                    self.reclaim()
                task_result, looked = self.claim_next()
                if self.outage_since is not None:
                    self.recovered()
                if task_result is not None:
                    self.run_task(task_result)
            except OUTAGES as exc:
                self.wait_out(exc)
                continue
            if self.batch and looked and task_result is None:
                return
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                return
            close_old_connections()
            if self.running and task_result is None:
                time.sleep(self.interval)

    def beat(self):
        """Say this worker is alive, where /healthz can see it."""
        now = timezone.now()
        Heartbeat.objects.update_or_create(
            worker_id=self.worker_id,
            defaults={"beat_at": now, "hostname": socket.gethostname(), "pid": os.getpid()},
        )
        self.next_beat = time.monotonic() + settings.WORKER_BEAT_SECONDS
        if time.monotonic() >= self.next_sweep:
            Heartbeat.objects.filter(beat_at__lt=now - datetime.timedelta(days=1)).delete()
            SentMail.objects.filter(sent_at__lt=now - SENT_MAIL_KEPT).delete()
            self.next_sweep = time.monotonic() + SWEEP_SECONDS
            self.run_hourly_commands()

    def run_hourly_commands(self):
        """Run each hourly command; one that fails is logged and the others still run."""
        for name in settings.WORKER_HOURLY_COMMANDS:
            try:
                said = io.StringIO()
                call_command(name, stdout=said)
                logger.info("%s: %s", name, said.getvalue().strip())
            except OUTAGES:
                raise
            except Exception:
                logger.exception("Hourly command %s failed", name)

    def reclaim(self):
        """Put back to READY the tasks whose worker died or lost them; fail the hopeless."""
        now = timezone.now()
        running = DBTaskResult.objects.running().filter(backend_name=self.backend_name)
        for task in running.only("id", "started_at", "worker_ids"):
            # This worker runs one task at a time and runs none now: any it holds is orphaned.
            orphaned = task.worker_ids[-1:] == [self.worker_id]
            if not orphaned and task.started_at >= now - self.lease:
                continue
            same_run = DBTaskResult.objects.filter(
                pk=task.pk, status=TaskResultStatus.RUNNING, started_at=task.started_at
            )
            attempts = len(task.worker_ids)
            if attempts >= settings.WORKER_MAX_ATTEMPTS:
                same_run.update(
                    status=TaskResultStatus.FAILED,
                    finished_at=now,
                    exception_class_path=f"{__name__}.LeaseExpired",
                    traceback=f"LeaseExpired: the task was left unfinished {attempts} times",
                )
                logger.error("Task %s given up after %s attempts", task.pk, attempts)
            elif same_run.update(status=TaskResultStatus.READY, run_after=now):
                logger.warning("Task %s taken up again (attempt %s)", task.pk, attempts + 1)

    def claim_next(self):
        """Claim the next ready task, as django-tasks-db's worker does; return it (or None)
        and whether the queue could be read at all (SQLite may be locked)."""
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        with exclusive_transaction(tasks.db):
            try:
                task_result = tasks.get_locked()
            except OperationalError as exc:
                if is_locked_database_exception(exc):
                    return None, False
                raise
            if task_result is not None:
                task_result.claim(self.worker_id)
        return task_result, True

    def run_task(self, db_task_result):
        """Run a claimed task: successful, failed, or (something it needs being away) ready
        to run again after a pause."""
        self.running_task = True
        try:
            try:
                task = db_task_result.task
                result = db_task_result.task_result
            except Exception as exc:  # noqa: BLE001 - its code gone, or not a task at all
                logger.exception("Task %s cannot be run", db_task_result.pk)
                db_task_result.set_failed(exc)
                return
            sender = type(task.get_backend())
            task_started.send(sender=sender, task_result=result)
            args = result.args
            if task.takes_context:
                args = [TaskContext(task_result=result), *args]
            try:
                value = task.call(*args, **result.kwargs)
            except TRANSIENT as exc:
                self.retry_later(db_task_result, exc)
                return
            except Exception as exc:  # noqa: BLE001 - recorded on the task, as db_worker does
                db_task_result.set_failed(exc)
            else:
                db_task_result.set_successful(value)
            task_finished.send(sender=sender, task_result=db_task_result.task_result)
        finally:
            self.running_task = False
            self._run_tasks += 1

    def retry_later(self, db_task_result, exc):
        attempts = len(db_task_result.worker_ids)
        if attempts >= settings.WORKER_MAX_ATTEMPTS:
            db_task_result.set_failed(exc)
            logger.error("Task %s failed %s times: %r", db_task_result.pk, attempts, exc)
            return
        pause = datetime.timedelta(seconds=backoff(attempts))
        # With the database away this raises too: the task stays RUNNING under this worker,
        # which puts it back when the database returns (reclaim).
        DBTaskResult.objects.filter(pk=db_task_result.pk, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.READY, run_after=timezone.now() + pause
        )
        logger.warning("Task %s will be run again: %r", db_task_result.pk, exc)

    def wait_out(self, exc):
        """Pause while what the worker needs is away, longer each time; log it once."""
        if self.outage_since is None:
            self.outage_since = time.monotonic()
            logger.warning("Waiting for the database (or the cache) to answer: %s", exc)
        self.failed_checks += 1
        for connection in connections.all(initialized_only=True):
            try:
                connection.close()
            except Exception:  # noqa: BLE001, S110 - a broken connection may refuse to close
                pass
        self.next_beat = 0.0  # beat and reclaim as soon as it answers
        time.sleep(backoff(self.failed_checks))

    def recovered(self):
        logger.warning(
            "The database (and the cache) answer again, after %.1f s",
            time.monotonic() - self.outage_since,
        )
        self.outage_since = None
        self.failed_checks = 0
