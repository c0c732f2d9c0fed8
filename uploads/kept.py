"""Keep a chosen picture across an error elsewhere in its form, so that nobody chooses it twice.

A browser never sends a file input's choice again: when a form comes back with an error, its
files are gone. KeptFileInput keeps a picture that passed its own check in private storage
(uploads.storage, where no address reaches it), shows "Kept: name.jpg" and sends back a signed
token in a hidden input; the next submission without a new choice takes the kept file again,
checked by content as any upload is. Kept copies are swept after KEPT_LIFETIME
(sweep_kept, run by `manage.py sweep_editor_uploads`).
"""

import datetime
import secrets
from pathlib import PurePath

from django.contrib.admin.widgets import AdminFileWidget
from django.core import signing
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.html import format_html

from uploads.storage import original_storage

FOLDER = "kept"
SALT = "uploads.kept"
KEPT_LIFETIME = datetime.timedelta(days=1)


def kept_field_name(name: str) -> str:
    return f"{name}__kept"


class KeptUpload(UploadedFile):
    """A file chosen in an earlier submission of the form, read back from private storage."""

    def __init__(self, stored_name: str):
        storage = original_storage()
        self.kept_as = stored_name
        super().__init__(
            file=storage.open(stored_name, "rb"),
            name=PurePath(stored_name).name,
            size=storage.size(stored_name),
        )


def keep(upload) -> str:
    """Store upload privately and return the signed token that gives it back."""
    stored = getattr(upload, "kept_as", None)
    if stored is None:
        upload.seek(0)
        name = f"{FOLDER}/{secrets.token_urlsafe(12)}/{PurePath(upload.name).name}"
        stored = original_storage().save(name, upload)
        upload.seek(0)
        upload.kept_as = stored
    return signing.dumps(stored, salt=SALT)


def kept_upload(token: str):
    """Return the upload a token names, or None if it is forged, too old or gone."""
    try:
        stored = signing.loads(token, salt=SALT, max_age=KEPT_LIFETIME)
    except signing.BadSignature:
        return None
    if not isinstance(stored, str) or not stored.startswith(f"{FOLDER}/"):
        return None
    if not original_storage().exists(stored):
        return None
    return KeptUpload(stored)


class KeptFileInput(AdminFileWidget):
    """The admin's file input, keeping a checked picture across an error elsewhere."""

    # What the form was sent with: a file field's bound value is its initial one, so the
    # widget (a copy of its own in each form) remembers the choice to render it again.
    chosen = None

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        value = self.chosen
        # Only a picture that passed its own check is kept: a refused one says why instead.
        if not isinstance(value, UploadedFile) or getattr(value, "checked_image", None) is None:
            return html
        return html + format_html(
            '<input type="hidden" name="{}" value="{}">'
            '<p class="kept-file">Kept: {}. It is saved with the form; choose another file '
            "to replace it.</p>",
            kept_field_name(name),
            keep(value),
            PurePath(value.name).name,
        )

    def value_from_datadict(self, data, files, name):
        upload = super().value_from_datadict(data, files, name)
        if upload is None and (token := data.get(kept_field_name(name))):
            upload = kept_upload(token)
        # Otherwise a new choice, a cleared picture, or both at once.
        self.chosen = upload
        return upload


def sweep_kept(*, now=None) -> int:
    """Delete kept copies older than KEPT_LIFETIME; return how many."""
    storage = original_storage()
    before = (now or timezone.now()) - KEPT_LIFETIME
    removed = 0
    try:
        folders, _ = storage.listdir(FOLDER)
    except FileNotFoundError:
        return 0
    for folder in folders:
        for name in storage.listdir(f"{FOLDER}/{folder}")[1]:
            path = f"{FOLDER}/{folder}/{name}"
            if storage.get_modified_time(path) < before:
                storage.delete(path)
                removed += 1
    return removed
