"""A reader in a real Chromium: the home page, a post, a columnist's blog, on desktop and phone."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import CommentFactory, PostFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture
def posts(author, other_author):
    return [
        PostFactory(title="Why the change board said no", author=author, excerpt="A refusal."),
        PostFactory(title="Counting calls is not measuring", author=other_author),
    ]


def test_reader_goes_from_home_to_a_post_and_the_columnists_blog(page, posts):
    page.goto("/")
    expect(page.get_by_role("heading", name="Why the change board said no")).to_be_visible()
    expect(page.get_by_role("heading", name="Counting calls is not measuring")).to_be_visible()

    page.get_by_role("link", name="Read more of “Why the change board said no”").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Why the change board said no")
    page.get_by_role("main").get_by_role("link", name="Ada Author", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ada Author Blog")
    expect(page.get_by_text("Counting calls is not measuring")).to_have_count(0)


def test_keyboard_reader_can_skip_to_the_content(page, posts):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()


def test_phone_reader_gets_the_page_without_sideways_scrolling(phone, posts):
    # A hostile comment: one endless word, markup, direction overrides, a long body.
    CommentFactory(post=posts[0], name="W" * 80, body="x" * 3000 + " <b>\u202e" + "y " * 4000)
    phone.goto(posts[0].get_absolute_url())

    expect(phone.get_by_role("heading", level=1)).to_be_visible()
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_cards_name_the_columnist_and_offer_a_compact_labelled_my_button(phone, posts):
    phone.goto("/")
    card = phone.get_by_role("article").filter(has_text="Why the change board said no")

    expect(card.get_by_role("link", name="Ada Author", exact=True)).to_be_visible()
    button = card.get_by_role("link", name=re.compile(r"^Add to MY Review\W+Why the change board"))
    expect(button).to_be_visible()
    box = button.bounding_box()
    assert box["width"] <= 44
    assert box["height"] <= 44


def test_a_short_post_on_a_phone_is_a_short_page(phone, posts, author):
    # The whole sidebar used to follow the article: seven screens for a one-minute read.
    for n in range(12):
        PostFactory(author=author, title=f"Another column {n}")
    phone.goto(posts[0].get_absolute_url())

    expect(phone.get_by_role("heading", name="More from Ada Author")).to_be_attached()
    sidebar = phone.get_by_role("complementary").bounding_box()
    assert sidebar["height"] < 740
    assert phone.evaluate("document.documentElement.scrollHeight") < 5 * 740
