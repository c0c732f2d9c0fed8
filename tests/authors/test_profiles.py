"""Columnists keep their profiles, links included; editors keep the static pages."""

from http import HTTPStatus

import pytest
from django.contrib.flatpages.models import FlatPage
from django.urls import reverse

from tests.authors.test_admin import change_url

pytestmark = pytest.mark.django_db


def profile_form(**changes):
    return {"display_name": "Ada Author", "tagline": "", "introduction": "", "rhythm": "",
            "website": "", "links": "", **changes}  # fmt: skip


def test_an_author_adds_a_website_and_profiles_shown_as_theirs(author_client, author, client):
    links = "https://mastodon.example/@ada\r\n\r\nhttps://www.linkedin.com/in/ada/\r\n"

    response = author_client.post(
        change_url(author), profile_form(website="https://ada.example/", links=links)
    )

    assert response.status_code == HTTPStatus.FOUND
    client.logout()
    page = client.get(author.get_absolute_url()).text
    assert '<a href="https://ada.example/" rel="me">ada.example</a>' in page
    assert '<a href="https://mastodon.example/@ada" rel="me">mastodon.example/@ada</a>' in page
    assert 'href="https://www.linkedin.com/in/ada/" rel="me"' in page


@pytest.mark.parametrize(
    "links", ["not an address", "javascript:alert(1)", "https://ok.example/\nftp://x.example/"]
)
def test_profiles_must_be_web_addresses(author_client, author, links):
    response = author_client.post(change_url(author), profile_form(links=links))

    assert response.status_code == HTTPStatus.OK
    assert "Put one web address a line" in response.text
    author.refresh_from_db()
    assert author.links == ""


def test_a_blog_without_links_shows_no_list(client, author):
    assert "author-links" not in client.get(author.get_absolute_url()).text


def test_an_editor_rewrites_the_terms_and_the_footer_links_them(editor_client, client):
    terms = FlatPage.objects.get(url="/terms/")

    response = editor_client.post(
        reverse("admin:flatpages_flatpage_change", args=[terms.pk]),
        {"url": "/terms/", "title": "Terms and conditions", "content": "<p>New terms.</p>",
         "sites": [1], "template_name": ""},
    )  # fmt: skip

    assert response.status_code == HTTPStatus.FOUND
    assert "New terms." in client.get("/terms/").text
    footer = client.get(reverse("blog:index")).text
    assert '<a href="/terms/">Terms &amp; conditions</a>' in footer
    assert '<a href="/about/">About us</a>' in footer


def test_an_author_cannot_edit_the_static_pages(author_client):
    terms = FlatPage.objects.get(url="/terms/")

    response = author_client.get(reverse("admin:flatpages_flatpage_change", args=[terms.pk]))

    assert response.status_code == HTTPStatus.FORBIDDEN
