"""Attachments: checked by content, listed on the post, sent as downloads to those who may read."""

from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from blog.models import Attachment
from tests.blog.uploads import (
    EXE,
    docx_bytes,
    inline_forms,
    odt_bytes,
    pdf_bytes,
    post_form,
    xlsx_bytes,
    zip_bytes,
)
from tests.factories import PostFactory
from uploads.files import human_size

pytestmark = pytest.mark.django_db


def change_url(post):
    return reverse("admin:blog_post_change", args=[post.pk])


def attach(client, post, *rows, **changes):
    """Submit post's admin form with the attachments given, as its author would."""
    data = post_form(post, **inline_forms("attachments", *rows), **changes)
    data.pop("author")
    return client.post(change_url(post), data)


def attachment(post, name="checklist.pdf", content=None, title="Major incident checklist"):
    return Attachment.objects.create(
        post=post, title=title, file=SimpleUploadedFile(name, content or pdf_bytes())
    )


@pytest.fixture
def draft(author):
    return PostFactory(author=author, title="Work in progress", draft=True)


@pytest.mark.parametrize(
    ("name", "content", "label", "content_type"),
    [
        ("checklist.pdf", pdf_bytes(padding=1_300_000), "PDF, 1.2 MB", "application/pdf"),
        (
            "rota.docx",
            docx_bytes(),
            "Word document",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("notes.odt", odt_bytes(), "OpenDocument text", "application/vnd.oasis.opendocument.text"),
        (
            "templates.zip",
            zip_bytes({"a.txt": "a", "b.txt": "b"}),
            "ZIP archive",
            "application/zip",
        ),
    ],
)
def test_author_attaches_a_file_readers_see_with_its_title_and_size(
    author_client, client, draft, name, content, label, content_type
):
    response = attach(
        author_client,
        draft,
        {"title": "Service desk toolkit", "file": SimpleUploadedFile(name, content)},
        status="published",
        published_at="2020-01-01T09:00",
    )

    assert response.status_code == HTTPStatus.FOUND, response.context["errors"]
    file = draft.attachments.get()
    assert (file.title, file.size) == ("Service desk toolkit", len(content))
    assert file.kind.content_type == content_type
    draft.refresh_from_db()
    page = client.get(draft.get_absolute_url()).text
    assert f'<a class="downloads__link" href="{file.get_absolute_url()}" download>' in page
    assert "Service desk toolkit" in page
    assert f"{label.split(',')[0]}, {file.human_size}" in page
    assert label in page


def test_human_sizes():
    assert [human_size(n) for n in (1, 840, 12_400, 1_234_567, 10 * 1024**2, 3 * 1024**3)] == [
        "1 byte", "840 bytes", "12.1 KB", "1.2 MB", "10 MB", "3 GB",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("checklist.pdf", EXE, "This file is named .pdf but is not a PDF"),
        ("rota.docx", b"Just some text in a file.\n" * 20, "is not a Word document"),
        ("budget.xlsx", docx_bytes(), "This file is named .xlsx but is not an Excel workbook"),
        ("notes.odt", zip_bytes({"content.xml": "<x/>"}), "is not an OpenDocument text"),
        ("archive.zip", b"PK\x03\x04 but no more", "is not a ZIP archive"),
        ("setup.exe", EXE, "Files of this kind cannot be attached"),
        ("page.html", b"<script>alert(1)</script>", "Files of this kind cannot be attached"),
    ],
)
def test_a_file_that_is_not_what_its_name_says_is_refused(
    author_client, draft, name, content, message
):
    response = attach(
        author_client,
        draft,
        {"title": "Toolkit", "file": SimpleUploadedFile(name, content)},
        title="Renamed meanwhile",
    )

    assert response.status_code == HTTPStatus.OK
    formset = response.context["inline_admin_formsets"][1].formset
    assert message in formset.errors[0]["file"][0]
    assert 'value="Renamed meanwhile"' in response.text
    assert 'value="Toolkit"' in response.text
    assert not Attachment.objects.exists()


