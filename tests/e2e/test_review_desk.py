"""The desk in a real browser: a contributor's column goes through review to readers."""

import datetime
import json
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from blog import review
from blog.models import Post
from blog.review_words import moment
from tests.e2e.test_admin_accessibility import AXE, BLOCKING, describe
from tests.factories import AuthorFactory, PostFactory, UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

TITLE = "What the night shift hands over"
NOTE = "Say who reads the log at six."


def log_in(browser, live_server, username):
    page = browser.new_context(base_url=live_server.url).new_page()
    page.set_default_timeout(10_000)
    page.goto("/admin/")
    page.get_by_label("Username or email").fill(username)
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(
        page.get_by_role("link", name="Log out").or_(page.get_by_text("Log out"))
    ).to_be_attached()
    return page


def test_a_contributors_column_goes_through_review_and_appears_at_its_time(
    browser, live_server, time_machine
):
    contributor = UserFactory(username="cora", groups=["Contributors"])
    AuthorFactory(user=contributor, display_name="Cora Guest", slug="cora-guest")
    UserFactory(username="eddie", groups=["Editors"])
    post = PostFactory(
        title=TITLE,
        author=contributor.author,
        draft=True,
        body="<p>The night shift hands over at six.</p>",
    )
    reader = browser.new_context(base_url=live_server.url).new_page()

    # The contributor can only submit: no Publish, no Status.
    writer = log_in(browser, live_server, "cora")
    writer.goto(f"/admin/blog/post/{post.pk}/change/")
    expect(writer.get_by_role("button", name="Publish now")).to_have_count(0)
    expect(writer.get_by_label("Status:")).to_have_count(0)
    writer.get_by_role("button", name="Submit for review").click()
    expect(writer.locator(".messagelist")).to_contain_text("In review since")

    # The editor finds it waiting, and sends it back with a note.
    editor = log_in(browser, live_server, "eddie")
    panel = editor.locator(".waiting-for-you")
    expect(panel).to_contain_text(TITLE)
    panel.get_by_role("link", name=TITLE).click()
    editor.get_by_label("Note for the desk:").fill(NOTE)
    editor.get_by_role("button", name="Request changes").click()
    expect(editor.locator(".messagelist")).to_contain_text("Changes requested")

    # The contributor reads the note, revises and submits again.
    writer.goto("/admin/")
    writer.locator(".waiting-for-you").get_by_role("link", name=TITLE).click()
    expect(writer.locator("#notes")).to_contain_text(NOTE)
    body = writer.locator(".ProseMirror[contenteditable=true]")
    body.click()
    writer.keyboard.press("Control+End")
    writer.keyboard.press("Enter")
    writer.keyboard.type("The duty manager reads the log at six.")
    writer.get_by_label("Note for the desk:").fill("Added who reads it.")
    writer.get_by_role("button", name="Submit for review").click()
    expect(writer.locator(".messagelist")).to_contain_text("In review since")

    # The editor approves and schedules it, a few minutes ahead, in the publication's zone.
    at = (timezone.localtime() + datetime.timedelta(minutes=3)).replace(second=0, microsecond=0)
    editor.goto(f"/admin/blog/post/{post.pk}/change/")
    expect(editor.locator("#notes")).to_contain_text("Added who reads it.")
    picker = editor.get_by_label("Publication time:")
    expect(picker).to_have_attribute("type", "datetime-local")
    expect(editor.locator("#id_published_at_zone")).to_have_text(
        re.compile(r"Europe/London time \((GMT|BST)\)")
    )
    picker.fill(f"{at:%Y-%m-%dT%H:%M}")
    editor.get_by_role("button", name="Approve and schedule").click()
    expect(editor.locator(".messagelist")).to_contain_text(f"Scheduled for {moment(at)}")

    post.refresh_from_db()
    assert "The duty manager reads the log at six." in post.body
    assert post.is_scheduled()
    reader.goto("/")
    expect(reader.get_by_role("link", name=TITLE)).to_have_count(0)

    # Its time comes: readers see it, with nothing run to publish it.
    time_machine.move_to(at + datetime.timedelta(seconds=30))
    reader.goto("/")
    expect(reader.get_by_role("link", name=TITLE).first).to_be_visible()
    assert Post.objects.published().filter(pk=post.pk).exists()


