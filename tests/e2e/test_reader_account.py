"""A reader signs up, confirms, saves a post, follows its columnist and passes the post on."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.factories import PostFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_sign_up_save_follow_and_send_to_a_colleague(page, author):
    post = PostFactory(title="Capacity is a promise", author=author)
    mail.outbox = []

    page.goto("/")
    page.get_by_role("link", name="Sign up").click()
    page.get_by_label("Email").fill("reader@example.com")
    page.get_by_label("Username").fill("keenreader")
    page.get_by_label("Password:", exact=True).fill("a-Long-pass-phrase-9")
    page.get_by_label("Password (again)").fill("a-Long-pass-phrase-9")
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Verify Your Email Address")

    link = re.search(r"http://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()

    page.goto(post.get_absolute_url())
    page.get_by_role("button", name="Add to MY Review").click()
    expect(page.get_by_role("button", name="Remove from MY Review")).to_be_visible()
    page.get_by_role("button", name="Follow Ada Author").click()
    expect(page.get_by_role("button", name="Unfollow Ada Author")).to_be_visible()

    page.get_by_role("link", name="MY Review").click()
    saved = page.get_by_role("region", name="Saved columns")
    expect(saved.get_by_role("link", name="Capacity is a promise").first).to_be_visible()
    following = page.get_by_role("region", name="From the columnists you follow")
    expect(following.get_by_role("link", name="Ada Author Blog").first).to_be_visible()
    expect(following.get_by_role("button", name="Unfollow Ada Author")).to_be_visible()

    page.goto(post.get_absolute_url())
    page.get_by_role("link", name="Send to a colleague").click()
    page.get_by_label("Your colleague's email").fill("colleague@example.com")
    page.get_by_label("Your name").fill("Keen Reader")
    page.get_by_label("A short note (optional)").fill("Worth ten minutes before the review.")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Sent “Capacity is a promise” to 1 colleague"
    )
