"""Uploaded pictures' originals stay private: readers get renditions without metadata."""

import io
from http import HTTPStatus

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from PIL import ExifTags, Image

from blog.models import Post, PostImage
from tests.blog.uploads import phone_exif, picture, post_form
from tests.factories import AuthorFactory, PostFactory

pytestmark = pytest.mark.django_db


def media_address(name):
    return f"/media/{name}"


def rendition_names(renditions):
    return [name for source in renditions["sources"] for _, _, name in source["files"]]


def animated_gif_with_comment():
    frames = [Image.new("RGB", (120, 80), colour) for colour in ("red", "blue")]
    buffer = io.BytesIO()
    frames[0].save(
        buffer, "GIF", save_all=True, append_images=frames[1:], duration=[200, 300],
        loop=0, comment=b"Shot at 51.5N 0.12W",
    )  # fmt: skip
    return buffer.getvalue()


def test_a_phone_photo_uploaded_to_a_draft_is_unreachable_and_its_renditions_carry_no_gps(
    author_client,
):
    data = post_form(
        featured_image=picture("IMG_0001.jpg", 2000, 1500, exif=phone_exif()),
        featured_image_alt="The desk",
    )
    response = author_client.post(reverse("admin:blog_post_add"), data)
    assert response.status_code == HTTPStatus.FOUND

    post = Post.objects.get()
    name = post.featured_image.name
    stranger = Client()
    assert stranger.get(media_address(name)).status_code == HTTPStatus.NOT_FOUND
    assert not default_storage.exists(name)
    with storages["originals"].open(name) as kept, Image.open(kept) as original:
        # The author's file is kept whole, for renditions made later.
        assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    for rendition in rendition_names(post.featured_image_renditions):
        served = stranger.get(media_address(rendition))
        assert served.status_code == HTTPStatus.OK
        with Image.open(io.BytesIO(b"".join(served.streaming_content))) as image:
            assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
            assert not image.getexif()
            assert "exif" not in image.info and "xmp" not in image.info


def test_the_admin_form_links_to_a_rendition_never_to_the_original(author_client, author):
    post = PostFactory(author=author, featured_image=picture(), featured_image_alt="A chart")
    PostImage.objects.create(post=post, image=picture("desk.jpg"), alt="A desk")

    page = author_client.get(reverse("admin:blog_post_change", args=[post.pk])).text

    assert f'href="{post.featured_picture.largest_url}"' in page
    assert "/media/posts/" not in page


def test_an_animated_gif_keeps_its_frames_and_loses_its_comment(author):
    post = PostFactory(
        author=author,
        featured_image=ContentFile(animated_gif_with_comment(), name="wave.gif"),
        featured_image_alt="A waving hand",
    )

    [name] = rendition_names(post.featured_image_renditions)
    with default_storage.open(name) as stored, Image.open(stored) as gif:
        assert gif.n_frames == 2
        assert "comment" not in gif.info
        assert gif.info["loop"] == 0
        gif.seek(1)
        assert gif.info["duration"] == 300


def test_originals_stored_in_public_media_are_moved_private_by_command(client, author):
    post = PostFactory(author=author, featured_image=picture(), featured_image_alt="A chart")
    gif = PostImage.objects.create(
        post=post, image=ContentFile(animated_gif_with_comment(), name="wave.gif"), alt="Wave"
    )
    portrait_author = AuthorFactory(portrait=picture("me.jpg", 500, 500))
    # As an earlier release left them: originals beside their renditions, a GIF shown as is.
    originals = storages["originals"]
    names = [post.featured_image.name, gif.image.name, portrait_author.portrait.name]
    for name in names:
        with originals.open(name) as kept:
            default_storage.save(name, ContentFile(kept.read()))
        originals.delete(name)
    PostImage.objects.filter(pk=gif.pk).update(renditions={"source": gif.image.name, "sources": []})
    assert all(client.get(media_address(n)).status_code == HTTPStatus.OK for n in names)

    out = io.StringIO()
    call_command("make_originals_private", stdout=out)

    assert "Moved 3 original(s)" in out.getvalue()
    for name in names:
        assert client.get(media_address(name)).status_code == HTTPStatus.NOT_FOUND
        assert originals.exists(name)
    gif.refresh_from_db()
    assert gif.picture.src.endswith(".gif")
    assert client.get(gif.picture.src).status_code == HTTPStatus.OK
    again = io.StringIO()
    call_command("make_originals_private", stdout=again)
    assert "Moved 0 original(s)" in again.getvalue()


def test_a_picture_whose_renditions_failed_is_left_out_rather_than_shown_whole(client, author):
    post = PostFactory(author=author, featured_image=picture(), featured_image_alt="A chart")
    Post.objects.filter(pk=post.pk).update(featured_image_renditions={})

    page = client.get(post.get_absolute_url()).text

    assert 'alt="A chart"' not in page
    assert post.featured_image.name not in page
