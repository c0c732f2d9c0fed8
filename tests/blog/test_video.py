"""A YouTube or Vimeo address alone on a line becomes a privacy-friendly player."""

from http import HTTPStatus

import pytest

from blog.forms import PostAdminForm
from blog.html import clean_body
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

YOUTUBE = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
VIMEO = "https://player.vimeo.com/video/76979871?dnt=1"


def player(src):
    return (
        f'<figure class="video"><iframe src="{src}" title="Video" loading="lazy" '
        'allow="autoplay; encrypted-media; picture-in-picture" allowfullscreen '
        'referrerpolicy="strict-origin-when-cross-origin" '
        'sandbox="allow-scripts allow-same-origin allow-presentation allow-popups">'
        "</iframe></figure>"
    )


@pytest.mark.parametrize(
    ("address", "src"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", YOUTUBE),
        ("http://youtube.com/watch?v=dQw4w9WgXcQ", YOUTUBE),
        ("https://m.youtube.com/watch?v=dQw4w9WgXcQ", YOUTUBE),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=42s", YOUTUBE),
        ("https://www.youtube.com/watch?feature=shared&amp;v=dQw4w9WgXcQ", YOUTUBE),
        ("https://youtu.be/dQw4w9WgXcQ", YOUTUBE),
        ("https://youtu.be/dQw4w9WgXcQ?si=abc123", YOUTUBE),
        ("https://www.youtube.com/shorts/dQw4w9WgXcQ", YOUTUBE),
        ("https://vimeo.com/76979871", VIMEO),
        ("https://www.vimeo.com/76979871/", VIMEO),
    ],
)
@pytest.mark.parametrize("as_link", [False, True], ids=["bare", "link"])
def test_a_video_address_alone_on_a_line_becomes_a_player(address, src, as_link):
    line = f'<a href="{address}">{address}</a>' if as_link else f" {address}&nbsp;"

    body = clean_body(f"<p>Before.</p><p>{line}</p><p>After.</p>")

    assert body == f"<p>Before.</p>{player(src)}<p>After.</p>"


@pytest.mark.parametrize(
    "line",
    [
        "Watch https://youtu.be/dQw4w9WgXcQ today",
        '<a href="https://youtu.be/dQw4w9WgXcQ">Watch the talk</a>',
        '<a href="https://youtu.be/dQw4w9WgXcQ">https://youtu.be/aaaaaaaaaaa</a>',
        "https://youtu.be/dQw4w9WgXc",  # an id one character short
        "https://youtu.be/dQw4w9WgXcQQ",  # and one too long
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ%22onload=%22alert(1)",
        "https://youtu.be/dQw4w9WgX&quot;Q",
        "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://evil.example/?https://youtu.be/dQw4w9WgXcQ",
        "https://vimeo.com/channels/staffpicks",
        "https://vimeo.com/12345abc",
        "javascript:alert(1)//https://youtu.be/dQw4w9WgXcQ",
    ],
)
def test_anything_else_stays_as_written(line):
    body = clean_body(f"<p>{line}</p>")

    assert "<iframe" not in body
    assert body == clean_body(body)


@pytest.mark.parametrize(
    "iframe",
    [
        f'<iframe src="{YOUTUBE}"></iframe>',
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" allowfullscreen></iframe>',
        player("https://evil.example/embed/dQw4w9WgXcQ"),
        player(YOUTUBE).replace('sandbox="', 'onload="alert(1)" sandbox="'),
        player(YOUTUBE).replace(' sandbox="allow-scripts allow-same-origin', ' sandbox="allow-top'),
    ],
)
def test_pasted_iframes_are_dropped_even_from_the_allowed_hosts(iframe):
    body = clean_body(f"<p>Text</p>{iframe}")

    assert body.startswith("<p>Text</p>")
    assert "<iframe" not in body


def test_saving_again_keeps_the_player():
    post = PostFactory(body="<p>https://youtu.be/dQw4w9WgXcQ</p><p>Notes.</p>")
    assert post.body == f"{player(YOUTUBE)}<p>Notes.</p>"

    post.title = "Renamed"
    post.save()
    post.refresh_from_db()

    assert post.body == f"{player(YOUTUBE)}<p>Notes.</p>"


def test_the_editor_shows_the_address_the_player_was_made_from():
    post = PostFactory(body="<p>https://vimeo.com/76979871</p>")

    form = PostAdminForm(instance=post)

    assert form.initial["body"] == "<p>https://vimeo.com/76979871</p>"


def test_the_post_page_shows_the_player_to_readers(client):
    post = PostFactory(body="<p>https://www.youtube.com/watch?v=dQw4w9WgXcQ</p>")

    response = client.get(post.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    assert player(YOUTUBE) in response.text
    # The site's policy lets this player, and no other frame, load.
    assert (
        "frame-src https://www.youtube-nocookie.com https://player.vimeo.com"
        in (response["Content-Security-Policy"])
    )
