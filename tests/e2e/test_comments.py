"""A reader comments, a moderator approves, everyone reads it: in a real Chromium."""

import time

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from comments.models import Comment
from tests.factories import CommentFactory, PostFactory, UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_a_comment_goes_from_reader_to_moderator_to_everyone(browser, live_server, settings):
    settings.COMMENTS_MIN_SECONDS = 1
    post = PostFactory(title="What the night shift knows")
    UserFactory(username="moderator", groups=["Moderators"])

    reader = browser.new_context(base_url=live_server.url).new_page()
    reader.goto(post.get_absolute_url())
    reader.get_by_label("Name").fill("Rebeca")
    reader.get_by_label("Email").fill("rebeca@example.com")
    reader.get_by_label("Where you are (optional)").fill("México")
    reader.get_by_role("textbox", name="Comment").fill(
        "Our night shift keeps a logbook. It saves us."
    )
    time.sleep(1.1)  # a person takes longer than the form's minimum time
    reader.get_by_role("button", name="Send comment").click()

    expect(reader.get_by_role("status")).to_contain_text("Your comment awaits moderation")
    expect(
        reader.get_by_text("Awaiting moderation — only you can see this for now.")
    ).to_be_visible()

    stranger = browser.new_context(base_url=live_server.url).new_page()
    stranger.goto(post.get_absolute_url())
    expect(stranger.get_by_text("Our night shift keeps a logbook.")).to_have_count(0)

    moderator = browser.new_context(base_url=live_server.url).new_page()
    moderator.goto("/admin/")
    moderator.get_by_label("Username or email").fill("moderator")
    moderator.get_by_label("Password").fill("correct horse battery staple")
    moderator.get_by_role("button", name="Log in", exact=True).click()
    moderator.get_by_role("link", name="1 comment awaits moderation").click()
    moderator.get_by_role("article", name="Rebeca").get_by_role("button", name="Approve").click()
    expect(moderator.get_by_text("Approved 1 comment.")).to_be_visible()

    stranger.reload()
    expect(stranger.get_by_text("Our night shift keeps a logbook. It saves us.")).to_be_visible()
    expect(stranger.get_by_text("Rebeca", exact=True)).to_be_visible()
    expect(stranger.get_by_text("(México)")).to_be_visible()


def test_a_comment_stacked_with_marks_draws_nothing_over_the_one_above(page):
    # Stored as an earlier release took it, before marks were limited on the way in.
    stacked = "Z" + "\u0301\u0300\u0302" * 100 + " stacked high"
    looks = []
    for body in ("Z stacked high", stacked):
        post = PostFactory()
        above = CommentFactory(post=post, name="Above", body="The comment above.")
        below = CommentFactory(post=post, name="Below", body="placeholder")
        Comment.objects.filter(pk=below.pk).update(body=body)  # past the form's cleaning
        Comment.objects.filter(post=post).update(created_at=timezone.now().replace(second=0))
        page.goto(post.get_absolute_url())
        looks.append(page.locator(f"#comment-{above.pk}").screenshot())

    plain, beside_stacked = looks
    assert beside_stacked == plain
