"""Check uploaded pictures by their content, and make the renditions pages serve.

Pictures reach readers only as renditions made once, when their row is saved: several widths
(never wider than the original) in the original's format and in WebP, turned the right way
up and stripped of their metadata (a phone photo's EXIF carries where it was taken). The
row records them in a JSON column, so that a page lists pictures without touching storage.
The original stays in private storage (uploads.storage), with no address of its own.
"""

import hashlib
import io
import logging
import math
from dataclasses import dataclass
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.db.models.fields.files import ImageFieldFile
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError, features

from uploads.bodies import (  # noqa: F401 (their home before bodies.py)
    SHORTCODE,
    SHORTCODE_PARAGRAPH,
    place_pictures,
    remove_shortcodes,
)
from uploads.files import refuse_if_too_large
from uploads.storage import public_storage

logger = logging.getLogger(__name__)

# Pillow's name of each format authors may upload: its MIME type and file extension.
FORMATS = {
    "JPEG": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
    "GIF": ("image/gif", "gif"),
    "WEBP": ("image/webp", "webp"),
}
if features.check("avif"):
    FORMATS["AVIF"] = ("image/avif", "avif")
FORMAT_NAMES = {"JPEG": "JPEG", "PNG": "PNG", "GIF": "GIF", "WEBP": "WebP", "AVIF": "AVIF"}

# Widths made of a picture shown across a column; portraits are made square.
WIDTHS = (480, 800, 1200, 1600)
SQUARE_SIZES = (160, 400)
# The rendition an old browser without srcset gets.
PLAIN_WIDTH = 800
JPEG_OPTIONS = {"quality": 82, "optimize": True, "progressive": True}
# Method 2 of 0-6 encodes in about half the time of the default 4, for files some 5% larger.
WEBP_OPTIONS = {"quality": 80, "method": 2}
# Part of the renditions' folder name: change it when the recipe changes to make new files.
RECIPE = "1"


def format_list() -> str:
    """Name the accepted formats as a sentence does: “JPEG, PNG, GIF or WebP”."""
    *others, last = (FORMAT_NAMES[name] for name in FORMATS)
    return f"{', '.join(others)} or {last}"


# Checking uploads


@dataclass(frozen=True)
class CheckedImage:
    """What an uploaded file turned out to hold."""

    format: str
    width: int
    height: int

    @property
    def content_type(self):
        return FORMATS[self.format][0]

    @property
    def extension(self):
        return FORMATS[self.format][1]


def check_image(file) -> CheckedImage:
    """Return what file holds if pages may show it; otherwise raise ValidationError saying why."""
    refuse_if_too_large(file, limit=settings.IMAGE_MAX_BYTES, noun="image")
    try:
        file.seek(0)
        try:
            image = Image.open(file, formats=list(FORMATS))
        except Image.DecompressionBombError:
            # Pillow refuses far too many pixels before saying how many: read the header.
            refuse_too_many_pixels(*declared_size(file))
            raise
        with image:
            checked = CheckedImage(image.format, *image.size)
            refuse_too_many_pixels(checked.width, checked.height)
            image.verify()
        # verify() leaves the image unusable; decoding every pixel finds a truncated file.
        file.seek(0)
        with Image.open(file, formats=[checked.format]) as image:
            image.load()
    except ValidationError:
        raise
    except UnidentifiedImageError as exc:
        raise ValidationError(
            "This file is not a %(formats)s image, whatever its name says. Upload a photo or "
            "graphic saved in one of those formats; drawings in SVG and documents are not "
            "accepted.",
            code="not_an_image",
            params={"formats": format_list()},
        ) from exc
    except Exception as exc:
        # Pillow reports damage in many shapes: OSError, SyntaxError, ValueError, EOFError...
        raise ValidationError(
            "This image is incomplete or damaged, so it cannot be shown. Export it again "
            "from your photo editor and upload the new file.",
            code="damaged",
        ) from exc
    finally:
        file.seek(0)
    return checked


def declared_size(file) -> tuple[int, int]:
    """Return the width and height a picture's header declares, decoding nothing."""
    file.seek(0)
    prefix = file.read(16)
    for name in FORMATS:
        factory, accept = Image.OPEN[name]
        if accept is None or accept(prefix):
            file.seek(0)
            with factory(file, "") as image:
                return image.size
    raise UnidentifiedImageError("No accepted format recognises this file.")