def test_a_scheduled_posts_time_is_shown_in_the_publications_zone(browser, live_server):
    UserFactory(username="eddie", groups=["Editors"])
    winter = datetime.datetime(2030, 12, 4, 8, 0, tzinfo=datetime.UTC)
    summer = datetime.datetime(2030, 6, 5, 8, 0, tzinfo=datetime.UTC)
    PostFactory(title="A winter column", published_at=winter)
    PostFactory(title="A summer column", published_at=summer)

    editor = log_in(browser, live_server, "eddie")
    editor.goto("/admin/blog/post/?state=scheduled")

    rows = editor.locator("#result_list tbody tr")
    expect(rows.filter(has_text="A winter column")).to_contain_text(
        "Scheduled for Wednesday 4 December 2030, 08:00 GMT"
    )
    expect(rows.filter(has_text="A summer column")).to_contain_text(
        "Scheduled for Wednesday 5 June 2030, 09:00 BST"
    )


def test_a_note_points_at_the_words_selected_in_the_post(browser, live_server):
    UserFactory(username="eddie", groups=["Editors"])
    post = PostFactory(
        title=TITLE, draft=True, review_state="in_review", body="<p>Nobody reads the log.</p>"
    )

    editor = log_in(browser, live_server, "eddie")
    editor.goto(f"/admin/blog/post/{post.pk}/change/")
    use_selection = editor.get_by_role("button", name="Use the words selected in the post")
    use_selection.click()
    expect(editor.locator("#quote-hint")).to_have_text(re.compile("Select some words"))
    editor.locator(".ProseMirror[contenteditable=true] p").click()
    editor.keyboard.press("End")
    editor.keyboard.press("Shift+Home")
    use_selection.click()
    expect(editor.get_by_label("About the passage:")).to_have_value("Nobody reads the log.")
    editor.get_by_label("Note:", exact=True).fill("Who should?")
    editor.get_by_role("button", name="Add note").click()

    expect(editor.locator("#notes .note-passage")).to_have_text("“Nobody reads the log.”")
    expect(editor.locator("#notes")).to_contain_text("Who should?")


@pytest.mark.parametrize(
    ("username", "address"),
    [
        ("eddie", "/admin/"),
        ("eddie", "/admin/blog/post/{post}/change/"),
        ("cora", "/admin/"),
        ("cora", "/admin/blog/post/{post}/change/"),
    ],
)
def test_the_desks_pages_have_no_serious_accessibility_violations(
    browser, live_server, username, address
):
    contributor = UserFactory(username="cora", groups=["Contributors"])
    AuthorFactory(user=contributor, display_name="Cora Guest", slug="cora-guest")
    editor_user = UserFactory(username="eddie", groups=["Editors"])
    post = PostFactory(
        title=TITLE,
        author=contributor.author,
        draft=True,
        body="<p>Nobody reads the log.</p>",
    )
    review.submit_for_review(post=post, by=contributor)
    review.request_changes(post=post, by=editor_user, note=NOTE)
    if username == "eddie":
        review.submit_for_review(post=post, by=contributor)

    page = log_in(browser, live_server, username)
    page.goto(address.format(post=post.pk))
    page.wait_for_load_state("networkidle")
    page.evaluate(f"() => {{ {AXE.read_text(encoding='utf-8')}\n}}")
    results = json.loads(page.evaluate("async () => JSON.stringify(await axe.run(document))"))
    violations = [v for v in results["violations"] if v["impact"] in BLOCKING]
    assert not violations, f"{username} on {address}:\n{describe(violations)}"
