"""The editorial calendar in Chromium: an editor drags a scheduled column to another day."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from blog.models import Post
from tests.e2e.test_authoring import watch_console
from tests.factories import AuthorFactory, PostFactory, UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture
def scheduled():
    """A column scheduled for 10:15 on Tuesday of next week; that week's Tuesday and Thursday."""
    UserFactory(username="editor", groups=["Editors"])
    columnist = AuthorFactory(display_name="Ada Author", slug="ada-author", rhythm="every Tuesday")
    today = timezone.localdate()
    # Both days on one week's page.
    tuesday = today + datetime.timedelta(days=7 - today.weekday() + 1)
    thursday = tuesday + datetime.timedelta(days=2)
    at = timezone.make_aware(datetime.datetime.combine(tuesday, datetime.time(10, 15)))
    post = PostFactory(author=columnist, title="Change without fear", published_at=at)
    return post, tuesday, thursday


def open_week(page, day):
    """Log in as the editor and open the calendar's week of day, from the admin's index."""
    page.goto("/admin/")
    page.get_by_label("Username or email").fill("editor")
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in", exact=True).click()
    page.get_by_role("link", name="Editorial calendar").click()
    expect(page.get_by_role("heading", name="Editorial calendar")).to_be_visible()
    page.get_by_role("link", name="Week", exact=True).click()
    while not page.locator(f'td[data-date="{day.isoformat()}"]').count():
        page.get_by_role("link", name="Next week →").click()


def test_an_editor_drags_a_scheduled_column_to_another_day(browser, live_server, scheduled):
    post, tuesday, thursday = scheduled
    page = browser.new_context(base_url=live_server.url).new_page()
    page.set_default_timeout(10_000)
    problems = watch_console(page)
    open_week(page, tuesday)

    entry = page.locator(f'li.cal-post[data-post="{post.pk}"]')
    tuesday_cell = page.locator(f'td[data-date="{tuesday.isoformat()}"]')
    thursday_cell = page.locator(f'td[data-date="{thursday.isoformat()}"]')
    expect(tuesday_cell.locator(".cal-slot")).to_have_text(re.compile("Ada Author:\\s+filled"))
    expect(page.get_by_text("Drag a scheduled column to another day")).to_be_visible()

    entry.drag_to(thursday_cell)

    expect(page.get_by_role("status")).to_have_text(
        f"“Change without fear” is now scheduled for {thursday:%A %-d %B %Y} at 10:15."
    )
    expect(thursday_cell.locator(f'li[data-post="{post.pk}"]')).to_be_visible()
    post.refresh_from_db()
    assert timezone.localtime(post.published_at) == timezone.make_aware(
        datetime.datetime.combine(thursday, datetime.time(10, 15))
    )
    # The page, loaded again, agrees with the database.
    page.reload()
    expect(thursday_cell.get_by_role("link", name="Change without fear")).to_be_visible()
    expect(tuesday_cell.get_by_role("link", name="Change without fear")).to_have_count(0)
    assert Post.objects.get(pk=post.pk).is_scheduled()
    assert problems == []


def test_without_javascript_the_move_form_moves_the_column(browser, live_server, scheduled):
    post, tuesday, thursday = scheduled
    page = browser.new_context(base_url=live_server.url, java_script_enabled=False).new_page()
    page.set_default_timeout(10_000)
    open_week(page, tuesday)
    expect(page.get_by_text("Drag a scheduled column to another day")).to_be_hidden()

    page.get_by_text("Move “Change without fear”").click()
    page.get_by_label("Move to").fill(thursday.isoformat())
    page.get_by_role("button", name="Move", exact=True).click()

    expect(page.locator(".messagelist")).to_contain_text(
        f"“Change without fear” is now scheduled for {thursday:%A %-d %B %Y} at 10:15."
    )
    thursday_cell = page.locator(f'td[data-date="{thursday.isoformat()}"]')
    expect(thursday_cell.get_by_role("link", name="Change without fear")).to_be_visible()
    post.refresh_from_db()
    assert timezone.localdate(post.published_at) == thursday
