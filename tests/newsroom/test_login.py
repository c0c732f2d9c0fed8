"""The newsroom's log-in at /admin/login/: staff only, no sign-up, the readers' lock-out."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


def test_staff_reaching_the_admin_get_the_newsroom_log_in(client):
    response = client.get("/admin/", follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("admin:login") + "?next=/admin/")
    assert response.status_code == HTTPStatus.OK
    assert "Newsroom log-in" in response.text
    assert 'name="login"' in response.text and 'name="password"' in response.text
    assert reverse("account_signup") not in response.text
    assert "Sign up" not in response.text


def test_an_editor_logs_in_and_lands_where_they_were_going(client, editor):
    response = client.post(
        reverse("admin:login"),
        {"login": "editor", "password": PASSWORD, "next": "/admin/blog/post/"},
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/admin/blog/post/"
    assert client.get("/admin/blog/post/").status_code == HTTPStatus.OK


def test_without_a_next_address_the_newsroom_log_in_leads_to_the_admin(client, editor):
    response = client.post(
        reverse("admin:login"), {"login": "editor@example.com", "password": PASSWORD}
    )

    assert response["Location"] == reverse("admin:index")


def test_a_reader_logging_in_there_is_told_it_is_the_newsrooms_and_stays_out(client):
    UserFactory(username="reader")

    response = client.post(reverse("admin:login"), {"login": "reader", "password": PASSWORD})

    assert response.status_code == HTTPStatus.OK
    assert "this account is a reader" in response.text
    assert f'href="{reverse("account_login")}"' in response.text
    assert "_auth_user_id" not in client.session


def test_a_logged_in_reader_sent_to_the_newsroom_is_told_why_not_looped(client):
    client.force_login(UserFactory(username="reader"))

    response = client.get("/admin/", follow=True)

    assert response.status_code == HTTPStatus.OK
    assert "a reader's account, which does not open the newsroom" in response.text


def test_a_logged_in_editor_on_the_log_in_page_goes_on_to_the_admin(client, editor):
    client.force_login(editor)

    assert client.get(reverse("admin:login"))["Location"] == reverse("admin:index")
    off_site = client.get(reverse("admin:login") + "?next=https://evil.example/")
    assert off_site["Location"] == reverse("admin:index")


def test_repeated_failures_lock_a_newsroom_account_out(client, editor):
    for _ in range(5):
        client.post(reverse("admin:login"), {"login": "editor", "password": "wrong"})

    # By email this time: the count is the account's, whichever identifier is typed.
    response = client.post(
        reverse("admin:login"), {"login": "editor@example.com", "password": PASSWORD}
    )

    assert "Too many failed login attempts. Try again later." in response.text
    assert "_auth_user_id" not in client.session


def test_wrong_password_says_so_and_keeps_the_username(client, editor):
    response = client.post(reverse("admin:login"), {"login": "editor", "password": "wrong"})

    assert "The username and/or password you specified are not correct." in response.text
    assert 'value="editor"' in response.text
