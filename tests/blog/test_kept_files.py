"""A chosen picture survives an error elsewhere in its form; errors say what to do."""

import datetime
import re
from http import HTTPStatus

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from blog.models import Post
from tests.blog.uploads import SVG, picture, post_form
from uploads.kept import SALT, kept_field_name, sweep_kept

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:blog_post_add")
TOKEN = re.compile(r'name="featured_image__kept" value="([^"]+)"')


def test_a_chosen_featured_image_is_kept_across_an_error_and_saved_with_the_form(
    author_client,
):
    first = author_client.post(
        ADD_URL,
        post_form(
            title="", featured_image=picture("harbour.jpg", 900, 600), featured_image_alt="Boats"
        ),
    )

    assert first.status_code == HTTPStatus.OK
    assert first.context["adminform"].form.errors["title"] == [
        "Give the post a title: readers see it first."
    ]
    assert "Kept: harbour.jpg." in first.text
    token = TOKEN.search(first.text)[1]

    second = author_client.post(
        ADD_URL,
        post_form(featured_image_alt="Boats", **{kept_field_name("featured_image"): token}),
    )

    assert second.status_code == HTTPStatus.FOUND
    post = Post.objects.get()
    assert post.featured_image.name.endswith("harbour.jpg")
    assert (post.featured_image_width, post.featured_image_height) == (900, 600)
    assert post.featured_picture is not None


def test_a_refused_picture_is_not_kept_but_says_why(author_client):
    response = author_client.post(
        ADD_URL,
        post_form(title="", featured_image=SimpleUploadedFile("logo.jpg", SVG)),
    )

    assert "Kept:" not in response.text
    errors = response.context["adminform"].form.errors
    assert errors["featured_image"][0].startswith("This file is not a JPEG")


def test_a_new_choice_replaces_the_kept_picture(author_client):
    first = author_client.post(ADD_URL, post_form(title="", featured_image=picture("a.jpg")))
    token = TOKEN.search(first.text)[1]

    author_client.post(
        ADD_URL,
        post_form(
            featured_image=picture("b.png", kind="PNG"),
            featured_image_alt="B",
            **{kept_field_name("featured_image"): token},
        ),
    )

    assert Post.objects.get().featured_image.name.endswith("b.png")


@pytest.mark.parametrize(
    "token",
    [
        "forged",
        signing.dumps("posts/2025/01/someone-elses.jpg", salt=SALT),
        signing.dumps("kept/gone/none.jpg", salt=SALT),
    ],
)
def test_a_forged_or_stale_token_keeps_nothing(author_client, token):
    response = author_client.post(
        ADD_URL,
        post_form(featured_image_alt="X", **{kept_field_name("featured_image"): token}),
    )

    assert response.status_code == HTTPStatus.FOUND
    assert not Post.objects.get().featured_image


def test_a_chosen_portrait_is_kept_across_an_error(author_client, author):
    url = reverse("admin:authors_author_change", args=[author.pk])
    first = author_client.post(url, {"display_name": "", "portrait": picture("me.jpg", 500, 500)})
    token = re.search(r'name="portrait__kept" value="([^"]+)"', first.text)[1]

    author_client.post(url, {"display_name": "Ada Author", "portrait__kept": token})

    author.refresh_from_db()
    assert author.portrait.name.endswith("me.jpg")


def test_kept_copies_are_swept_after_a_day(author_client):
    author_client.post(ADD_URL, post_form(title="", featured_image=picture("a.jpg")))

    assert sweep_kept() == 0
    assert sweep_kept(now=timezone.now() + datetime.timedelta(hours=25)) == 1
