"""Files authors upload, made in memory for the tests, and the admin post form that takes them."""

import io
import struct
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

from tests.authors.test_admin import picker_time
from tests.factories import POST_INLINES


def picture_bytes(width=1200, height=800, kind="JPEG", *, colour="teal", exif=None):
    buffer = io.BytesIO()
    mode = "RGBA" if kind in {"PNG", "WEBP"} and colour is None else "RGB"
    image = Image.new(mode, (width, height), colour or (0, 0, 0, 0))
    options = {"exif": exif} if exif is not None else {}
    image.save(buffer, kind, **options)
    return buffer.getvalue()


def picture(name="photo.jpg", width=1200, height=800, kind="JPEG", **options):
    return SimpleUploadedFile(name, picture_bytes(width, height, kind, **options))


def phone_exif(*, orientation=1):
    """Return the EXIF a phone writes: its make, the way it was held, and where it was."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneCo"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (51.0, 30.0, 12.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (0.0, 7.0, 39.0)
    return exif


def png_bomb(width=20_000, height=20_000):
    """Return a small PNG declaring a huge black picture: a decompression bomb."""

    def chunk(kind, data):
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    row = b"\x00" * (1 + (width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row * 1000) for _ in range(height // 1000))
    data += compressor.compress(row * (height % 1000)) + compressor.flush()
    signature = b"\x89PNG\r\n\x1a\n"
    return signature + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">'
    b'<script>alert("svg")</script><circle cx="50" cy="50" r="40"/></svg>'
)
# The start of a Windows executable.
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + bytes(2000)


def pdf_bytes(padding=0):
    return (
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"
        + b"% " * (padding // 2)
        + b"\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )


def zip_bytes(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx_bytes():
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    return zip_bytes(
        {
            "[Content_Types].xml": f'<Types><Override PartName="/word/document.xml" '
            f'ContentType="{main}"/></Types>',
            "word/document.xml": "<w:document/>",
        }
    )


def xlsx_bytes():
    main = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    return zip_bytes(
        {
            "[Content_Types].xml": f'<Types><Override PartName="/xl/workbook.xml" '
            f'ContentType="{main}"/></Types>',
            "xl/workbook.xml": "<workbook/>",
        }
    )


def odt_bytes():
    return zip_bytes(
        {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"}
    )


def post_form(post=None, **changes):
    """Return what the admin's post form sends, for post (None: a new one)."""
    data = {
        "title": "A column with pictures",
        "slug": "a-column-with-pictures",
        "body": "<p>Words the author typed before uploading.</p>",
        "excerpt": "",
        "featured_image_alt": "",
        "featured_image_caption": "",
        "featured_image_credit": "",
        "category": "",
        "tags": "",
        "status": "draft",
        "published_at": "",
        **POST_INLINES,
    }
    if post is not None:
        data.update(
            title=post.title, slug=post.slug, body=post.body, status=post.status,
            featured_image_alt=post.featured_image_alt, category=post.category_id or "",
            author=post.author_id,
        )  # fmt: skip
        data["published_at"] = picker_time(post.published_at)
    data.update(changes)
    return data


def inline_forms(prefix, *rows, initial=0):
    """Return the data of an inline formset holding rows (dicts of field values)."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    return data
