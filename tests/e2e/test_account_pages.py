"""The account pages (allauth's) are the publication's pages: its header, its words, its forms."""

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

VIEWPORTS = {"desk": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}
ANONYMOUS_PAGES = {
    "/accounts/login/": "Log in",
    "/accounts/signup/": "Sign up",
    "/accounts/password/reset/": "Password Reset",
}
SIGNED_IN_PAGES = {
    "/accounts/password/change/": "Change Password",
    "/accounts/email/": "Email Addresses",
    "/my/delete-account/": "Delete",
}


@pytest.fixture(params=VIEWPORTS.keys())
def reader_page(request, browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport=VIEWPORTS[request.param])
    yield context.new_page()
    context.close()


def assert_site_page(page, heading):
    expect(page.get_by_role("link", name="The Service Desk Review")).to_be_visible()
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
    expect(page.locator("form.account-form, main form").first).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_account_pages_carry_the_sites_header_and_words(reader_page):
    for path, heading in ANONYMOUS_PAGES.items():
        reader_page.goto(path)
        assert_site_page(reader_page, heading)
    expect(reader_page.get_by_text("Sign In")).to_have_count(0)


def test_a_reader_logs_in_with_the_sites_wording_and_reaches_every_account_page(reader_page):
    UserFactory(username="keenreader")
    reader_page.goto("/")
    reader_page.get_by_role("link", name="Log in").click()
    expect(reader_page.get_by_role("heading", level=1)).to_have_text("Log in")
    reader_page.get_by_label("Username or email").fill("keenreader")
    reader_page.get_by_label("Password:").fill("correct horse battery staple")
    reader_page.get_by_role("button", name="Log in", exact=True).click()
    expect(reader_page.get_by_role("button", name="Log out")).to_be_attached()

    for path, heading in SIGNED_IN_PAGES.items():
        reader_page.goto(path)
        assert_site_page(reader_page, heading)
