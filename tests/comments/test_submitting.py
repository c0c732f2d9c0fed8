"""A reader sends a comment: what is stored, what they are told, what stops abuse."""

import datetime
import re
import unicodedata
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comments.models import BlockRule, Comment
from tests.comments.conftest import comment_data
from tests.factories import CommentFactory, PostFactory, UserFactory

pytestmark = pytest.mark.django_db


def send(client, post, **overrides):
    return client.post(reverse("comments:post", kwargs={"pk": post.pk}), comment_data(**overrides))


def test_comment_is_held_and_the_reader_told_and_shown_it_alone(client, post):
    response = send(client, post)

    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert (comment.name, comment.location, comment.email) == (
        "Rebeca", "México", "rebeca@example.com",
    )  # fmt: skip
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"{post.get_absolute_url()}#comment-{comment.pk}"

    page = client.get(post.get_absolute_url()).text
    assert "awaits moderation" in page
    assert "Awaiting moderation — only you can see this for now." in page
    assert "Our desk tried this." in page

    stranger = Client().get(post.get_absolute_url()).text
    assert "Our desk tried this." not in stranger


def test_an_invalid_comment_comes_back_with_everything_typed(client, post):
    response = send(client, post, email="not-an-address")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not Comment.objects.exists()
    content = response.text
    assert "Enter a valid email address." in content
    assert 'value="Rebeca"' in content
    assert 'value="México"' in content
    assert "Our desk tried this." in content


def test_the_honeypot_stops_a_robot(client, post):
    response = send(client, post, website="http://spam.example")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "could not be accepted" in response.text
    assert not Comment.objects.exists()


def test_too_many_links_are_refused(client, post, settings):
    settings.COMMENTS_MAX_LINKS = 2
    body = "See http://a.example and https://b.example and www.c.example"

    response = send(client, post, body=body)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "at most 2 links" in response.text
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("email", "rebeca@example.com"),
        ("email", "@example.com"),
        ("ip", "127.0.0.1"),
        ("ip", "127.0.0.0/8"),
    ],
)
def test_a_blocked_sender_is_refused_politely(client, post, kind, value):
    BlockRule.objects.create(kind=kind, value=value)

    response = send(client, post)

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert "Comments from this address are not accepted" in response.text
    assert "Our desk tried this." in response.text
    assert not Comment.objects.exists()


def test_a_blocked_word_stores_the_comment_as_spam(client, post):
    BlockRule.objects.create(kind="word", value="casino")

    response = send(client, post, body="Best CASINO bonus here")

    assert response.status_code == HTTPStatus.FOUND
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.SPAM
    assert comment.spam_reason == "Blocked word: casino"


def test_the_rate_limit_per_ip_refuses_the_sixth_comment(client, post, settings):
    settings.COMMENTS_RATE_PER_IP = "5/10m"
    settings.COMMENTS_RATE_PER_EMAIL = "100/10m"
    for n in range(5):
        assert send(client, post, email=f"reader{n}@example.com").status_code == HTTPStatus.FOUND

    response = send(client, post, email="reader6@example.com", body="Sixth")

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Please wait a few minutes" in response.text
    assert "Sixth" in response.text
    assert Comment.objects.count() == 5


def test_the_rate_limit_per_email_holds_across_addresses(post, settings):
    settings.COMMENTS_RATE_PER_IP = "100/10m"
    settings.COMMENTS_RATE_PER_EMAIL = "3/10m"
    statuses = [send(Client(REMOTE_ADDR=f"203.0.113.{n}"), post).status_code for n in range(4)]

    assert statuses == [HTTPStatus.FOUND] * 3 + [HTTPStatus.TOO_MANY_REQUESTS]


def test_comments_closed_on_a_post_refuse_and_hide_the_form(client, author):
    post = PostFactory(author=author, allow_comments=False)

    assert "Comments on this post are closed." in client.get(post.get_absolute_url()).text
    response = send(client, post)
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not Comment.objects.exists()


def test_comments_close_by_themselves_after_the_configured_days(client, settings, author):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    fresh = PostFactory(author=author, published_at=timezone.now() - datetime.timedelta(days=29))
    old = PostFactory(author=author, published_at=timezone.now() - datetime.timedelta(days=31))

    assert send(client, fresh).status_code == HTTPStatus.FOUND
    assert send(client, old).status_code == HTTPStatus.FORBIDDEN


