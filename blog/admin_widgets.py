"""File inputs in the newsroom's admin that screen readers can name."""

from django.contrib.admin.widgets import AdminFileWidget
from django.db import models

from uploads.kept import KeptFileInput


class LabelledFileWidget(AdminFileWidget):
    """Django's admin file input, named by a <label> rather than by a fieldset's legend.

    A legend names the group, not the input inside it: screen readers announce the input as
    an unnamed "file" button (axe-core's critical "label" rule).
    """

    use_fieldset = False


class LabelledKeptFileInput(KeptFileInput):
    """The input that keeps a chosen picture across a form's error, named by a <label>."""

    use_fieldset = False


# For the pictures of a post's inline rows. Django's own defaults name ImageField and
# FileField each, so both are overridden.
LABELLED_FILES = {
    models.ImageField: {"widget": LabelledFileWidget},
    models.FileField: {"widget": LabelledFileWidget},
}
# For a post's featured image and a columnist's portrait: kept across an error, labelled.
LABELLED_KEPT_PICTURES = {models.ImageField: {"widget": LabelledKeptFileInput}}
