"""A NUL character in an address or a form is refused with a 400 that says why, never a 500."""

from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils.http import urlencode

from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def assert_refused(response):
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "NUL character" in response.text


@pytest.mark.parametrize(
    "url",
    [
        "/admin/blog/post/?status__exact=%00",
        "/admin/blog/post/?q=%00",
        "/admin/comments/comment/?status__exact=%00",
        "/admin/blog/post/%00/change/",
    ],
)
def test_an_admin_list_or_form_address_with_a_nul_is_refused(editor_client, url):
    assert_refused(editor_client.get(url))


@pytest.mark.parametrize("url", ["/search/?q=%00", "/search/?author=%00", "/tag/%00/", "/?%00=1"])
def test_a_public_address_with_a_nul_is_refused(client, url):
    assert_refused(client.get(url))


@pytest.mark.parametrize("encoded", [True, False], ids=["urlencoded", "multipart"])
def test_a_form_with_a_nul_is_refused(client, author, encoded):
    post = PostFactory(author=author)
    form = {"name": "Rebeca", "email": "rebeca@example.com", "body": "Hello\x00 there"}
    url = reverse("comments:post", kwargs={"pk": post.pk})

    if encoded:
        response = client.post(url, urlencode(form), "application/x-www-form-urlencoded")
    else:
        response = client.post(url, form)

    assert_refused(response)


def test_addresses_and_forms_without_one_pass(editor_client):
    assert editor_client.get("/admin/blog/post/?status__exact=draft").status_code == HTTPStatus.OK
