"""Every section within reach on a desk and on a phone, the one being read marked."""

import pytest
from playwright.sync_api import expect

from tests.factories import CategoryFactory, PostFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

SECTION_NAMES = [f"Desk {n}" for n in range(1, 8)]


@pytest.fixture
def sections(author):
    categories = [CategoryFactory(name=name) for name in SECTION_NAMES]
    for category in categories:
        PostFactory(author=author, category=category)
    return categories


@pytest.fixture
def desk(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.fixture
def narrow_phone(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 812}, is_mobile=True
    )
    yield context.new_page()
    context.close()


def main_nav(page):
    return page.get_by_role("navigation", name="Main")


def test_desk_reader_sees_every_section_without_opening_a_menu(desk, sections):
    desk.goto("/")
    nav = main_nav(desk)
    expect(nav.get_by_text("Menu")).to_be_hidden()
    for name in ["Home", "Columnists", *SECTION_NAMES, "About"]:
        expect(nav.get_by_role("link", name=name, exact=True)).to_be_in_viewport()
    expect(nav.get_by_role("link", name="Home")).to_have_attribute("aria-current", "page")


def test_phone_reader_opens_the_menu_and_reaches_every_section(narrow_phone, sections):
    narrow_phone.goto("/")
    nav = main_nav(narrow_phone)
    expect(nav.get_by_role("link", name="Desk 7")).to_be_hidden()

    nav.get_by_text("Menu").click()
    for name in ["Home", "Columnists", *SECTION_NAMES, "About"]:
        link = nav.get_by_role("link", name=name, exact=True)
        link.scroll_into_view_if_needed()
        expect(link).to_be_in_viewport()
    nav.get_by_role("link", name="Desk 7").click()

    expect(narrow_phone.get_by_role("heading", level=1)).to_have_text("Desk 7")
    nav.get_by_text("Menu").click()
    expect(nav.get_by_role("link", name="Desk 7")).to_have_attribute("aria-current", "page")
    expect(nav.locator("[aria-current]")).to_have_count(1)
    overflow = narrow_phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_a_posts_section_is_marked_as_the_one_being_read(desk, sections):
    post = sections[2].posts.get()
    desk.goto(post.get_absolute_url())

    nav = main_nav(desk)
    expect(nav.get_by_role("link", name="Desk 3")).to_have_attribute("aria-current", "true")
    expect(nav.locator("[aria-current]")).to_have_count(1)


def test_phone_menu_works_without_javascript(browser, live_server, sections):
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 375, "height": 812},
        is_mobile=True,
        java_script_enabled=False,
    )
    page = context.new_page()
    page.goto("/")
    main_nav(page).get_by_text("Menu").click()
    main_nav(page).get_by_role("link", name="Desk 3").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Desk 3")
    context.close()
