"""An editor names a co-author in the post form; readers follow a series from part to part."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.test_authoring import watch_console
from tests.factories import AuthorFactory, PostFactory, SeriesFactory, UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_an_editor_names_a_co_author_and_the_post_joins_their_blog(browser, live_server, page):
    UserFactory(username="editor", groups=["Editors"])
    ian = AuthorFactory(display_name="Ian Clayton", slug="ian-clayton")
    AuthorFactory(display_name="Ken Turbitt", slug="ken-turbitt")
    post = PostFactory(author=ian, title="Two views of the service desk")

    desk = browser.new_context(base_url=live_server.url).new_page()
    desk.set_default_timeout(10_000)
    problems = watch_console(desk)
    desk.goto("/admin/")
    desk.get_by_label("Username or email").fill("editor")
    desk.get_by_label("Password").fill("correct horse battery staple")
    desk.get_by_role("button", name="Log in", exact=True).click()
    desk.goto(f"/admin/blog/post/{post.pk}/change/")
    desk.get_by_role("button", name="Add another co-author").click()
    # The admin's autocomplete: open it, type part of the name, choose the columnist.
    desk.locator("#post_authors-group .select2-selection").first.click()
    desk.locator(".select2-search__field").fill("Turb")
    desk.locator(".select2-results__option", has_text="Ken Turbitt").click()
    desk.locator("input[name=post_authors-0-position]").fill("1")
    desk.get_by_role("button", name="Save", exact=True).click()
    expect(desk.locator(".messagelist")).to_contain_text("was changed successfully")
    assert problems == []

    page.goto("/authors/ken-turbitt/")
    card = page.locator("article.card", has_text="Two views of the service desk")
    expect(card.locator(".byline")).to_contain_text("Ian Clayton and Ken Turbitt")
    card.get_by_role("link", name="Ken Turbitt").click()
    expect(page).to_have_url(f"{live_server.url}/authors/ken-turbitt/")


def test_a_reader_follows_a_series_and_sees_only_the_number_of_the_part_to_come(page):
    author = AuthorFactory(display_name="Priya Raman", slug="priya-raman")
    series = SeriesFactory(name="Living with the standard", slug="living", author=author)
    now = timezone.now()
    first = PostFactory(
        author=author,
        series=series,
        series_part=1,
        title="What the certificate says",
        published_at=now - datetime.timedelta(days=20),
    )
    PostFactory(
        author=author,
        series=series,
        series_part=2,
        title="The surveillance audit",
        published_at=now - datetime.timedelta(days=10),
    )
    PostFactory(
        author=author, series=series, series_part=3, title="The recertification secret",
        draft=True,
    )  # fmt: skip

    page.goto(first.get_absolute_url())
    expect(page.locator(".series-part")).to_have_text(
        "Part 1 of 3 in the series Living with the standard"
    )
    parts = page.get_by_role("navigation", name="The series: Living with the standard")
    expect(parts.locator("li")).to_have_text(
        ["What the certificate says", "The surveillance audit", "Coming next: part 3"]
    )
    parts.get_by_role("link", name="The surveillance audit").click()
    expect(page.locator(".series-part")).to_contain_text("Part 2 of 3")
    page.locator(".series-part").get_by_role("link", name="Living with the standard").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Living with the standard")
    expect(page.locator(".series-coming")).to_have_text("Coming next: part 3")
    expect(page.locator("body")).not_to_contain_text("recertification secret")
