"""A columnist writes in the rich-text editor, previews, publishes, and readers see it."""

import re

import pytest
from playwright.sync_api import expect

from blog.models import Post
from tests.factories import AuthorFactory, UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def watch_console(page):
    """Collect the errors the browser reports, policy violations included."""
    problems = []

    def console(message):
        # The admin has no icon of its own: the browser's asking for one is not the page's fault.
        if message.type == "error" and not message.location["url"].endswith("/favicon.ico"):
            problems.append(message.text)

    page.on("console", console)
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def photograph(path):
    from PIL import Image

    Image.new("RGB", (1600, 900), (40, 90, 140)).save(path, "JPEG", quality=80)
    return path


def test_a_columnist_writes_previews_and_publishes_a_column(browser, live_server, tmp_path):
    user = UserFactory(username="ada", groups=["Authors"])
    AuthorFactory(user=user, display_name="Ada Author", slug="ada-author")

    writer = browser.new_context(base_url=live_server.url).new_page()
    writer.set_default_timeout(10_000)
    problems = watch_console(writer)
    writer.goto("/admin/")
    writer.get_by_label("Username or email").fill("ada")
    writer.get_by_label("Password").fill("correct horse battery staple")
    writer.get_by_role("button", name="Log in", exact=True).click()
    writer.goto("/admin/blog/post/add/")

    writer.get_by_role("textbox", name="Title:").first.fill("What the night shift changed")
    editor = writer.locator(".ProseMirror[contenteditable=true]")
    editor.click()
    writer.keyboard.press("Control+Alt+2")
    writer.keyboard.type("Three changes that stuck")
    writer.keyboard.press("Enter")
    writer.keyboard.type("handover guide")
    # Once the editor has taken in the words, select them and link them with its shortcut.
    expect(editor.locator("p")).to_have_text("handover guide")
    writer.keyboard.press("Shift+Home")
    # The toolbar offers a link once the editor has seen the selection.
    expect(writer.get_by_title("insert link")).not_to_have_class(re.compile(r"\bdisabled\b"))
    writer.keyboard.press("Control+k")
    dialog = writer.locator("dialog[open]")
    dialog.get_by_label("URL").fill("https://example.com/handover")
    dialog.get_by_role("button", name="Update").click()
    # Typing before the dialog has given the editor back its focus and the link would type
    # over the still-selected words.
    expect(editor.get_by_role("link", name="handover guide")).to_be_visible()
    expect(dialog).to_have_count(0)
    expect(editor).to_be_focused()
    writer.keyboard.press("End")
    writer.keyboard.type(" first.")
    expect(editor.get_by_role("heading", level=2)).to_have_text("Three changes that stuck")
    expect(editor.locator("p")).to_have_text("handover guide first.")

    writer.locator("input[name=featured_image]").set_input_files(photograph(tmp_path / "desk.jpg"))
    writer.locator("input[name=featured_image_alt]").fill("The night shift's desk at 3 a.m.")

    writer.get_by_role("button", name="Save draft").click()
    expect(writer.locator(".messagelist")).to_contain_text("is saved: Draft")

    # The preview opens in a window of its own, the form staying where it is.
    with writer.context.expect_page() as opened:
        writer.get_by_role("link", name="Preview", exact=True).click()
    preview = opened.value.frame_locator("iframe[title='Preview of the post']")
    expect(preview.get_by_text("Preview — this is how readers will see this post")).to_be_visible()
    body = preview.locator(".prose")
    expect(body.get_by_role("heading", level=2)).to_have_text("Three changes that stuck")
    expect(body.get_by_role("link", name="handover guide")).to_have_attribute(
        "href", "https://example.com/handover"
    )
    picture = preview.get_by_role("img", name="The night shift's desk at 3 a.m.")
    expect(picture).to_be_visible()
    expect(picture).to_have_attribute("srcset", re.compile(r"\b800w\b"))
    preview_url = preview.locator("html").evaluate("() => location.pathname")
    opened.value.close()

    reader = browser.new_context(base_url=live_server.url).new_page()
    reader.goto("/")
    expect(reader.get_by_role("link", name="What the night shift changed")).to_have_count(0)
    assert reader.goto(f"/preview/{Post.objects.get().pk}/").status == 404
    # The preview window's page, under the admin, sends a reader to log in.
    assert reader.goto(preview_url).status == 200
    expect(reader.get_by_role("button", name="Log in", exact=True)).to_be_visible()

    writer.get_by_role("button", name="Publish now").click()
    expect(writer.locator(".messagelist")).to_contain_text("is saved: Published")

    reader_problems = watch_console(reader)
    reader.goto("/")
    expect(reader.get_by_role("img", name="The night shift's desk at 3 a.m.")).to_be_visible()
    reader.get_by_role("link", name="What the night shift changed").first.click()
    expect(reader).to_have_url(re.compile(r"/\d{4}/\d{2}/\d{2}/what-the-night-shift-changed/$"))
    expect(reader.locator(".prose").get_by_role("heading", level=2)).to_have_text(
        "Three changes that stuck"
    )
    assert problems == []
    assert reader_problems == []
