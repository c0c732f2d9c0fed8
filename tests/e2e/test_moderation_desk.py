"""The moderation desk in Chromium, on a laptop and on a phone: read in full, decide at once."""

import re

import pytest
from playwright.sync_api import expect

from comments.models import Comment
from tests.factories import CommentFactory, PostFactory, UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

SCREENS = {"laptop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}
LONG_TEXT = (
    "We tried the handover checklist for a month. The first week nobody filled it in, the "
    "second week everyone did, and by the fourth the night shift had rewritten it entirely, "
    "with https://example.com/a-rather-long-address/that-runs/without-any-spaces-at-all in "
    "it. The closing line is the one the old queue never showed."
)


@pytest.fixture(params=SCREENS, ids=list(SCREENS))
def moderator_page(request, browser, live_server):
    """A moderator signed in to the admin, on the screen the test is run for."""
    UserFactory(username="moderator", groups=["Moderators"])
    context = browser.new_context(base_url=live_server.url, viewport=SCREENS[request.param])
    page = context.new_page()
    page.goto("/admin/")
    page.get_by_label("Username or email").fill("moderator")
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in", exact=True).click()
    yield page
    context.close()


def open_desk(page):
    page.goto("/admin/")
    page.get_by_role("link", name="await moderation").click()
    expect(page.get_by_role("heading", name="Moderation desk")).to_be_visible()


def test_the_desk_shows_every_comment_in_full_without_sideways_scrolling(moderator_page):
    post = PostFactory(title="A title long enough to have taken most of the old queue's width")
    CommentFactory(post=post, status="pending", name="Rebeca", location="México", body=LONG_TEXT)
    CommentFactory(post=post, status="pending", name="Tom", body="Short and to the point.")

    open_desk(moderator_page)

    for name, text in (("Rebeca", LONG_TEXT), ("Tom", "Short and to the point.")):
        body = moderator_page.get_by_role("article", name=name).locator(".desk-body")
        expect(body).to_be_visible()
        expect(body).to_have_text(text)
    expect(moderator_page.get_by_text("(México)")).to_be_visible()
    assert moderator_page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth"), (
        moderator_page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
    )


def test_one_click_approves_and_readers_see_the_comment(moderator_page, browser, live_server):
    post = PostFactory(title="What the night shift knows")
    CommentFactory(post=post, status="pending", name="Rebeca", body="Our logbook saves us.")
    CommentFactory(post=post, status="pending", name="Tom", body="Still waiting.")

    open_desk(moderator_page)
    rebeca = moderator_page.get_by_role("article", name="Rebeca")
    rebeca.get_by_role("button", name="Approve", exact=True).click()

    expect(moderator_page.get_by_text("Approved 1 comment.")).to_be_visible()
    expect(moderator_page.get_by_role("article", name="Rebeca")).to_have_count(0)
    reader = browser.new_context(base_url=live_server.url).new_page()
    reader.goto(post.get_absolute_url())
    expect(reader.get_by_text("Our logbook saves us.")).to_be_visible()
    expect(reader.get_by_text("Still waiting.")).to_have_count(0)
    reader.context.close()


def test_keys_move_between_comments_and_decide(moderator_page):
    post = PostFactory()
    for name in ("Ana", "Ben", "Cy"):
        CommentFactory(post=post, status="pending", name=name, body=f"{name} writes.")

    open_desk(moderator_page)
    # The keys are the script's: once it runs, the first comment is the current one.
    expect(moderator_page.get_by_role("article", name="Ana")).to_have_class(
        re.compile("is-current")
    )
    expect(moderator_page.get_by_text("Keys: j next")).to_be_visible()
    moderator_page.keyboard.press("j")
    moderator_page.keyboard.press("j")
    moderator_page.keyboard.press("k")
    expect(moderator_page.get_by_role("article", name="Ben")).to_be_focused()
    moderator_page.keyboard.press("a")

    expect(moderator_page.get_by_text("Approved 1 comment.")).to_be_visible()
    statuses = {c.name: c.status for c in Comment.objects.all()}
    assert statuses == {"Ana": "pending", "Ben": "approved", "Cy": "pending"}
