"""Pictures and downloads dropped into the post editor: uploaded at once, placed, kept safe."""

import datetime
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from blog.editor_uploads import sweep_unattached
from blog.html import clean_body
from blog.models import Attachment, Post, PostImage
from tests.blog.uploads import EXE, SVG, pdf_bytes, picture, post_form
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:blog_post_add")
PICTURE_URL = reverse("admin:blog_post_editor_picture")
DOWNLOAD_URL = reverse("admin:blog_post_editor_download")


def figure(image, alt="A teal square", caption="Seen from above"):
    return (
        f'<figure class="figure"><img src="{image.picture.src}" alt="{alt}" '
        f'data-file="{image.pk}"><figcaption class="figure-caption">{caption}</figcaption>'
        "</figure>"
    )


def drop(client, url=PICTURE_URL, file=None, post=None):
    address = f"{url}?post={post.pk}" if post is not None else url
    return client.post(address, {"file": file or picture("teal.jpg", 900, 600)})


class TestUploadingAPicture:
    def test_a_picture_dropped_into_a_new_post_is_the_uploaders_until_the_post_is_saved(
        self, author_client, author
    ):
        response = drop(author_client)

        assert response.status_code == HTTPStatus.CREATED
        image = PostImage.objects.get(pk=response.json()["id"])
        assert (image.post, image.uploaded_by) == (None, author.user)
        assert response.json()["src"] == image.picture.src
        assert response.json()["width"] == 900
        # The original stays private; the page gets renditions only.
        assert image.renditions["sources"]

    def test_a_picture_for_a_saved_post_belongs_to_it_at_once(self, author_client, author):
        post = PostFactory(author=author, draft=True)

        response = drop(author_client, post=post)

        assert PostImage.objects.get(pk=response.json()["id"]).post == post

    @pytest.mark.parametrize(
        ("name", "content", "words"),
        [("drawing.svg", SVG, "not a JPEG"), ("photo.jpg", EXE, "not a JPEG")],
    )
    def test_what_is_not_a_picture_is_refused_saying_why(self, author_client, name, content, words):
        response = drop(author_client, file=SimpleUploadedFile(name, content))

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert words in response.json()["error"]
        assert not PostImage.objects.exists()

    def test_a_picture_above_the_size_limit_is_refused(self, author_client, settings):
        settings.IMAGE_MAX_BYTES = 1000

        response = drop(author_client)

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "the limit is 1000 bytes" in response.json()["error"]

    def test_another_authors_post_cannot_take_my_upload(self, author_client, other_author):
        theirs = PostFactory(author=other_author, draft=True)

        response = drop(author_client, post=theirs)

        assert response.status_code == HTTPStatus.NOT_FOUND
        assert not PostImage.objects.exists()

    def test_an_editor_may_drop_a_picture_into_any_post(self, editor_client, other_author):
        theirs = PostFactory(author=other_author, draft=True)

        assert drop(editor_client, post=theirs).status_code == HTTPStatus.CREATED

    def test_readers_and_moderators_may_not_upload(self, moderator_client):
        assert drop(Client()).status_code == HTTPStatus.FOUND  # to the log-in page
        assert drop(moderator_client).status_code == HTTPStatus.FORBIDDEN
        assert not PostImage.objects.exists()

    def test_only_a_post_sent_to_a_post_number_is_taken(self, author_client):
        assert author_client.get(PICTURE_URL).status_code == HTTPStatus.METHOD_NOT_ALLOWED
        response = author_client.post(f"{PICTURE_URL}?post=1%20or%201", {"file": picture()})
        assert response.status_code == HTTPStatus.NOT_FOUND
        assert not PostImage.objects.exists()

    def test_too_many_uploads_waiting_for_a_post_are_refused(self, author_client, monkeypatch):
        monkeypatch.setattr("blog.editor_uploads.UNATTACHED_LIMIT", 1)
        drop(author_client)

        response = drop(author_client)

        assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
        assert "Save the post you are writing" in response.json()["error"]
        assert PostImage.objects.count() == 1


