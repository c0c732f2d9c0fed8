"""Turn WordPress's markup (blocks, shortcodes, wpautop's bare lines) into Masthead's HTML."""

import html
import re

from django.utils.html import strip_tags

from blog.html import clean_body

BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:[^>]*?-->", re.S)
CAPTION = re.compile(
    r"\[(?:caption|wp_caption)(?P<attrs>[^\]]*)\](?P<inner>.*?)\[/(?:caption|wp_caption)\]", re.S
)
IMAGE_TAG = re.compile(r"(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?", re.S | re.I)
GALLERY = re.compile(r"\[gallery(?P<attrs>[^\]]*)\]")
EMBED = re.compile(r"\[embed[^\]]*\](?P<url>[^\[]+)\[/embed\]")
VIDEO_SHORTCODE = re.compile(r"\[(?:youtube|vimeo)\s+(?P<url>[^\]\s]+)[^\]]*\]")
# A block editor's embed: the address alone in a wrapper.
EMBED_BLOCK = re.compile(
    r"<figure[^>]*wp-block-embed[^>]*>\s*<div[^>]*>\s*(?P<url>\S+?)\s*</div>.*?</figure>", re.S
)
OTHER_SHORTCODE = re.compile(r"\[/?[a-z_][\w-]*(?:\s[^\]]*)?\]")
ATTRIBUTE = re.compile(r'(\w+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\'|(\S+))')
BLOCK_START = re.compile(
    r"^\s*<(?:p|h[1-6]|ul|ol|li|dl|blockquote|figure|table|pre|div|hr|address|section)\b", re.I
)


def attributes(text: str) -> dict:
    """Return a shortcode's attributes as a dict."""
    return {m[1]: m[2] or m[3] or m[4] or "" for m in ATTRIBUTE.finditer(text)}


def caption_figure(match) -> str:
    inner = match["inner"]
    image = IMAGE_TAG.search(inner)
    caption_text = attributes(match["attrs"]).get("caption", "")
    if image:
        caption_text = (inner[: image.start()] + inner[image.end() :]).strip() or caption_text
        return f"<figure>{image[0]}<figcaption>{caption_text}</figcaption></figure>"
    return f"<p>{inner.strip()}</p>"


def gallery_figure(match, images: dict) -> str:
    """Return a gallery's pictures as a figure, from the export's attachments by id."""
    ids = [part.strip() for part in attributes(match["attrs"]).get("ids", "").split(",")]
    pictures = []
    for wordpress_id in ids:
        if image := images.get(wordpress_id):
            url, alt = image[:2]
            pictures.append(f'<img src="{html.escape(url)}" alt="{html.escape(alt)}">')
    return f"<figure>{''.join(pictures)}</figure>" if pictures else ""


def autop(text: str) -> str:
    """Wrap runs of text separated by blank lines in paragraphs, as WordPress's wpautop does."""
    chunks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    out = []
    for chunk in chunks:
        chunk = chunk.strip()
        if not chunk:
            continue
        if BLOCK_START.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + re.sub(r"\s*\n\s*", "<br>\n", chunk) + "</p>")
    return "\n".join(out)


def convert_body(text: str, *, images: dict | None = None) -> str:
    """Return a WordPress body as Masthead stores it: sanitised, with videos made players.

    images maps attachment ids to (address, description), for [gallery ids="…"].
    """
    images = images or {}
    text = BLOCK_COMMENT.sub("", text or "")
    text = CAPTION.sub(caption_figure, text)
    text = GALLERY.sub(lambda m: gallery_figure(m, images), text)
    text = EMBED_BLOCK.sub(lambda m: f"\n\n{m['url']}\n\n", text)
    text = EMBED.sub(lambda m: f"\n\n{m['url'].strip()}\n\n", text)
    text = VIDEO_SHORTCODE.sub(lambda m: f"\n\n{m['url']}\n\n", text)
    text = OTHER_SHORTCODE.sub("", text)
    return clean_body(autop(text))


def plain_text(text: str) -> str:
    """Return a comment's or an excerpt's HTML as the plain text Masthead keeps."""
    text = re.sub(r"</p>|<br\s*/?>", "\n", text or "", flags=re.I)
    text = strip_tags(text)
    return re.sub(r"\n{3,}", "\n\n", html.unescape(text)).strip()
