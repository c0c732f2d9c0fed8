"""Place a post's pictures in its sanitised body, as readers get them.

A body names a picture in one of two ways: a paragraph holding only its code, [image 12]
(pictures added below the post form), or a figure whose image carries data-file="12"
(pictures dropped into the editor, their description and caption kept in the body).
"""

import html
import re

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

# A paragraph holding only a picture's code: <p>[image 12]</p>.
SHORTCODE_PARAGRAPH = re.compile(r"<p>(?:\s|&nbsp;)*\[image\s+(\d+)\](?:\s|&nbsp;)*</p>")
SHORTCODE = re.compile(r"\[image\s+\d+\]")
# A picture dropped into the editor: <figure><img src="…" alt="…" data-file="12">…</figure>.
EDITOR_FIGURE = re.compile(r"<figure>(?P<inner>.*?)</figure>", re.S)
EDITOR_IMAGE = re.compile(r'<img\s[^>]*\bdata-file="(\d+)"')
ALT = re.compile(r'<img\s[^>]*\balt="([^"]*)"')
CAPTION = re.compile(r"<figcaption>(.*?)</figcaption>", re.S)
BARE_DROPPED_IMAGE = re.compile(r'(?<!<figure>)<img\s[^>]*\bdata-file="\d+"[^>]*>')
# A picture of either kind, or the start or end of a list.
LIST_OR_PICTURE = re.compile(
    r"(?P<picture><figure>.*?</figure>|<p>(?:\s|&nbsp;)*\[image\s+\d+\](?:\s|&nbsp;)*</p>)"
    r"|<(?P<end>/?)(?:ul|ol)\b[^>]*>",
    re.S,
)
EMPTY_ITEM = re.compile(r"<li>(?:\s|<p>\s*</p>)*</li>")
EMPTY_LIST = re.compile(r"<(ul|ol)\b[^>]*>\s*</\1>")
# How wide a picture in the body shows, for the browser to choose a rendition.
BODY_SIZES = "(min-width: 44rem) 42rem, calc(100vw - 2rem)"


def place_pictures(body: str, images) -> str:
    """Return sanitised HTML with the post's pictures in place, never inside a list.

    Two ways name a picture: a paragraph holding only [image N] (pictures added below the
    form), and a figure whose image carries data-file="N" (pictures dropped into the editor,
    with their description and caption in the body). Only the pictures given (a post's own)
    are placed; an unknown one disappears, so that readers never see a code or a picture
    that is not the post's. Alt text and captions are escaped by the template, captions
    being sanitised HTML already. images is read only if the body names a picture, so that
    a queryset given for a body without pictures costs nothing.
    """
    by_pk = None

    def image_of(pk):
        nonlocal by_pk
        if by_pk is None:
            by_pk = {image.pk: image for image in images}
        image = by_pk.get(int(pk))
        return image if image is not None and image.picture is not None else None

    def figure(match):
        image = image_of(match[1])
        if image is None:
            return ""
        context = {"image": image, "anchor": f"image-{image.pk}"}
        return render_to_string("blog/includes/picture.html#body-figure", context)

    def editor_figure(match):
        if (found := EDITOR_IMAGE.search(match["inner"])) is None:
            return match[0]  # a picture by address, kept as the author wrote it
        image = image_of(found[1])
        if image is None:
            return ""
        alt = ALT.search(match["inner"])
        caption = CAPTION.search(match["inner"])
        context = {
            "picture": image.picture,
            "alt": html.unescape(alt[1]) if alt else "",
            "caption": mark_safe(caption[1].strip()) if caption else "",  # noqa: S308
            "credit": image.credit,
            "anchor": f"image-{image.pk}",
            "sizes": BODY_SIZES,
        }
        return render_to_string("blog/includes/picture.html#figure", context)

    body = lift_pictures_out_of_lists(body or "")
    return EDITOR_FIGURE.sub(editor_figure, SHORTCODE_PARAGRAPH.sub(figure, body))


def figure_dropped_pictures(body: str) -> str:
    """Return sanitised HTML with each dropped picture the editor left bare (its caption
    removed) put back in a figure, the one shape pages and checks know it by."""
    return BARE_DROPPED_IMAGE.sub(r"<figure>\g<0></figure>", body)


def lift_pictures_out_of_lists(body: str) -> str:
    """Return sanitised HTML with each picture inside a list moved to just after the list,
    so that no picture renders inside a list item's bullet; an item left empty goes."""
    out, held, depth, last = [], [], 0, 0
    for match in LIST_OR_PICTURE.finditer(body):
        if match["picture"]:
            if depth:
                out.append(body[last : match.start()])
                held.append(match["picture"])
                last = match.end()
            continue
        depth = max(0, depth - 1) if match["end"] else depth + 1
        if depth == 0 and held:
            out.append(body[last : match.end()])
            out.extend(held)
            held, last = [], match.end()
    if last == 0 and not held:
        return body
    out.append(body[last:])
    out.extend(held)
    return EMPTY_LIST.sub("", EMPTY_ITEM.sub("", "".join(out)))


def remove_shortcodes(body: str) -> str:
    """Return HTML without picture codes, for text made from it (summaries, search)."""
    return SHORTCODE.sub("", body or "")
