"""Find an export's pictures and files in a copy of wp-content/uploads, never outside it."""

import html
import re
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.html import strip_tags

from blog.attachments import validate_attachment
from blog.models import Attachment, PostImage
from uploads.images import check_image

UPLOADS = "/wp-content/uploads/"
# A size WordPress made of a picture: desk-300x200.jpg beside desk.jpg.
RESIZED = re.compile(r"-\d+x\d+(?=\.\w+$)")
# A picture standing alone, in a figure with its caption or in a paragraph of its own.
PLACED_PICTURE = re.compile(
    r"<figure>(?:<a [^>]*>)?(?P<img><img\b[^>]*>)(?:</a>)?"
    r"(?:<figcaption>(?P<caption>.*?)</figcaption>)?</figure>"
    r"|<p>(?:<a [^>]*>)?(?P<alone><img\b[^>]*>)(?:</a>)?</p>",
    re.S,
)
SOURCE = re.compile(r'\ssrc="(?P<src>[^"]*)"')
ALT = re.compile(r'\salt="(?P<alt>[^"]*)"')
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp"}


class MediaFinder:
    """Locate the files an export refers to under media_dir; report those missing."""

    def __init__(self, media_dir, report):
        self.root = Path(media_dir).resolve() if media_dir else None
        self.report = report

    def path_for(self, url: str) -> Path | None:
        """Return the file under the media folder an uploads address names, if it is there."""
        if self.root is None:
            return None
        address = unquote(urlsplit(html.unescape(url)).path)
        if UPLOADS not in address:
            return None
        relative = address.split(UPLOADS, 1)[1]
        for name in (relative, RESIZED.sub("", relative)):
            candidate = (self.root / name).resolve()
            # "..", a link or an absolute part never leads out of the folder given.
            if candidate.is_relative_to(self.root) and candidate.is_file():
                return candidate
        self.report.missing_media.append(relative)
        return None

    def place_pictures(self, post) -> None:
        """Make the body's pictures found in the folder Masthead's own, each at its place.

        A picture missing from the folder is reported, and the body keeps its link.
        """
        if self.root is None:
            return

        def place(match):
            img = match["img"] or match["alone"]
            found = SOURCE.search(img)
            path = self.path_for(found["src"]) if found else None
            if path is None:
                return match[0]
            alt = ALT.search(img)
            caption = html.unescape(strip_tags(match["caption"] or ""))
            picture = PostImage(
                post=post,
                alt=(html.unescape(alt["alt"]) if alt and alt["alt"] else post.title)[:250],
                caption=caption.strip()[:300],
            )
            if not self.store(picture.image, path):
                return match[0]
            picture.save()
            return f"<p>{picture.shortcode}</p>"

        body = PLACED_PICTURE.sub(place, post.body)
        if body != post.body:
            post.body = body
            post.save(update_fields=["body"])

    def store(self, field_file, path: Path) -> bool:
        """Put the picture at path in field_file unless Masthead would refuse it."""
        with self.checked(path, check_image, "pictures", "not an image Masthead accepts") as file:
            if file is not None:
                field_file.save(path.name, file, save=False)
        return file is not None

    @contextmanager
    def checked(self, path: Path, check, what: str, reason: str):
        """Open path as an upload and yield it if check passes it, else report it, yield None."""
        with path.open("rb") as opened:
            file = File(opened, name=path.name)
            try:
                check(file)
            except ValidationError:
                self.report.skipped[(what, reason)] += 1
                file = None
            yield file

    def featured_image(self, record, post, attachments) -> None:
        """Give post the picture WordPress shows as its featured image, from the folder."""
        thumbnail = record.meta.get("_thumbnail_id")
        if self.root is None or not thumbnail or thumbnail not in attachments:
            return
        url, alt = attachments[thumbnail][:2]
        path = self.path_for(url)
        if path is None or not self.store(post.featured_image, path):
            return
        post.featured_image_alt = (alt or post.title)[:250]
        post.save(update_fields=["featured_image", "featured_image_alt"])

    def download(self, *, post_id: int, url: str, title: str) -> Attachment | None:
        """Attach to a post the file (a PDF, an office document…) WordPress had attached."""
        path = self.path_for(url)
        if path is None:
            return None
        if path.suffix.lower() in IMAGE_EXTENSIONS:
            return None
        reason = "of a kind Masthead does not offer"
        with self.checked(path, validate_attachment, "attachments", reason) as upload:
            if upload is None:
                return None
            attachment = Attachment(post_id=post_id, title=(title or path.stem)[:200])
            attachment.file.save(path.name, upload, save=False)
            attachment.save()
        return attachment