def test_an_oversized_file_is_refused(author_client, draft, settings):
    settings.ATTACHMENT_MAX_BYTES = 100 * 1024

    response = attach(
        author_client,
        draft,
        {"title": "Slides", "file": SimpleUploadedFile("slides.pdf", pdf_bytes(150 * 1024))},
    )

    formset = response.context["inline_admin_formsets"][1].formset
    assert formset.errors[0]["file"] == [
        "This file is 150 KB; the limit is 100 KB. Make it smaller and upload it again."
    ]
    assert not Attachment.objects.exists()


def test_a_download_is_sent_as_an_attachment_never_as_a_page(client, author):
    post = PostFactory(author=author)
    file = attachment(post, "Checklist FINAL (2).pdf")

    response = client.get(file.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="major-incident-checklist.pdf"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == pdf_bytes()


def test_a_download_goes_out_as_it_is_with_its_length_to_a_browser_taking_gzip(client, author):
    file = attachment(PostFactory(author=author), "Checklist FINAL (2).pdf")

    response = client.get(file.get_absolute_url(), HTTP_ACCEPT_ENCODING="gzip")

    assert not response.has_header("Content-Encoding")
    assert response["Content-Length"] == str(len(pdf_bytes()))
    assert b"".join(response.streaming_content) == pdf_bytes()


def test_docx_download_has_its_office_content_type(client, author):
    file = attachment(PostFactory(author=author), "rota.docx", docx_bytes(), title="Rota")

    response = client.get(file.get_absolute_url())

    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"] == 'attachment; filename="rota.docx"'


def test_attachments_are_kept_out_of_the_public_media_folder(client, author, settings):
    file = attachment(PostFactory(author=author, draft=True))

    assert file.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not file.file.path.startswith(str(settings.MEDIA_ROOT))
    assert client.get(f"/media/{file.file.name}").status_code == HTTPStatus.NOT_FOUND


class TestDraftPostAttachment:
    @pytest.fixture
    def file(self, draft):
        return attachment(draft)

    def test_is_missing_for_the_public(self, client, file):
        assert client.get(file.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND

    def test_downloads_for_its_author_previewing_never_cached(self, author_client, file):
        response = author_client.get(file.get_absolute_url())

        assert response.status_code == HTTPStatus.OK
        assert "no-cache" in response["Cache-Control"]
        assert response["Content-Disposition"].startswith("attachment;")

    def test_downloads_for_an_editor(self, editor_client, file):
        assert editor_client.get(file.get_absolute_url()).status_code == HTTPStatus.OK

    def test_is_missing_for_another_author(self, client, other_author, file):
        client.force_login(other_author.user)

        assert client.get(file.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND

    def test_is_listed_on_the_preview(self, author_client, draft, file):
        page = author_client.get(reverse("blog:preview", kwargs={"pk": draft.pk})).text

        assert file.get_absolute_url() in page


def test_a_scheduled_posts_attachment_is_missing_for_the_public(client, author):
    file = attachment(PostFactory(author=author, scheduled=True))

    assert client.get(file.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND


def test_authors_cannot_change_attachments_of_another_authors_post(
    author_client, author, other_author
):
    others = PostFactory(author=other_author, draft=True)
    theirs = attachment(others, title="Theirs")
    mine = PostFactory(author=author, draft=True)

    attach(author_client, mine, {"id": theirs.pk, "post": mine.pk, "title": "Stolen"}, initial=1)
    data = post_form(others, **inline_forms("attachments", {"title": "Planted", "file": (
        SimpleUploadedFile("x.pdf", pdf_bytes()))}))  # fmt: skip
    author_client.post(change_url(others), data)

    theirs.refresh_from_db()
    assert (theirs.title, theirs.post) == ("Theirs", others)
    assert list(Attachment.objects.all()) == [theirs]


def test_moderators_cannot_add_attachments(moderator_client, author):
    post = PostFactory(author=author)
    file = attachment(post)

    attach(
        moderator_client, post, {"title": "Added", "file": SimpleUploadedFile("a.pdf", pdf_bytes())}
    )

    assert list(Attachment.objects.all()) == [file]


def test_an_xlsx_is_accepted(author_client, draft):
    response = attach(
        author_client,
        draft,
        {"title": "Budget", "file": SimpleUploadedFile("budget.xlsx", xlsx_bytes())},
    )

    assert response.status_code == HTTPStatus.FOUND
    assert draft.attachments.get().kind.label == "Excel workbook"
