"""The Site record, which account mail names, follows SITE_URL and the publication's name."""

import pytest
from django.contrib.sites.models import Site
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_migrate_gives_the_site_the_public_host_and_the_publications_name(settings):
    settings.SITE_URL = "https://news.example.com"
    settings.PUBLICATION_NAME = "The Daily Desk"

    call_command("migrate", verbosity=0)

    site = Site.objects.get_current()
    assert (site.domain, site.name) == ("news.example.com", "The Daily Desk")


def test_sign_up_mail_names_the_real_host_not_localhost(client, settings, mailoutbox):
    settings.SITE_URL = "https://news.example.com"
    settings.PUBLICATION_NAME = "The Daily Desk"
    call_command("migrate", verbosity=0)

    client.post(
        reverse("account_signup"),
        {"email": "new@example.com", "username": "newreader", "password1": "a-Long-pass-phrase-9",
         "password2": "a-Long-pass-phrase-9"},
    )  # fmt: skip

    (message,) = mailoutbox
    assert "register an account on news.example.com" in message.body
    assert "Hello from The Daily Desk!" in message.body
    assert "localhost" not in message.body
