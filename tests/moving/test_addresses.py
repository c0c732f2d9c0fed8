"""A WordPress site's old addresses answer 301 to where the imported content now lives."""

import datetime
from http import HTTPStatus

import pytest
import time_machine

from blog.models import Post
from tests.moving import wxr
from tests.moving.test_import import run_import

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 12, 6, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def imported(tmp_path):
    with time_machine.travel(NOW, tick=False):
        run_import(
            tmp_path,
            wxr.export(
                wxr.author("ada", display_name="Ada Lovelace"),
                wxr.category("desk-life", "Desk life"),
                wxr.tag("itil", "ITIL"),
                wxr.item(123, "Hello desk", link=f"{wxr.SITE}/2019/03/hello-desk/",
                         categories=[("desk-life", "Desk life")]),
                wxr.item(124, "Not yet", status="draft"),
                wxr.item(45, "About", post_type="page", link=f"{wxr.SITE}/about-us/"),
            ),
        )  # fmt: skip
    return Post.objects.get(slug="hello-desk")


def moved(client, address):
    response = client.get(address)
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY, address
    return response["Location"]


def test_the_post_permalink_and_its_p_address_lead_to_the_post(client, imported):
    assert moved(client, "/2019/03/hello-desk/") == imported.get_absolute_url()
    assert moved(client, "/?p=123") == imported.get_absolute_url()
    assert client.get(imported.get_absolute_url()).status_code == HTTPStatus.OK


def test_the_category_author_tag_and_feed_addresses_lead_to_theirs(client, imported):
    assert moved(client, "/author/ada/") == "/authors/ada/"
    assert moved(client, "/author/ada/feed/") == "/authors/ada/feed/"
    assert moved(client, "/feed/rss2/") == "/feed/"
    assert moved(client, "/comments/feed/") == "/feed/"
    assert moved(client, "/2019/03/hello-desk/feed/") == imported.get_absolute_url()
    # Addresses Masthead shares with WordPress answer at once.
    assert client.get("/category/desk-life/").status_code == HTTPStatus.OK
    assert client.get("/tag/itil/").status_code == HTTPStatus.OK


def test_a_page_id_address_leads_to_the_static_page(client, imported):
    assert moved(client, "/?page_id=45") == "/about-us/"


def test_a_draft_p_address_and_an_unknown_one_show_nothing_new(client, imported):
    assert client.get("/?p=124").status_code == HTTPStatus.OK  # the home page, no redirect
    assert client.get("/?p=999").status_code == HTTPStatus.OK
    assert "Not yet" not in client.get("/?p=124").text
