"""Find an export's pictures in a copy of wp-content/uploads, never outside it."""

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.files import File

from uploads.images import check_image

UPLOADS = "/wp-content/uploads/"
UPLOADED_IMAGE = re.compile(r'<img\b[^>]*\bsrc="(?P<src>[^"]*/wp-content/uploads/[^"]*)"')


class MediaFinder:
    """Locate the files an export refers to under media_dir; report those missing."""

    def __init__(self, media_dir, report):
        self.root = Path(media_dir).resolve() if media_dir else None
        self.report = report

    def path_for(self, url: str) -> Path | None:
        """Return the file under the media folder an uploads address names, if it is there."""
        if self.root is None:
            return None
        address = unquote(urlsplit(url).path)
        if UPLOADS not in address:
            return None
        relative = address.split(UPLOADS, 1)[1]
        candidate = (self.root / relative).resolve()
        # "..", a link or an absolute part never leads out of the folder given.
        if not candidate.is_relative_to(self.root) or not candidate.is_file():
            self.report.missing_media.append(relative)
            return None
        return candidate

    def place_pictures(self, body: str) -> str:
        """Report the body's pictures missing from the media folder; their links stay."""
        if self.root is not None:
            for match in UPLOADED_IMAGE.finditer(body):
                self.path_for(match["src"])
        return body

    def featured_image(self, record, post, attachments) -> None:
        """Give post the picture WordPress shows as its featured image, from the folder."""
        thumbnail = record.meta.get("_thumbnail_id")
        if not thumbnail or thumbnail not in attachments:
            return
        url, alt = attachments[thumbnail]
        path = self.path_for(url)
        if path is None:
            return
        with path.open("rb") as file:
            try:
                check_image(file)
            except ValidationError:
                self.report.skipped[("pictures", "not an image Masthead accepts")] += 1
                return
            post.featured_image.save(path.name, File(file), save=False)
        post.featured_image_alt = (alt or post.title)[:250]
        post.save_featured_image_renditions()
        post.save(update_fields=["featured_image", "featured_image_alt"])