def refuse_too_many_pixels(width: int, height: int) -> None:
    limit = settings.IMAGE_MAX_PIXELS
    if width * height <= limit:
        return
    scale = math.sqrt(limit / (width * height))
    raise ValidationError(
        "This image is %(width)s × %(height)s pixels; the limit is %(limit)s megapixels. "
        "Scale it down to %(fit_width)s × %(fit_height)s pixels or less and upload it again.",
        code="too_many_pixels",
        params={
            "width": f"{width:,}",
            "height": f"{height:,}",
            "limit": f"{limit / 1_000_000:g}",
            "fit_width": f"{math.floor(width * scale):,}",
            "fit_height": f"{math.floor(height * scale):,}",
        },
    )


def validate_image(value) -> None:
    """Refuse a newly uploaded picture that pages may not show; stored pictures pass."""
    if getattr(value, "_committed", False):
        return
    file = getattr(value, "file", value)
    if getattr(file, "checked_image", None) is None:
        check_image(file)


class ImageUploadField(forms.ImageField):
    """Take an upload checked by its content, and name it after the format it really is."""

    default_validators = []

    def to_python(self, data):
        # Django's own ImageField check is skipped: check_image() is stricter and says why.
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        checked = check_image(upload)
        upload.content_type = checked.content_type
        upload.name = f"{PurePath(upload.name).stem or 'picture'}.{checked.extension}"
        upload.checked_image = checked
        return upload

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["accept"] = ",".join(content_type for content_type, _ in FORMATS.values())
        return attrs


class OriginalFieldFile(ImageFieldFile):
    """An original picture, kept privately: its address is that of its largest rendition."""

    @property
    def url(self):
        self._require_file()
        renditions = getattr(self.instance, self.field.renditions_field, None)
        picture = Picture.of(self, renditions or {})
        # Empty until the renditions are made: a form then shows no link to follow.
        return picture.largest_url if picture else ""


class CheckedImageField(models.ImageField):
    """An ImageField whose uploads are checked by content: see check_image().

    Give it storage=original_storage, where no address reaches the originals, and name in
    renditions_field the model's JSON field holding the renditions pages serve instead.
    """

    attr_class = OriginalFieldFile
    default_validators = [validate_image]

    def __init__(self, *args, renditions_field="renditions", **kwargs):
        self.renditions_field = renditions_field
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.renditions_field != "renditions":
            kwargs["renditions_field"] = self.renditions_field
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ImageUploadField, **kwargs})


# Renditions


def renditions_for(field_file, current: dict, *, square: bool = False) -> dict:
    """Return the renditions of field_file's picture, made now unless current already has them."""
    if not field_file:
        return {}
    if not field_file._committed:
        # Stored now rather than by the model field's pre_save, so that its final name is known.
        field_file.save(field_file.name, field_file.file, save=False)
    if current and current.get("source") == field_file.name:
        return current
    try:
        return make_renditions(field_file, square=square)
    except Exception:
        # The page then shows the original; the next save tries again.
        logger.exception("Could not make the renditions of %s", field_file.name)
        return {}


