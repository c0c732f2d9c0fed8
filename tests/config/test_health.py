"""/healthz reports the database, the cache and the worker; error pages share one layout."""

import datetime
import json
from http import HTTPStatus

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from config.views import server_error
from worker.models import Heartbeat

pytestmark = pytest.mark.django_db


def health(client):
    response = client.get(reverse("healthz"))
    return response.status_code, json.loads(response.content)


def test_health_says_ok_while_a_worker_beats(client):
    Heartbeat.objects.create(worker_id="w1", beat_at=timezone.now() - datetime.timedelta(seconds=3))

    status, body = health(client)

    assert status == HTTPStatus.OK
    assert body["status"] == "ok"
    assert body["database"] == "ok" and body["cache"] == "ok"
    assert body["worker"] == "ok" and body["worker_beat_seconds_ago"] == 3


def test_health_says_the_worker_is_stale_without_taking_the_site_out(client, settings):
    settings.WORKER_LEASE_SECONDS = 60
    Heartbeat.objects.create(worker_id="w1", beat_at=timezone.now() - datetime.timedelta(minutes=5))

    status, body = health(client)

    assert status == HTTPStatus.OK  # readers lose nothing while mail waits
    assert body["worker"] == "stale" and body["worker_beat_seconds_ago"] == 300


def test_health_says_stale_when_no_worker_ever_beat(client):
    assert health(client)[1]["worker"] == "stale"


def test_an_unexpected_error_gets_the_500_page_in_the_error_layout():
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(RequestFactory().get("/"))

    page = response.content.decode()
    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    assert "Something went wrong on our side" in page
    assert 'class="error-page wrap"' in page
