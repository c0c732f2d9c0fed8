"""The newsroom in Chromium: its log-in, and the post form's typing aids."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.sessions import log_in
from tests.factories import AuthorFactory, PostFactory, UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]
PASSWORD = "correct horse battery staple"


def type_log_in(page, login, password):
    page.get_by_label("Username or email").fill(login)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in", exact=True).click()


def test_staff_log_in_on_the_newsrooms_page_and_land_in_the_admin(page):
    UserFactory(username="editor", groups=["Editors"])

    page.goto("/admin/")

    expect(page.get_by_role("heading", name="Newsroom log-in")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("sign up", re.IGNORECASE))).to_have_count(0)
    type_log_in(page, "editor", PASSWORD)
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.get_by_role("heading", name="Newsroom", exact=True)).to_be_visible()


def test_a_reader_is_told_the_newsroom_is_not_theirs(page):
    UserFactory(username="reader")

    page.goto("/admin/")
    type_log_in(page, "reader", PASSWORD)

    expect(page.get_by_text("this account is a reader's")).to_be_visible()
    expect(page.get_by_role("link", name="readers' log-in page")).to_have_attribute(
        "href", "/accounts/login/"
    )


def test_five_wrong_passwords_lock_the_newsroom_account_out(page):
    UserFactory(username="editor", groups=["Editors"])
    page.goto("/admin/")
    for _ in range(5):
        type_log_in(page, "editor", "wrong")
        expect(page.get_by_text("are not correct")).to_be_visible()

    type_log_in(page, "editor", PASSWORD)

    expect(page.get_by_text("Too many failed login attempts")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/admin/login/"))


@pytest.fixture
def columnist_page(page):
    author = AuthorFactory(user=UserFactory(username="ada", groups=["Authors"]))
    PostFactory(author=author, tags=["service desks", "rotas"])
    PostFactory(tags=["service desks", "servers"])
    page.goto("/")
    log_in(page, author.user)
    page.goto("/admin/blog/post/add/")
    return page


def test_the_body_editor_is_named_and_spell_checked(columnist_page):
    editor = columnist_page.get_by_role("textbox", name="Body")

    expect(editor).to_have_attribute("contenteditable", "true")
    expect(editor).to_have_attribute("spellcheck", "true")
    expect(columnist_page.locator("#id_title")).to_have_attribute("spellcheck", "true")


def test_the_title_box_is_as_wide_as_the_form_and_the_excerpt_is_short(columnist_page):
    title = columnist_page.locator("#id_title").bounding_box()
    row = columnist_page.locator("fieldset", has=columnist_page.locator("#id_title"))
    row = row.bounding_box()
    excerpt = columnist_page.locator("#id_excerpt").bounding_box()

    assert title["width"] > row["width"] * 0.7, (title, row)
    assert excerpt["height"] < 100, excerpt


def test_typing_a_tag_suggests_existing_ones_most_used_first(columnist_page):
    tags = columnist_page.locator("#id_tags")
    tags.press_sequentially("rotas, se")

    options = columnist_page.locator("#id_tags-suggestions option")
    expect(options).to_have_count(2)
    values = [options.nth(i).get_attribute("value") for i in range(2)]
    assert values == ["rotas, service desks", "rotas, servers"]


def test_an_authors_list_gives_titles_room_and_no_author_column(page):
    author = AuthorFactory(user=UserFactory(username="ada", groups=["Authors"]))
    PostFactory(author=author, title="What a Monday morning queue really tells you about staffing")
    page.set_viewport_size({"width": 1024, "height": 800})
    page.goto("/")
    log_in(page, author.user)

    page.goto("/admin/blog/post/")

    expect(page.locator("#result_list th.column-author")).to_have_count(0)
    title = page.locator("#result_list th.field-title").first.bounding_box()
    line = page.locator("#result_list th.field-title a").first.evaluate(
        "link => parseFloat(getComputedStyle(link).lineHeight)"
    )
    assert title["width"] >= 250, title
    # Three lines at most, where the squeezed column took a line a word.
    assert title["height"] <= 3 * line + 20, (title, line)
