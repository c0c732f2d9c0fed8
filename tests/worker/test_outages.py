"""The worker outlives a PostgreSQL outage and its own death, and no mail goes missing or twice.

Real processes: a PostgreSQL cluster of the test's own, a real SMTP server counting what it
accepts, and `manage.py worker` as production runs it.
"""

import collections
import time

import pytest

from tests.edge.processes import Redis
from tests.worker.processes import MailServer, WorkerProcess, enqueue_sends, query, worker_env


@pytest.fixture
def mail_server():
    server = MailServer(recipient_delay=0.3)
    yield server
    server.stop()


@pytest.fixture
def sending(private_postgres, mail_server, tmp_path):
    """Queue sends to colleagues in the test's own PostgreSQL, then start scripts/worker."""
    started = []

    def start(*, tasks, recipients):
        env = worker_env(private_postgres.url, mail_server)
        enqueue_sends(env, tasks=tasks, recipients=recipients)
        started.append(WorkerProcess(env, tmp_path / "worker.log"))
        return started[-1]

    yield start
    for worker in started:
        worker.stop()


def each_mailed_once(mail_server, expected):
    """Wait for as many mails as expected, and a moment for any sent twice; say whether each
    recipient got exactly one."""
    assert mail_server.wait_for(lambda handler: len(handler.accepted) >= len(expected))
    time.sleep(1)
    counts = collections.Counter(recipient for recipient, _ in mail_server.accepted)
    return sorted(counts) == sorted(expected) and set(counts.values()) == {1}


def tasks(database_url):
    return query(database_url, "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult")


def test_a_worker_killed_mid_send_is_restarted_and_only_the_unsent_mail_goes(
    private_postgres, mail_server, sending
):
    supervised = sending(tasks=1, recipients=5)
    # Two colleagues mailed, the third being sent to: the worker dies, kill -9.
    assert mail_server.wait_for(lambda handler: handler.recipients_asked == 3)
    killed = supervised.kill_worker()
    time.sleep(0.2)
    assert len(mail_server.accepted) == 2
    assert [status for status, _ in tasks(private_postgres.url)] == ["RUNNING"]

    killed_at = time.monotonic()
    assert supervised.worker_pid() != killed  # scripts/worker started another
    expected = [f"colleague{n}@task0.example.com" for n in range(5)]
    assert each_mailed_once(mail_server, expected), mail_server.accepted
    # Taken up again once its lease (3 s here) ran out, not an hour later.
    assert time.monotonic() - killed_at < 15
    assert len({message_id for _, message_id in mail_server.accepted}) == 5
    ((status, worker_ids),) = tasks(private_postgres.url)
    assert status == "SUCCESSFUL" and len(worker_ids) == 2


def test_the_worker_waits_out_a_database_outage_and_sends_every_mail_once(
    private_postgres, mail_server, sending
):
    worker = sending(tasks=3, recipients=3)
    # The database stops while the worker is in the middle of a mail.
    assert mail_server.wait_for(lambda handler: handler.recipients_asked == 5)
    private_postgres.stop()
    time.sleep(8)
    assert worker.is_running(), worker.output()
    sent_during_outage = len(mail_server.accepted)
    assert sent_during_outage < 9

    private_postgres.start()
    back_at = time.monotonic()
    assert mail_server.wait_for(lambda handler: len(handler.accepted) > sent_during_outage)
    recovery = time.monotonic() - back_at
    expected = [f"colleague{n}@task{t}.example.com" for t in range(3) for n in range(3)]
    assert each_mailed_once(mail_server, expected), mail_server.accepted
    assert [status for status, _ in tasks(private_postgres.url)] == ["SUCCESSFUL"] * 3
    assert worker.is_running()
    # Said once, not once a retry; and back by itself within the longest pause and a bit.
    log = worker.output()
    assert log.count("Waiting for the database") == 1, log
    assert "answer again" in log
    assert recovery < 5, recovery
    beats = query(
        private_postgres.url,
        "SELECT now() - max(beat_at) < interval '3 seconds' FROM worker_heartbeat",
    )
    assert beats == [(True,)]


def test_with_redis_stopped_the_worker_sends_mail_as_usual(private_postgres, mail_server, tmp_path):
    redis = Redis()
    env = worker_env(private_postgres.url, mail_server, CACHE_URL=redis.url)
    redis.stop()
    enqueue_sends(env, tasks=1, recipients=2)
    worker = WorkerProcess(env, tmp_path / "worker.log")
    try:
        expected = [f"colleague{n}@task0.example.com" for n in range(2)]
        assert each_mailed_once(mail_server, expected), worker.output()
        assert worker.is_running()
    finally:
        worker.stop()
