"""Check files attached to posts by their content, and keep them where no URL reaches them.

Attachments are kept apart from MEDIA_ROOT (STORAGES["attachments"], by default files under
PRIVATE_MEDIA_ROOT): readers download them through blog.views.attachment_download, which
sends a draft's files to its author and the editors alone.
"""

import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages

from uploads.files import refuse_if_too_large

OOXML = "application/vnd.openxmlformats-officedocument."
ODF = "application/vnd.oasis.opendocument."
# Where a PDF's header may start: readers accept up to 1024 bytes of leading junk.
PDF_HEADER_WINDOW = 1024
# How much of a part inside a zip file is read to recognise it.
PART_READ_LIMIT = 1024 * 1024


@dataclass(frozen=True)
class Kind:
    """A kind of file authors may attach, and what its content must be."""

    extension: str
    label: str
    content_type: str
    # For OOXML: the content type its [Content_Types].xml declares for the main part.
    main_part: str = ""

    @property
    def label_with_article(self):
        return f"{'an' if self.label[0] in 'AEIOU' else 'a'} {self.label}"


KINDS = {
    kind.extension: kind
    for kind in [
        Kind("pdf", "PDF", "application/pdf"),
        Kind("docx", "Word document", f"{OOXML}wordprocessingml.document",
             f"{OOXML}wordprocessingml.document.main+xml"),
        Kind("xlsx", "Excel workbook", f"{OOXML}spreadsheetml.sheet",
             f"{OOXML}spreadsheetml.sheet.main+xml"),
        Kind("pptx", "PowerPoint presentation", f"{OOXML}presentationml.presentation",
             f"{OOXML}presentationml.presentation.main+xml"),
        Kind("odt", "OpenDocument text", f"{ODF}text"),
        Kind("ods", "OpenDocument spreadsheet", f"{ODF}spreadsheet"),
        Kind("odp", "OpenDocument presentation", f"{ODF}presentation"),
        Kind("zip", "ZIP archive", "application/zip"),
    ]
}  # fmt: skip


def kind_of(name: str) -> Kind | None:
    """Return the kind of file a name's extension says, or None for one not allowed."""
    return KINDS.get(PurePath(name).suffix.lower().removeprefix("."))


def validate_attachment(value) -> None:
    """Refuse a newly uploaded attachment of a kind not allowed, or not what its name says."""
    if getattr(value, "_committed", False):
        return
    kind = kind_of(value.name)
    if kind is None:
        raise ValidationError(
            "Files of this kind cannot be attached. Attach a PDF, a Word, Excel or PowerPoint "
            "file (.docx, .xlsx, .pptx), an OpenDocument file (.odt, .ods, .odp) or a ZIP "
            "archive.",
            code="kind_not_allowed",
        )
    refuse_if_too_large(value, limit=settings.ATTACHMENT_MAX_BYTES)
    value.seek(0)
    try:
        matches = content_matches(value, kind)
    finally:
        value.seek(0)
    if not matches:
        raise ValidationError(
            "This file is named .%(extension)s but is not %(label)s: its contents do not match "
            "its name. Save it again as %(label)s and attach the new file.",
            code="content_mismatch",
            params={"extension": kind.extension, "label": kind.label_with_article},
        )


def content_matches(file, kind: Kind) -> bool:
    """Say whether file's bytes are those of its kind."""
    if kind.extension == "pdf":
        return b"%PDF-" in file.read(PDF_HEADER_WINDOW)
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if kind.main_part:
                if "[Content_Types].xml" not in names:
                    return False
                with archive.open("[Content_Types].xml") as part:
                    return kind.main_part.encode() in part.read(PART_READ_LIMIT)
            if kind.content_type.startswith(ODF):
                if "mimetype" not in names:
                    return False
                with archive.open("mimetype") as part:
                    return part.read(200).strip() == kind.content_type.encode()
            return True
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        return False


def attachment_storage():
    """Return where attachments are kept: STORAGES["attachments"], private by default."""
    return storages["attachments"]
