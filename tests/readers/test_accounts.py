"""Reader accounts: sign up with a confirmed email, log in, lock-out, safe redirects, deletion."""

import re
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


def test_sign_up_confirm_email_and_land_logged_in(client, mailoutbox):
    response = client.post(
        reverse("account_signup"),
        {"email": "new@example.com", "username": "newreader", "password1": "a-Long-pass-phrase-9",
         "password2": "a-Long-pass-phrase-9"},
    )  # fmt: skip
    assert response.status_code == HTTPStatus.FOUND
    assert not get_user_model().objects.get(username="newreader").emailaddress_set.get().verified

    # Not in until the address is confirmed.
    assert client.get(reverse("readers:my")).status_code == HTTPStatus.FOUND

    (message,) = mailoutbox
    assert message.to == ["new@example.com"]
    link = re.search(r"http://\S+/accounts/confirm-email/\S+/", message.body).group(0)
    confirm_path = link.split("testserver", 1)[-1]
    response = client.post(confirm_path)

    assert response.status_code == HTTPStatus.FOUND
    assert client.get(reverse("readers:my")).status_code == HTTPStatus.OK


def test_log_in_with_email_or_username(client):
    UserFactory(username="reader", email="reader@example.com")

    for login in ("reader", "reader@example.com"):
        client.logout()
        response = client.post(reverse("account_login"), {"login": login, "password": PASSWORD})
        assert response["Location"] == reverse("readers:my"), login


def test_repeated_failed_log_ins_lock_the_account_out(client):
    UserFactory(username="reader", email="reader@example.com")
    for _ in range(5):
        client.post(reverse("account_login"), {"login": "reader", "password": "wrong"})

    response = client.post(reverse("account_login"), {"login": "reader", "password": PASSWORD})

    assert "Too many failed login attempts. Try again later." in response.text
    assert "_auth_user_id" not in client.session


def test_the_admin_log_in_is_protected_the_same_way(client, editor):
    for _ in range(5):
        client.post(
            reverse("account_login") + "?next=/admin/", {"login": "editor", "password": "x"}
        )

    response = client.post(
        reverse("account_login") + "?next=/admin/", {"login": "editor", "password": PASSWORD}
    )

    assert "Too many failed login attempts. Try again later." in response.text
    # The newsroom's own log-in page counts the same failures.
    response = client.post(reverse("admin:login"), {"login": "editor", "password": PASSWORD})
    assert "Too many failed login attempts. Try again later." in response.text
    assert "_auth_user_id" not in client.session


def test_an_off_site_next_is_ignored(client):
    UserFactory(username="reader", email="reader@example.com")

    response = client.post(
        reverse("account_login") + "?next=https://evil.example/steal",
        {"login": "reader", "password": PASSWORD, "next": "https://evil.example/steal"},
    )

    assert response.status_code == HTTPStatus.FOUND
    assert "evil.example" not in response["Location"]


def test_password_reset_mail_leads_to_a_new_password(client, mailoutbox):
    UserFactory(username="reader", email="reader@example.com")

    client.post(reverse("account_reset_password"), {"email": "reader@example.com"})

    (message,) = mailoutbox
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", message.body)
    response = client.get(link.group(1), follow=True)
    response = client.post(
        response.redirect_chain[-1][0],
        {"password1": "Another-long-phrase-42", "password2": "Another-long-phrase-42"},
    )
    assert response.status_code == HTTPStatus.FOUND
    user = get_user_model().objects.get(username="reader")
    assert user.check_password("Another-long-phrase-42")


def test_a_reader_deletes_their_account_with_their_password(client):
    reader = UserFactory(username="reader")
    client.force_login(reader)

    wrong = client.post(reverse("readers:delete-account"), {"password": "nope"})
    assert "That is not your password." in wrong.text

    response = client.post(reverse("readers:delete-account"), {"password": PASSWORD})

    assert response.status_code == HTTPStatus.FOUND
    assert not get_user_model().objects.filter(username="reader").exists()


@pytest.mark.parametrize(
    ("failing_as", "then_as"),
    [("reader", "reader@example.com"), ("reader@example.com", "reader"),
     ("READER@example.com", "reader")],
)  # fmt: skip
def test_failures_by_username_and_by_email_count_against_one_account(client, failing_as, then_as):
    UserFactory(username="reader", email="reader@example.com")
    for _ in range(5):
        client.post(reverse("account_login"), {"login": failing_as, "password": "wrong"})

    response = client.post(reverse("account_login"), {"login": then_as, "password": PASSWORD})

    assert "Too many failed login attempts. Try again later." in response.text
    assert "_auth_user_id" not in client.session


def test_a_lock_out_leaves_other_accounts_alone(client):
    UserFactory(username="reader", email="reader@example.com")
    UserFactory(username="other", email="other@example.com")
    for _ in range(5):
        client.post(reverse("account_login"), {"login": "reader", "password": "wrong"})

    response = client.post(reverse("account_login"), {"login": "other", "password": PASSWORD})

    assert response["Location"] == reverse("readers:my")


def test_bad_log_ins_from_one_client_behind_the_proxy_leave_other_readers_alone(client, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    UserFactory(username="reader", email="reader@example.com")
    attacker = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    reader = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.20"}
    login = reverse("account_login")
    for number in range(30):
        client.post(login, {"login": f"guess{number}", "password": "wrong"}, **attacker)

    refused = client.post(login, {"login": "reader", "password": PASSWORD}, **attacker)
    welcomed = client.post(login, {"login": "reader", "password": PASSWORD}, **reader)

    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert welcomed.status_code == HTTPStatus.FOUND
    assert welcomed["Location"] == reverse("readers:my")