class TestTheForm:
    def test_the_editor_of_a_saved_post_uploads_to_that_post(self, author_client, author):
        post = PostFactory(author=author, draft=True)

        form = (
            author_client.get(reverse("admin:blog_post_change", args=[post.pk]))
            .context["adminform"]
            .form
        )
        uploads = form.fields["body"].widget.get_config()["extensions"]["EditorUploads"]

        assert uploads == {
            "pictureUrl": f"{PICTURE_URL}?post={post.pk}",
            "downloadUrl": f"{DOWNLOAD_URL}?post={post.pk}",
        }
        assert "/static/js/editor_uploads.js" in str(
            form.fields["body"].widget.get_config()["js_modules"]
        )

    def test_pictures_dropped_in_the_editor_are_not_repeated_below_the_form(
        self, author_client, author
    ):
        post = PostFactory(author=author, draft=True)
        old = PostImage.objects.create(post=post, image=picture(), alt="Old")
        PostImage.objects.create(post=post, image=picture(), alt="New", uploaded_by=author.user)

        response = author_client.get(reverse("admin:blog_post_change", args=[post.pk]))

        inline = next(
            f for f in response.context["inline_admin_formsets"] if f.opts.model is PostImage
        )
        assert [form.original for form in inline if form.original] == [old]


class TestSavingTheBody:
    def test_one_save_publishes_a_new_post_with_its_dropped_picture(self, author_client):
        image = PostImage.objects.get(pk=drop(author_client).json()["id"])
        body = f"<p>Before.</p>{figure(image)}<p>After.</p>"

        response = author_client.post(ADD_URL, post_form(body=body, _publish="Publish"))

        assert response.status_code == HTTPStatus.FOUND
        post = Post.objects.get()
        image.refresh_from_db()
        assert (image.post, image.alt, image.caption) == (post, "A teal square", "Seen from above")
        page = Client().get(post.get_absolute_url()).text
        assert f'id="image-{image.pk}"' in page
        assert 'alt="A teal square"' in page
        assert "<figcaption>Seen from above</figcaption>" in page
        assert "<picture>" in page and "data-file" not in page

    def test_a_picture_without_a_description_is_refused_by_name(self, author_client):
        image = PostImage.objects.get(pk=drop(author_client).json()["id"])

        response = author_client.post(ADD_URL, post_form(body=figure(image, alt="")))

        assert response.status_code == HTTPStatus.OK
        assert not Post.objects.exists()
        errors = response.context["adminform"].form.errors["body"]
        assert errors == [
            "The picture “teal.jpg” in the body has no description. Type in the “Description” "
            "box under it what the picture shows, for readers who cannot see it."
        ]

    def test_another_authors_picture_cannot_be_smuggled_in_by_its_number(
        self, author_client, other_author
    ):
        other_client = Client()
        other_client.force_login(other_author.user)
        theirs = PostImage.objects.get(pk=drop(other_client).json()["id"])

        response = author_client.post(ADD_URL, post_form(body=figure(theirs)))

        assert response.status_code == HTTPStatus.OK
        assert response.context["adminform"].form.errors["body"] == [
            f"Picture number {theirs.pk} in the body is not one of this post's pictures. "
            "Remove it, then drop or pick the picture into the editor again."
        ]
        theirs.refresh_from_db()
        assert theirs.post is None

    def test_a_picture_of_another_post_never_shows_on_mine(self, author, other_author):
        theirs = PostFactory(author=other_author)
        image = PostImage.objects.create(post=theirs, image=picture(), alt="Theirs")
        mine = PostFactory(author=author, body=figure(image))

        page = Client().get(mine.get_absolute_url()).text

        assert f'id="image-{image.pk}"' not in page
        assert "data-file" not in page

    def test_a_download_dropped_in_is_linked_and_attached_on_save(self, author_client):
        response = drop(
            author_client, DOWNLOAD_URL, SimpleUploadedFile("incident_checklist.pdf", pdf_bytes())
        )
        assert response.status_code == HTTPStatus.CREATED
        data = response.json()
        body = f'<p><a href="{data["href"]}">{data["title"]}</a></p>'

        author_client.post(ADD_URL, post_form(body=body, _publish="Publish"))

        attachment = Attachment.objects.get()
        assert data["title"] == "incident checklist"
        assert attachment.post == Post.objects.get()
        download = Client().get(data["href"])
        assert download.status_code == HTTPStatus.OK

    def test_a_download_not_yet_attached_is_its_uploaders_alone(self, author_client):
        data = drop(author_client, DOWNLOAD_URL, SimpleUploadedFile("plan.pdf", pdf_bytes())).json()

        assert author_client.get(data["href"]).status_code == HTTPStatus.OK
        assert Client().get(data["href"]).status_code == HTTPStatus.NOT_FOUND

    def test_a_file_of_a_kind_not_allowed_is_refused(self, author_client):
        response = drop(author_client, DOWNLOAD_URL, SimpleUploadedFile("run.exe", EXE))

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "cannot be attached" in response.json()["error"]