def test_a_draft_takes_no_comments(client, author):
    draft = PostFactory(author=author, draft=True)

    assert send(client, draft).status_code == HTTPStatus.NOT_FOUND


def test_a_signed_in_reader_finds_name_and_email_filled_in(client, post):
    reader = UserFactory(first_name="Rebeca", last_name="Lopez", email="rl@example.com")
    client.force_login(reader)

    content = client.get(post.get_absolute_url()).text

    assert 'value="Rebeca Lopez"' in content
    assert 'value="rl@example.com"' in content


def test_a_reader_who_signed_up_with_a_username_only_finds_it_as_the_name(client, post):
    # Sign-up asks for an email and a username, not a full name.
    client.force_login(UserFactory(username="keenreader", email="keen@example.com"))

    content = client.get(post.get_absolute_url()).text

    assert re.search(r'<input[^>]*name="name"[^>]*value="keenreader"', content)


def test_the_posts_author_replies_at_once_marked_as_the_author(client, post):
    parent = CommentFactory(post=post)
    client.force_login(post.author.user)

    send(client, post, name="Ada Author", parent=parent.pk, body="Thank you!")

    reply = Comment.objects.get(parent=parent)
    assert reply.is_by_post_author
    assert reply.is_public()
    content = Client().get(post.get_absolute_url()).text
    assert "Thank you!" in content
    assert '<span class="badge">Author</span>' in content


def test_a_reply_to_a_reply_joins_the_first_comments_thread(client, post):
    first = CommentFactory(post=post)
    reply = CommentFactory(post=post, parent=first)

    send(client, post, parent=reply.pk)

    assert Comment.objects.latest("pk").parent == first


def test_a_trusted_commenter_is_approved_at_once_when_configured(client, post, settings):
    settings.COMMENTS_AUTO_APPROVE_AFTER = 2
    CommentFactory.create_batch(2, email="rebeca@example.com")

    send(client, post)

    assert Comment.objects.latest("pk").status == Comment.Status.APPROVED


def test_trust_is_off_by_default(client, post):
    CommentFactory.create_batch(5, email="rebeca@example.com")

    send(client, post)

    assert Comment.objects.latest("pk").status == Comment.Status.PENDING


def test_an_unreachable_akismet_never_fails_the_site(client, post, settings):
    settings.AKISMET_API_KEY = "a-key-for-a-service-that-cannot-be-reached"
    settings.AKISMET_SITE_URL = "http://127.0.0.1:8000"
    settings.AKISMET_TIMEOUT = 1

    response = send(client, post)

    assert response.status_code == HTTPStatus.FOUND
    assert Comment.objects.get().status == Comment.Status.PENDING


def test_control_and_direction_override_characters_are_removed(client, post):
    send(client, post, name="Eve\u202eredaeR", body="Hi\x07 there\u2066")

    comment = Comment.objects.get()
    assert comment.name == "EveredaeR"
    assert comment.body == "Hi there"


def test_a_comment_of_the_full_length_counts_each_line_break_once(client, post):
    paragraph = "Our desk tried this and the queue halved within a week. " * 10  # 570
    typed = "\n".join([paragraph.strip()] * 20)[:10_000]
    assert len(typed) == 10_000

    # Browsers send each line break of a text box as CR LF.
    response = send(client, post, body=typed.replace("\n", "\r\n"))

    assert response.status_code == HTTPStatus.FOUND
    assert Comment.objects.get().body == typed.strip()


def test_stacked_combining_marks_are_cut_to_a_few_per_character(client, post):
    zalgo = "Z" + "\u0301\u0336\u0489" * 100 + "ut"  # 300 marks stacked on one letter

    send(
        client, post, name="Ca\u0301\u0301\u0301\u0301\u0301\u0301rl", body=zalgo + " on Ti\u1ec7p"
    )

    comment = Comment.objects.get()
    letter, rest = unicodedata.normalize("NFD", comment.body).split("ut", 1)
    assert letter[0] == "Z" and len(letter) == 1 + 4
    assert rest == unicodedata.normalize("NFD", " on Ti\u1ec7p")  # Vietnamese keeps its two
    assert comment.name == unicodedata.normalize("NFC", "Ca\u0301\u0301\u0301\u0301rl")
