"""A columnist's typing is kept as they go: a closed tab gives it back, a preview window
shows it before any save, and a second person on the post is told who else is there."""

import re

import pytest
from playwright.sync_api import expect

from blog.autosaves import PostAutosave
from blog.models import Post
from tests.e2e.test_authoring import watch_console
from tests.factories import AuthorFactory, PostFactory, UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

SAVED = re.compile(r"^Saved a few seconds ago")


def logged_in(browser, live_server, username):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto("/admin/")
    page.get_by_label("Username or email").fill(username)
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(
        page.get_by_role("link", name="Log out").or_(page.get_by_role("button", name="Log out"))
    ).to_be_visible()
    return page


@pytest.fixture
def ada():
    user = UserFactory(username="ada", groups=["Authors"])
    return AuthorFactory(user=user, display_name="Ada Author", slug="ada-author")


def type_in_body(page, text):
    editor = page.locator(".ProseMirror[contenteditable=true]")
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(text)
    return editor


def test_a_closed_tab_gives_back_what_was_typed_in_a_new_post(browser, live_server, ada):
    page = logged_in(browser, live_server, "ada")
    problems = watch_console(page)
    page.goto("/admin/blog/post/add/")
    page.get_by_role("textbox", name="Title:").first.fill("Notes from the night desk")
    type_in_body(page, "Every handover starts with the queue.")
    status = page.get_by_role("status").filter(has_text=re.compile("Saved|not saved", re.I))
    expect(status).to_have_text(SAVED)
    assert problems == []
    context = page.context
    # Leaving with changes not saved for real asks first; staying keeps the page.
    with page.expect_event("dialog") as asked:
        page.close(run_before_unload=True)
    assert asked.value.type == "beforeunload"
    asked.value.dismiss()
    page.close()

    page = context.new_page()
    page.goto("/admin/blog/post/add/")
    offer = page.get_by_role("alert").filter(has_text="You have unsaved changes from")
    expect(offer).to_contain_text(re.compile(r"from \d\d:\d\d"))
    page.get_by_role("button", name="Restore").click()

    expect(page.get_by_role("textbox", name="Title:").first).to_have_value(
        "Notes from the night desk"
    )
    expect(page.locator(".ProseMirror[contenteditable=true]")).to_have_text(
        "Every handover starts with the queue."
    )
    expect(offer).to_have_count(0)
    # Nothing was published, nor even saved as a post.
    assert Post.objects.count() == 0

    # Saved for real, the post's form no longer offers anything back.
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messagelist")).to_contain_text("is saved: Draft")
    page.goto("/admin/blog/post/add/")
    expect(page.get_by_role("textbox", name="Title:").first).to_be_visible()
    expect(page.get_by_text("You have unsaved changes")).to_have_count(0)
    # Nothing typed since the save: the tab closes without asking.
    with page.expect_event("close"):
        page.close(run_before_unload=True)


def test_a_lost_connection_is_said_and_the_words_sent_when_it_is_back(browser, live_server, ada):
    post = PostFactory(title="Offline", author=ada, body="<p>Start.</p>", draft=True)
    page = logged_in(browser, live_server, "ada")
    page.goto(f"/admin/blog/post/{post.pk}/change/")
    page.route("**/autosave/", lambda route: route.abort())

    type_in_body(page, " Typed on a train.")

    expect(page.get_by_role("status").filter(has_text="Not saved — retrying")).to_be_visible()
    page.unroute("**/autosave/")
    expect(page.get_by_role("status").filter(has_text=SAVED)).to_be_visible(timeout=20_000)
    kept = PostAutosave.objects.get(post=post)
    assert "Typed on a train." in kept.data["body"][0]


def test_the_preview_window_shows_and_follows_what_is_typed_but_not_saved(
    browser, live_server, ada
):
    post = PostFactory(
        title="The saved title", author=ada, body="<p>The saved opening.</p>", draft=True
    )
    page = logged_in(browser, live_server, "ada")
    problems = watch_console(page)
    page.goto(f"/admin/blog/post/{post.pk}/change/")
    type_in_body(page, " Typed, never saved.")
    expect(page.get_by_role("status").filter(has_text=SAVED)).to_be_visible()

    with page.context.expect_page() as opened:
        page.get_by_role("link", name="Preview what is on screen").click()
    preview = opened.value
    preview_problems = watch_console(preview)
    body = preview.frame_locator("iframe[title='Preview of the post']").locator(".prose")
    expect(body).to_contain_text("The saved opening. Typed, never saved.")

    # The phone's width, then the desktop's.
    frame = preview.locator("iframe[title='Preview of the post']")
    preview.get_by_role("button", name="Phone").click()
    expect(frame).to_have_attribute("class", re.compile("live-preview__frame--phone"))
    inner = preview.frame_locator("iframe[title='Preview of the post']").locator("body")
    # The post's page lays itself out for a phone's 375 CSS pixels.
    assert inner.evaluate("() => window.innerWidth") == 375
    preview.get_by_role("button", name="Desktop").click()
    expect(preview.get_by_role("button", name="Desktop")).to_have_attribute("aria-pressed", "true")
    assert inner.evaluate("() => window.innerWidth") > 700

    page.bring_to_front()
    type_in_body(page, " And a second thought.")
    expect(body).to_contain_text("Typed, never saved. And a second thought.", timeout=20_000)
    expect(preview.get_by_role("status")).to_contain_text("Updated at")

    post.refresh_from_db()
    assert post.body == "<p>The saved opening.</p>"
    assert problems == []
    assert preview_problems == []


def test_a_second_person_on_a_post_is_told_who_else_is_editing(browser, live_server, ada):
    post = PostFactory(title="A shared column", author=ada, draft=True)
    UserFactory(username="ken", first_name="Ken", last_name="Turbitt", groups=["Editors"])
    first = logged_in(browser, live_server, "ada")
    first.goto(f"/admin/blog/post/{post.pk}/change/")
    second = logged_in(browser, live_server, "ken")

    second.goto(f"/admin/blog/post/{post.pk}/change/")

    expect(
        second.get_by_text(re.compile(r"Ada Author is also editing this post, since \d\d:\d\d"))
    ).to_be_visible()
    # The first hears of the second at their next autosave.
    first.bring_to_front()
    type_in_body(first, " More.")
    expect(
        first.get_by_text(re.compile(r"Ken Turbitt is also editing this post, since \d\d:\d\d"))
    ).to_be_visible(timeout=20_000)