def test_uploads_no_post_took_are_swept_after_a_day(author_client):
    waiting = PostImage.objects.get(pk=drop(author_client).json()["id"])
    kept = PostImage.objects.get(pk=drop(author_client).json()["id"])
    PostImage.objects.filter(pk=waiting.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=2)
    )
    storage, name = waiting.image.storage, waiting.image.name

    assert sweep_unattached() == 1

    assert list(PostImage.objects.all()) == [kept]
    assert not storage.exists(name)


class TestTheStoredBody:
    def test_sanitising_keeps_a_pictures_number_and_nothing_else_in_its_place(self):
        body = (
            '<figure class="figure"><img src="/media/a.jpg" alt="A" data-file="12" '
            'onerror="x()"></figure><img src="/media/b.jpg" alt="B" data-file="12 or 1">'
        )

        assert clean_body(body) == (
            '<figure><img src="/media/a.jpg" alt="A" data-file="12"></figure>'
            '<img src="/media/b.jpg" alt="B">'
        )

    def test_a_dropped_picture_whose_caption_was_removed_stays_a_figure(self):
        body = '<p>Text</p><img src="/media/a.jpg" alt="A" data-file="4"><p>More</p>'

        assert clean_body(body) == (
            '<p>Text</p><figure><img src="/media/a.jpg" alt="A" data-file="4"></figure><p>More</p>'
        )

    def test_a_picture_in_a_list_item_is_stored_after_the_list(self):
        body = (
            '<ul><li><p>First</p></li><li><figure><img src="/a.jpg" alt="A" data-file="3">'
            "</figure></li><li><p>Last</p></li></ul><p>After.</p>"
        )

        assert clean_body(body) == (
            "<ul><li><p>First</p></li><li><p>Last</p></li></ul>"
            '<figure><img src="/a.jpg" alt="A" data-file="3"></figure><p>After.</p>'
        )

    def test_an_old_code_in_a_nested_list_renders_after_the_whole_list(self, author):
        post = PostFactory(author=author)
        image = PostImage.objects.create(post=post, image=picture(), alt="Chart")
        # Stored before lists were checked on save: only the page can put it right.
        Post.objects.filter(pk=post.pk).update(
            body=f"<ol><li><p>One</p><ul><li><p>[image {image.pk}]</p></li></ul></li></ol>"
            "<p>Next.</p>"
        )

        page = Client().get(post.get_absolute_url()).text
        body = page[page.index("<ol>") :]

        assert body.index("</ol>") < body.index(f'id="image-{image.pk}"') < body.index("Next.")
        assert "<li></li>" not in body and "<ul></ul>" not in body

    def test_old_codes_and_dropped_pictures_render_side_by_side(self, author):
        post = PostFactory(author=author)
        old = PostImage.objects.create(post=post, image=picture(), alt="Old", caption="Then")
        new = PostImage.objects.create(post=post, image=picture("b.png", kind="PNG"), alt="")
        post.body = f"<p>[image {old.pk}]</p>{figure(new, alt='New &amp; bright')}"
        post.save()

        page = Client().get(post.get_absolute_url()).text

        assert 'alt="Old"' in page and "Then" in page
        assert 'alt="New &amp; bright"' in page and "Seen from above" in page
        assert "[image" not in page
