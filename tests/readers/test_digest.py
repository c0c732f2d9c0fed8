"""The optional weekly digest of followed columnists, and its one-click unsubscribe."""

import re
from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse

from readers import services
from readers.models import DigestSubscription, Follow
from tests.factories import AuthorFactory, PostFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def run_digests():
    call_command("send_weekly_digests", verbosity=0)
    call_command("worker", "--batch", "--no-startup-delay", verbosity=0)


@pytest.fixture
def follower():
    reader = UserFactory(username="reader", email="reader@example.com")
    author = AuthorFactory(display_name="Followed Writer")
    Follow.objects.create(user=reader, author=author)
    services.digest_subscribe(user=reader)
    PostFactory(author=author, title="New this week")
    PostFactory(coauthors=[author], title="Written with a colleague")
    PostFactory(title="By someone not followed")
    return reader


def test_a_follower_gets_the_weeks_posts_of_their_columnists_once(follower, mailoutbox):
    run_digests()

    (message,) = mailoutbox
    assert message.to == ["reader@example.com"]
    assert "New this week" in message.body
    assert "Written with a colleague" in message.body
    assert "By someone not followed" not in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    run_digests()
    assert len(mailoutbox) == 1  # nothing new since the last digest


def test_one_click_unsubscribe_stops_the_digest(follower, mailoutbox):
    run_digests()
    link = re.search(r"http://\S+(/my/digest/unsubscribe/\S+/)", mailoutbox[0].body).group(1)

    client = Client()
    assert client.get(link).status_code == HTTPStatus.OK
    assert DigestSubscription.objects.get(user=follower).is_active
    assert client.post(link).status_code == HTTPStatus.OK

    assert not DigestSubscription.objects.get(user=follower).is_active
    PostFactory(author=follower.follows.get().author, title="Another")
    run_digests()
    assert len(mailoutbox) == 1


def test_a_forged_unsubscribe_link_is_not_found(follower):
    response = Client().get(reverse("readers:digest-unsubscribe", kwargs={"token": "forged"}))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_a_reader_turns_the_digest_off_and_on_from_the_my_page(follower):
    client = Client()
    client.force_login(follower)

    client.post(reverse("readers:digest"), {})
    assert not DigestSubscription.objects.get(user=follower).is_active
    client.post(reverse("readers:digest"), {"weekly_digest": "on"})
    assert DigestSubscription.objects.get(user=follower).is_active


def test_following_a_columnist_sends_no_digest_until_the_reader_asks(mailoutbox):
    reader = UserFactory(username="quiet", email="quiet@example.com")
    author = AuthorFactory(display_name="Followed Writer")
    PostFactory(author=author, title="New this week")
    client = Client()
    client.force_login(reader)

    client.post(reverse("readers:act", kwargs={"action": "follow", "pk": author.pk}))
    run_digests()

    assert reader.follows.exists()
    assert mailoutbox == []
    client.post(reverse("readers:digest"), {"weekly_digest": "on"})
    run_digests()
    assert [message.to for message in mailoutbox] == [["quiet@example.com"]]


def test_upgrading_turns_off_digests_nobody_asked_for():
    executor = MigrationExecutor(connection)
    executor.migrate([("readers", "0001_initial")])
    old_apps = executor.loader.project_state([("readers", "0001_initial")]).apps
    User = old_apps.get_model("auth", "User")
    reader = User.objects.create(username="followed-once", email="once@example.com")
    old_apps.get_model("readers", "DigestSubscription").objects.create(user=reader)

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    subscription = DigestSubscription.objects.get(user_id=reader.pk)
    assert (subscription.is_active, subscription.consented_at) == (False, None)