def make_renditions(field_file, *, square: bool = False) -> dict:
    """Write renditions of field_file's picture to its storage and return their record.

    The record: {"source": the original's name, "width", "height": the original's size the
    right way up, "sources": [{"type": MIME type, "files": [[width, height, name], ...]}]},
    WebP first and the format every browser shows last. A GIF, perhaps animated, gets one
    copy of its frames at its own size, unless cut square (a portrait's first frame).
    The original is read from its own (private) storage; renditions go to public storage.
    """
    with field_file.storage.open(field_file.name, "rb") as stored:
        data = stored.read()
    storage = public_storage()
    folder = "renditions/" + hashlib.sha256(RECIPE.encode() + data).hexdigest()[:24]
    with Image.open(io.BytesIO(data)) as original:
        original_format = original.format
        icc_profile = original.info.get("icc_profile")
        image = ImageOps.exif_transpose(original)
        record = {"source": field_file.name, "width": image.width, "height": image.height}
        if original_format == "GIF" and not square:
            name = f"{folder}/{image.width}.gif"
            if not storage.exists(name):
                name = storage.save(name, ContentFile(bare_gif(original)))
            files = [[image.width, image.height, name]]
            return {**record, "sources": [{"type": "image/gif", "files": files}]}
        has_alpha = image.has_transparency_data
        image = image.convert("RGBA" if has_alpha else "RGB")
    # Nothing of the original's metadata travels on, but its colour profile.
    image.info = {}
    # The original's own format where every browser shows it; WebP and AVIF fall back to PNG
    # when they have transparency, to JPEG when not.
    keeps_png = original_format == "PNG" or has_alpha
    fallback = ("PNG", "png", "image/png") if keeps_png else ("JPEG", "jpg", "image/jpeg")
    formats = [("WEBP", "webp", "image/webp"), fallback]

    if square:
        side = min(image.size)
        sizes = sorted({*(s for s in SQUARE_SIZES if s < side), min(side, max(SQUARE_SIZES))})
        shapes = [(size, size) for size in sizes]
    else:
        widths = sorted({*(w for w in WIDTHS if w < image.width), min(image.width, max(WIDTHS))})
        shapes = [(w, max(1, round(image.height * w / image.width))) for w in widths]

    sources = {content_type: [] for _, _, content_type in formats}
    for width, height in shapes:
        if square:
            resized = ImageOps.fit(image, (width, height), Image.Resampling.LANCZOS)
        elif (width, height) == image.size:
            resized = image
        else:
            resized = image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        for pillow_format, extension, content_type in formats:
            name = f"{folder}/{width}.{extension}"
            # The folder is named by the original's content: the same picture, the same files.
            if not storage.exists(name):
                buffer = io.BytesIO()
                options = JPEG_OPTIONS if pillow_format == "JPEG" else {}
                options = WEBP_OPTIONS if pillow_format == "WEBP" else options
                if icc_profile:
                    options = {**options, "icc_profile": icc_profile}
                resized.save(buffer, pillow_format, **options)
                name = storage.save(name, ContentFile(buffer.getvalue()))
            sources[content_type].append([width, height, name])
    return {
        **record,
        "sources": [{"type": kind, "files": files} for kind, files in sources.items()],
    }


def bare_gif(original) -> bytes:
    """Return a GIF's frames, with their timing, and none of its comments or extensions."""
    frames, durations = [], []
    for frame in ImageSequence.Iterator(original):
        durations.append(frame.info.get("duration", 100))
        copy = frame.convert("RGBA")
        # Pillow writes whatever a frame's info holds (comments, XMP) into the new file.
        copy.info = {}
        frames.append(copy)
    options = {"loop": original.info["loop"]} if "loop" in original.info else {}
    buffer = io.BytesIO()
    frames[0].save(
        buffer, "GIF", save_all=True, append_images=frames[1:], duration=durations,
        disposal=2, **options,
    )  # fmt: skip
    return buffer.getvalue()


# Showing pictures


@dataclass(frozen=True)
class Source:
    type: str
    srcset: str


@dataclass(frozen=True)
class Picture:
    """What a template needs to write a <picture>: see blog/includes/picture.html."""

    src: str
    width: int | None
    height: int | None
    srcset: str = ""
    sources: tuple[Source, ...] = ()
    # The largest rendition, for sharing cards and structured data.
    largest_url: str = ""
    largest_width: int | None = None
    largest_height: int | None = None

    @classmethod
    def of(cls, field_file, renditions: dict):
        """Return the picture of field_file from its renditions, or None until they are made.

        The original itself is never shown: it may carry the photo's EXIF.
        """
        if not field_file:
            return None
        made = renditions if renditions and renditions.get("source") == field_file.name else {}
        if not made.get("sources"):
            return None
        storage = public_storage()

        def srcset(files):
            return ", ".join(f"{storage.url(name)} {w}w" for w, _, name in files)

        *alternatives, fallback = made["sources"]
        files = fallback["files"]
        plain = next((f for f in reversed(files) if f[0] <= PLAIN_WIDTH), files[0])
        largest_width, largest_height, largest_name = files[-1]
        largest_url = storage.url(largest_name)
        return cls(
            src=storage.url(plain[2]),
            width=largest_width,
            height=largest_height,
            srcset=srcset(files),
            sources=tuple(Source(s["type"], srcset(s["files"])) for s in alternatives),
            largest_url=largest_url,
            largest_width=largest_width,
            largest_height=largest_height,
        )
