"""Send to a colleague: the mail is right, and the form can never become an open relay."""

from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories import PostFactory

pytestmark = pytest.mark.django_db(transaction=True)


def run_worker():
    call_command("worker", "--batch", "--no-startup-delay", verbosity=0)


@pytest.fixture
def post(author):
    return PostFactory(title="Why handovers fail", author=author, excerpt="A short excerpt.")


def send(client, post, **overrides):
    data = {"recipients": "colleague@example.com", "sender_name": "Rebeca", "note": ""}
    data.update(overrides)
    return client.post(reverse("readers:send", kwargs={"pk": post.pk}), data)


def test_the_colleague_gets_a_plain_and_html_mail_sent_in_the_background(
    client, post, mailoutbox, settings
):
    settings.DEFAULT_FROM_EMAIL = "newsroom@example.com"
    response = send(client, post, note="Read this before Monday's review.")

    assert response.status_code == HTTPStatus.FOUND
    assert mailoutbox == []
    run_worker()

    (message,) = mailoutbox
    assert message.to == ["colleague@example.com"]
    assert message.from_email == "newsroom@example.com"
    assert message.subject == "Rebeca sent you “Why handovers fail”"
    assert "Read this before Monday's review." in message.body
    assert "A short excerpt." in message.body
    assert "Ada Author" in message.body
    assert f"http://127.0.0.1:8000{post.get_absolute_url()}" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "Why handovers fail" in html


def test_up_to_five_colleagues_each_get_their_own_mail(client, post, mailoutbox):
    addresses = [f"c{n}@example.com" for n in range(5)]

    send(client, post, recipients=", ".join(addresses))
    run_worker()

    assert sorted(m.to[0] for m in mailoutbox) == addresses
    assert all(len(m.to) == 1 and not m.cc and not m.bcc for m in mailoutbox)


def test_six_colleagues_are_refused_and_the_form_kept(client, post, mailoutbox):
    addresses = ", ".join(f"c{n}@example.com" for n in range(6))

    response = send(client, post, recipients=addresses, note="Keep me")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "at most 5 colleagues" in response.text
    assert "Keep me" in response.text


@pytest.mark.parametrize("field", ["recipients", "sender_name", "note"], ids=["to", "name", "note"])
def test_a_newline_in_any_field_cannot_add_a_header(client, post, mailoutbox, field):
    injected = {
        "recipients": "colleague@example.com\nBcc: victim@example.com",
        "sender_name": "Rebeca\r\nBcc: victim@example.com",
        "note": "Hello\r\nBcc: victim@example.com",
    }[field]

    send(client, post, **{field: injected})
    run_worker()

    for message in mailoutbox:
        assert message.bcc == []
        assert "victim@example.com" not in message.recipients()
        assert "Bcc" not in str(message.message()).split("\n\n", 1)[0]


def test_the_note_cannot_carry_html_or_links(client, post, mailoutbox):
    for note in ['<a href="https://evil.example">win</a>', "Visit https://evil.example now"]:
        response = send(client, post, note=note)
        assert response.status_code == HTTPStatus.BAD_REQUEST
    run_worker()

    assert mailoutbox == []


def test_the_sixth_send_within_the_limit_is_refused(client, post, settings, mailoutbox):
    settings.SEND_TO_COLLEAGUE_RATE = "5/h"
    statuses = [send(client, post).status_code for _ in range(6)]

    assert statuses == [HTTPStatus.FOUND] * 5 + [HTTPStatus.TOO_MANY_REQUESTS]


def test_a_draft_cannot_be_sent(client, author):
    draft = PostFactory(author=author, draft=True)

    assert send(client, draft).status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize(
    "text",
    ["Pay here: evil.com/pay", "see evil.co.uk", "evil\u3002com/pay", "write to boss@evil.com",
     "10.0.0.1/pay", "javascript:alert(1)", "WWW.EVIL.NET"],
)  # fmt: skip
def test_a_note_or_name_a_mail_program_would_link_is_refused_with_the_text_kept(
    client, post, mailoutbox, text
):
    for field in ("note", "sender_name"):
        response = send(client, post, **{field: text})

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "mail programs turn into links" in response.text
        assert response.context["form"][field].value() == text
    run_worker()

    assert mailoutbox == []


def test_a_note_of_the_full_length_with_line_breaks_is_taken(client, post, mailoutbox):
    typed = "\n".join(["Worth reading before the review on Monday."] * 12)[:500]
    assert len(typed) == 500
    # Browsers send each line break of a text box as CR LF.
    response = send(client, post, note=typed.replace("\n", "\r\n"))

    assert response.status_code == HTTPStatus.FOUND
    run_worker()
    (message,) = mailoutbox
    assert "Worth reading before the review on Monday.\nWorth" in message.body
