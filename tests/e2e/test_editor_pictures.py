"""A columnist puts a picture into a new column's editor and publishes it with one save."""

import re

import pytest
from playwright.sync_api import expect

from blog.models import Post, PostImage
from tests.e2e.test_authoring import photograph, watch_console
from tests.factories import AuthorFactory, UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def log_in_as_columnist(browser, live_server):
    user = UserFactory(username="ada", groups=["Authors"])
    AuthorFactory(user=user, display_name="Ada Author", slug="ada-author")
    writer = browser.new_context(base_url=live_server.url).new_page()
    writer.set_default_timeout(10_000)
    writer.goto("/admin/")
    writer.get_by_label("Username or email").fill("ada")
    writer.get_by_label("Password").fill("correct horse battery staple")
    writer.get_by_role("button", name="Log in", exact=True).click()
    return writer


def test_a_picture_picked_in_the_editor_is_published_with_a_single_save(
    browser, live_server, tmp_path
):
    writer = log_in_as_columnist(browser, live_server)
    problems = watch_console(writer)
    writer.goto("/admin/blog/post/add/")
    writer.get_by_role("textbox", name="Title:").first.fill("The view from the roof")
    editor = writer.locator(".ProseMirror[contenteditable=true]")
    editor.click()
    writer.keyboard.type("We went up before dawn.")

    # The toolbar's picture button opens the computer's files, not a box asking for an address.
    with writer.expect_file_chooser() as chooser:
        writer.get_by_title("Insert a picture from your computer").click()
    chooser.value.set_files(photograph(tmp_path / "roof.jpg"))

    # The picture itself shows in the editor, waiting for its description.
    picture = editor.locator(".editor-picture img")
    expect(picture).to_have_attribute("src", re.compile(r"/media/renditions/.+\.jpg$"))
    expect(writer.locator(".editor-uploads__status")).to_contain_text("Describe it")
    # Saving without a description is stopped before the form leaves the page.
    writer.get_by_role("button", name="Publish").click()
    expect(editor.get_by_label("Description (required)")).to_be_focused()
    assert not Post.objects.exists()

    editor.get_by_label("Description (required)").fill("Rooftops under a blue dawn sky")
    editor.locator("figcaption").click()
    writer.keyboard.type("Half past five, looking east")
    writer.get_by_role("button", name="Publish").click()
    expect(writer.locator(".messagelist")).to_contain_text("is saved: Published")

    post = Post.objects.get()
    image = PostImage.objects.get()
    assert image.post == post
    reader = writer.context.browser.new_context(base_url=live_server.url).new_page()
    reader.goto(post.get_absolute_url())
    figure = reader.locator(f"figure#image-{image.pk}")
    shown = figure.get_by_role("img", name="Rooftops under a blue dawn sky")
    expect(shown).to_be_visible()
    expect(figure.locator("figcaption")).to_have_text("Half past five, looking east")
    assert shown.evaluate("img => img.naturalWidth") > 0
    assert problems == []


def test_a_picture_dropped_into_the_editor_is_uploaded_where_it_falls(
    browser, live_server, tmp_path
):
    writer = log_in_as_columnist(browser, live_server)
    writer.goto("/admin/blog/post/add/")
    editor = writer.locator(".ProseMirror[contenteditable=true]")
    editor.click()
    writer.keyboard.type("Before the picture.")
    data = photograph(tmp_path / "drop.jpg").read_bytes()

    # What a browser hands a page when a file is dropped on it.
    editor.evaluate(
        """(target, bytes) => {
            const file = new File([new Uint8Array(bytes)], "drop.jpg", {type: "image/jpeg"})
            const transfer = new DataTransfer()
            transfer.items.add(file)
            const box = target.getBoundingClientRect()
            target.dispatchEvent(new DragEvent("drop", {
                dataTransfer: transfer, bubbles: true, cancelable: true,
                clientX: box.left + 5, clientY: box.bottom - 5,
            }))
        }""",
        list(data),
    )

    expect(editor.locator(".editor-picture img")).to_have_attribute(
        "src", re.compile(r"/media/renditions/")
    )
    image = PostImage.objects.get()
    assert image.post is None
    assert image.uploaded_by.username == "ada"


def test_a_chosen_featured_image_survives_an_error_elsewhere_in_the_form(
    browser, live_server, tmp_path
):
    writer = log_in_as_columnist(browser, live_server)
    writer.goto("/admin/blog/post/add/")
    editor = writer.locator(".ProseMirror[contenteditable=true]")
    editor.click()
    writer.keyboard.type("A column still without its title.")
    writer.locator("input[name=featured_image]").set_input_files(photograph(tmp_path / "desk.jpg"))
    writer.locator("input[name=featured_image_alt]").fill("The night shift's desk")

    writer.get_by_role("button", name="Save draft").click()

    expect(writer.get_by_text("Give the post a title: readers see it first.")).to_be_visible()
    expect(writer.get_by_text("Kept: desk.jpg.")).to_be_visible()
    writer.get_by_role("textbox", name="Title:").first.fill("The night shift")
    writer.get_by_role("button", name="Save draft").click()
    expect(writer.locator(".messagelist")).to_contain_text("is saved: Draft")
    post = Post.objects.get()
    assert post.featured_image.name.endswith("desk.jpg")
    assert post.featured_picture is not None


def test_a_pasted_picture_and_a_picked_download_are_placed_and_saved_with_the_post(
    browser, live_server, tmp_path
):
    writer = log_in_as_columnist(browser, live_server)
    writer.goto("/admin/blog/post/add/")
    writer.get_by_role("textbox", name="Title:").first.fill("Checklists")
    editor = writer.locator(".ProseMirror[contenteditable=true]")
    editor.click()
    writer.keyboard.type("Print this before the shift.")
    data = photograph(tmp_path / "paste.jpg").read_bytes()

    # What a browser hands a page when a copied picture is pasted.
    editor.evaluate(
        """(target, bytes) => {
            const transfer = new DataTransfer()
            transfer.items.add(new File([new Uint8Array(bytes)], "paste.jpg", {type: "image/jpeg"}))
            target.dispatchEvent(new ClipboardEvent("paste", {
                clipboardData: transfer, bubbles: true, cancelable: true,
            }))
        }""",
        list(data),
    )
    expect(editor.locator(".editor-picture img")).to_have_count(1)
    editor.get_by_label("Description (required)").fill("A printed checklist")

    pdf = tmp_path / "shift_checklist.pdf"
    pdf.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n")
    editor.locator("p").first.click()
    writer.keyboard.press("End")
    with writer.expect_file_chooser() as chooser:
        writer.get_by_title("Attach a file for readers to download").click()
    chooser.value.set_files(pdf)
    expect(editor.get_by_role("link", name=re.compile(r"^shift checklist \("))).to_be_visible()

    writer.get_by_role("button", name="Save draft").click()
    expect(writer.locator(".messagelist")).to_contain_text("is saved: Draft")
    post = Post.objects.get()
    assert post.images.get().alt == "A printed checklist"
    download = post.attachments.get()
    assert download.get_absolute_url() in post.body
