"""Pictures: uploads checked by content, renditions made once, markup that never shifts."""

import io
from html.parser import HTMLParser
from http import HTTPStatus

import pytest
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import ExifTags, Image, features

from blog.models import Post, PostImage
from tests.blog.uploads import (
    EXE,
    SVG,
    inline_forms,
    phone_exif,
    picture,
    picture_bytes,
    png_bomb,
    post_form,
)
from tests.factories import AuthorFactory, PostFactory
from uploads.images import WIDTHS, check_image

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:blog_post_add")


def change_url(post):
    return reverse("admin:blog_post_change", args=[post.pk])


class Tags(HTMLParser):
    """Collect the attributes of every tag of some names in a page."""

    def __init__(self, html, *names):
        super().__init__()
        self.names = set(names)
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag in self.names:
            self.found.append((tag, dict(attrs)))


def tags(html, name):
    return [attrs for tag, attrs in Tags(html, name).found]


def truncated_jpeg():
    # A photo with detail, so that half of its bytes are half the picture.
    image = Image.effect_noise((800, 600), 60).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    data = buffer.getvalue()
    return data[: len(data) // 2]


REFUSED = {
    "decompression bomb": (
        "huge.png",
        png_bomb(),
        "This image is 20,000 × 20,000 pixels; the limit is 40 megapixels. Scale it down to "
        "6,324 × 6,324 pixels or less",
    ),
    "svg": ("drawing.svg", SVG, "This file is not a JPEG, PNG, GIF"),
    "svg named .png": ("drawing.png", SVG, "This file is not a JPEG, PNG, GIF"),
    "text named .jpg": (
        "photo.jpg",
        b"Notes from Monday's meeting, not a photo.\n" * 40,
        "This file is not a JPEG, PNG, GIF",
    ),
    "executable named .jpg": ("photo.jpg", EXE, "This file is not a JPEG, PNG, GIF"),
    "truncated jpeg": ("photo.jpg", truncated_jpeg(), "This image is incomplete or damaged"),
    "oversized": (
        "photo.jpg",
        picture_bytes(64, 64) + bytes(10 * 1024 * 1024 + 400 * 1024),
        "This image is 10.4 MB; the limit is 10 MB.",
    ),
}


@pytest.mark.parametrize("case", REFUSED.keys())
def test_admin_refuses_a_bad_featured_image_saying_why_and_keeps_the_rest(author_client, case):
    name, content, message = REFUSED[case]
    data = post_form(
        title="My unsaved column",
        body="<p>A paragraph the author typed with care.</p>",
        featured_image=SimpleUploadedFile(name, content),
        featured_image_alt="A queue at the service desk",
        featured_image_caption="Monday morning",
    )

    response = author_client.post(ADD_URL, data)

    assert response.status_code == HTTPStatus.OK
    errors = response.context["adminform"].form.errors
    assert message in errors["featured_image"][0]
    assert set(errors) == {"featured_image"}
    page = response.text
    assert 'value="My unsaved column"' in page
    assert "A paragraph the author typed with care." in page
    assert 'value="A queue at the service desk"' in page
    assert 'value="Monday morning"' in page
    assert not Post.objects.exists()
    assert not default_storage.exists("posts")


@pytest.mark.parametrize("case", ["decompression bomb", "svg", "truncated jpeg"])
def test_admin_refuses_a_bad_picture_in_the_body_on_the_change_form(author_client, author, case):
    post = PostFactory(author=author, title="Kept as it was", draft=True)
    name, content, message = REFUSED[case]
    data = post_form(
        post,
        title="Renamed before the upload failed",
        **inline_forms("images", {"image": SimpleUploadedFile(name, content), "alt": "A chart"}),
    )
    data.pop("author")

    response = author_client.post(change_url(post), data)

    assert response.status_code == HTTPStatus.OK
    formset = response.context["inline_admin_formsets"][0].formset
    assert message in formset.errors[0]["image"][0]
    assert 'value="Renamed before the upload failed"' in response.text
    assert 'value="A chart"' in response.text
    post.refresh_from_db()
    assert post.title == "Kept as it was"
    assert not post.images.exists()


def test_pixel_limit_is_checked_below_pillows_own_bomb_guard(settings):
    settings.IMAGE_MAX_PIXELS = 1_000_000

    with pytest.raises(Exception, match=r"1,600 × 800 pixels; the limit is 1 megapixels"):
        check_image(picture(width=1600, height=800))


def test_a_featured_image_needs_a_description(author_client):
    data = post_form(featured_image=picture(), featured_image_alt="  ")

    response = author_client.post(ADD_URL, data)

    assert response.status_code == HTTPStatus.OK
    errors = response.context["adminform"].form.errors
    assert "Describe the featured image" in errors["featured_image_alt"][0]
    assert not Post.objects.exists()


def test_a_picture_in_the_body_needs_a_description(author_client):
    data = post_form(**inline_forms("images", {"image": picture(), "alt": ""}))

    response = author_client.post(ADD_URL, data)

    assert response.status_code == HTTPStatus.OK
    formset = response.context["inline_admin_formsets"][0].formset
    assert formset.errors[0]["alt"] == ["This field is required."]


def test_a_good_jpeg_gets_its_renditions_without_its_gps(author_client, author):
    data = post_form(
        featured_image=picture("holiday.jpg", 2400, 1600, exif=phone_exif()),
        featured_image_alt="The service desk at dawn",
    )

    response = author_client.post(ADD_URL, data)

    assert response.status_code == HTTPStatus.FOUND, response.context["adminform"].errors
    post = Post.objects.get()
    renditions = post.featured_image_renditions
    assert renditions["source"] == post.featured_image.name
    assert [source["type"] for source in renditions["sources"]] == ["image/webp", "image/jpeg"]
    for source in renditions["sources"]:
        assert [width for width, _, _ in source["files"]] == list(WIDTHS)
        for width, height, name in source["files"]:
            with default_storage.open(name) as stored, Image.open(stored) as image:
                assert image.size == (width, height) == (width, round(width * 2 / 3))
                assert image.get_format_mimetype() == source["type"]
                exif = image.getexif()
                assert not exif.get_ifd(ExifTags.IFD.GPSInfo)
                assert ExifTags.Base.Make not in exif
                assert "exif" not in image.info


def test_renditions_keep_a_phone_photo_upright_and_never_upscale(author):
    # Taken with the phone held upright: stored 1000 wide, shown 500 wide and 1000 tall.
    post = PostFactory(
        author=author,
        featured_image=picture(width=1000, height=500, exif=phone_exif(orientation=6)),
        featured_image_alt="A tall photo",
    )

    webp, jpeg = post.featured_image_renditions["sources"]
    assert [(w, h) for w, h, _ in jpeg["files"]] == [(480, 960), (500, 1000)]
    assert (post.featured_image_width, post.featured_image_height) == (500, 1000)
    with default_storage.open(jpeg["files"][-1][2]) as stored, Image.open(stored) as image:
        assert image.size == (500, 1000)
        assert ExifTags.Base.Orientation not in image.getexif()


def test_renditions_are_made_once(author):
    post = PostFactory(author=author, featured_image=picture(), featured_image_alt="A chart")
    made = post.featured_image_renditions

    post.title = "Retitled"
    post.save()
    post.publish()

    post.refresh_from_db()
    assert post.featured_image_renditions == made


def test_a_png_keeps_its_format_and_a_gif_is_served_as_one_copy_of_itself(author):
    png = PostFactory(
        author=author, featured_image=picture("chart.png", 900, 600, "PNG"),
        featured_image_alt="A chart",
    )  # fmt: skip
    gif = PostFactory(
        author=author, featured_image=picture("wave.gif", 300, 200, "GIF"),
        featured_image_alt="A waving hand",
    )  # fmt: skip

    assert [s["type"] for s in png.featured_image_renditions["sources"]] == [
        "image/webp",
        "image/png",
    ]
    [gif_source] = gif.featured_image_renditions["sources"]
    [[width, height, name]] = gif_source["files"]
    assert (gif_source["type"], width, height) == ("image/gif", 300, 200)
    assert gif.featured_picture.src == default_storage.url(name)
    assert gif.featured_picture.sources == ()


@pytest.mark.skipif(not features.check("avif"), reason="Pillow here reads no AVIF")
def test_an_avif_picture_is_accepted_and_served_as_webp_and_jpeg(author_client):
    data = post_form(
        featured_image=picture("photo.avif", 900, 600, "AVIF"), featured_image_alt="A photo"
    )

    response = author_client.post(ADD_URL, data)

    assert response.status_code == HTTPStatus.FOUND
    sources = Post.objects.get().featured_image_renditions["sources"]
    assert [source["type"] for source in sources] == ["image/webp", "image/jpeg"]


def test_an_upload_is_named_after_what_it_really_is(author_client):
    jpeg_named_png = SimpleUploadedFile("scan.png", picture_bytes(600, 400))

    author_client.post(ADD_URL, post_form(featured_image=jpeg_named_png, featured_image_alt="A"))

    assert Post.objects.get().featured_image.name.endswith("/scan.jpg")


def test_pictures_added_in_the_admin_give_their_code(author_client, author):
    post = PostFactory(author=author, draft=True)
    data = post_form(
        post,
        **inline_forms(
            "images",
            {"image": picture("chart.png", 700, 500, "PNG"), "alt": "A chart", "caption": "Q3"},
        ),
    )
    data.pop("author")

    response = author_client.post(change_url(post), data)

    assert response.status_code == HTTPStatus.FOUND
    image = post.images.get()
    assert (image.alt, image.caption, image.width, image.height) == ("A chart", "Q3", 700, 500)
    assert image.renditions["sources"][1]["type"] == "image/png"
    form = author_client.get(change_url(post)).text
    assert f"<code>[image {image.pk}]</code>" in form


def test_authors_cannot_reach_pictures_of_another_authors_post(author_client, author, other_author):
    others = PostFactory(author=other_author, draft=True)
    theirs = PostImage.objects.create(post=others, image=picture(), alt="Theirs")
    mine = PostFactory(author=author, draft=True)
    data = post_form(
        mine,
        **inline_forms(
            "images", {"id": theirs.pk, "post": mine.pk, "alt": "Stolen", "DELETE": "on"},
            initial=1,
        ),
    )  # fmt: skip
    data.pop("author")

    author_client.post(change_url(mine), data)
    author_client.post(change_url(others), post_form(others, **inline_forms("images")))

    theirs.refresh_from_db()
    assert theirs.alt == "Theirs"
    assert theirs.post == others


def test_portraits_are_cut_square_for_the_blog_roll_and_author_page(client):
    author = AuthorFactory(portrait=picture("me.jpg", 900, 600), display_name="Pat Portrait")
    PostFactory(author=author)

    sizes = [(w, h) for w, h, _ in author.portrait_renditions["sources"][1]["files"]]
    assert sizes == [(160, 160), (400, 400)]
    for url in (reverse("blog:index"), author.get_absolute_url()):
        page = client.get(url).text
        avatars = [attrs for attrs in tags(page, "img") if "avatar" in attrs.get("class", "")]
        assert avatars, url
        assert all(a["srcset"].endswith("400w") and a["loading"] == "lazy" for a in avatars)
    assert 'sizes="7rem"' in client.get(author.get_absolute_url()).text


def test_a_portrait_is_checked_by_content_too(author_client, author):
    response = author_client.post(
        reverse("admin:authors_author_change", args=[author.pk]),
        {"display_name": "Ada Author", "portrait": SimpleUploadedFile("me.jpg", SVG)},
    )

    assert response.status_code == HTTPStatus.OK
    errors = response.context["adminform"].form.errors
    assert errors["portrait"][0].startswith("This file is not a JPEG, PNG, GIF")


def test_pictures_stored_before_renditions_existed_get_them_by_command(author, capsys):
    post = PostFactory(author=author, featured_image=picture(), featured_image_alt="A chart")
    image = PostImage.objects.create(post=post, image=picture(), alt="A desk")
    Post.objects.update(featured_image_renditions={})
    PostImage.objects.update(renditions={})
    type(author).objects.filter(pk=author.pk).update(portrait="authors/me.jpg")
    storages["originals"].save("authors/me.jpg", picture())
    before = Post.objects.get()
    assert before.featured_picture is None

    call_command("make_renditions", stdout=io.StringIO())

    progress = capsys.readouterr().err
    assert "Featured images: 100%" in progress and "Portraits: 100%" in progress
    post = Post.objects.get()
    assert post.featured_picture.src.startswith("/media/renditions/")
    assert post.updated_at == before.updated_at  # readers see no edit
    assert PostImage.objects.get(pk=image.pk).renditions["source"] == image.image.name
    author.refresh_from_db()
    assert author.portrait_renditions["source"] == "authors/me.jpg"
