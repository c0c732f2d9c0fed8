"""WordPress's markup arrives as Masthead's sanitised HTML."""

import pytest

from moving.markup import convert_body, plain_text

IMG = '<img class="size-full wp-image-12" src="https://old.example.com/wp-content/uploads/2019/03/desk.jpg" alt="A desk" width="800" height="600" />'  # noqa: E501


def test_block_comments_go_and_the_blocks_html_stays():
    body = (
        "<!-- wp:paragraph -->\n<p>One.</p>\n<!-- /wp:paragraph -->\n\n"
        '<!-- wp:heading {"level":3} -->\n<h3>Two</h3>\n<!-- /wp:heading -->'
    )
    assert convert_body(body) == "<p>One.</p>\n<h3>Two</h3>"


def test_bare_lines_become_paragraphs_as_wpautop_makes_them():
    body = "First line\nsame paragraph.\n\nSecond paragraph."
    assert convert_body(body) == "<p>First line<br>\nsame paragraph.</p>\n<p>Second paragraph.</p>"


def test_a_caption_shortcode_becomes_a_figure_with_its_caption():
    body = f'[caption id="attachment_12" align="aligncenter" width="800"]{IMG} The <em>new</em> desk[/caption]'  # noqa: E501
    converted = convert_body(body)
    assert converted.startswith("<figure><img ")
    assert 'alt="A desk"' in converted
    assert "<figcaption>The <em>new</em> desk</figcaption></figure>" in converted
    assert "[caption" not in converted and "class=" not in converted


def test_a_gallery_shows_the_pictures_it_names_by_id():
    images = {"12": ("https://old.example.com/wp-content/uploads/a.jpg", "Desk A"),
              "13": ("https://old.example.com/wp-content/uploads/b.jpg", "Desk B")}  # fmt: skip
    converted = convert_body('Look:\n\n[gallery columns="2" ids="12,13,99"]', images=images)
    assert converted == (
        "<p>Look:</p>\n<figure>"
        '<img src="https://old.example.com/wp-content/uploads/a.jpg" alt="Desk A">'
        '<img src="https://old.example.com/wp-content/uploads/b.jpg" alt="Desk B"></figure>'
    )


@pytest.mark.parametrize(
    "body",
    [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]",
        '<!-- wp:embed {"url":"https://youtu.be/dQw4w9WgXcQ"} -->\n<figure class="wp-block-embed'
        ' is-type-video"><div class="wp-block-embed__wrapper">\nhttps://youtu.be/dQw4w9WgXcQ\n'
        "</div></figure>\n<!-- /wp:embed -->",
    ],
)
def test_youtube_embeds_become_the_privacy_friendly_player(body):
    converted = convert_body(body)
    assert 'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in converted
    assert "embed]" not in converted


def test_a_vimeo_address_alone_becomes_its_player():
    converted = convert_body("Watch:\n\nhttps://vimeo.com/76979871\n\nThen talk.")
    assert 'src="https://player.vimeo.com/video/76979871?dnt=1"' in converted


def test_scripts_frames_and_unknown_shortcodes_never_survive():
    body = (
        '<script>alert(1)</script><iframe src="https://evil.example"></iframe>'
        '[contact-form-7 id="3"]<p onclick="x()">Kept <a href="javascript:x()">text</a></p>'
    )
    converted = convert_body(body)
    assert "script" not in converted and "iframe" not in converted
    assert "contact-form" not in converted and "onclick" not in converted
    assert "javascript" not in converted
    assert "Kept" in converted


def test_a_comment_becomes_plain_text_with_its_paragraphs():
    assert plain_text("<p>Nice &amp; <b>clear</b>.</p><p>Thanks</p>") == "Nice & clear.\nThanks"
