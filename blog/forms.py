"""The newsroom's post form: a rich-text body, and buttons that draft, publish or schedule."""

from django import forms
from django.urls import reverse
from django.utils import timezone
from django_prose_editor.widgets import AdminProseEditorWidget
from taggit.models import Tag

from blog.html import unembed_videos
from blog.models import Post
from blog.review_forms import (
    DESK_BUTTONS,
    PUBLISH,
    SAVE_DRAFT,
    SCHEDULE,
    UNPUBLISH,
    ZonedDateTimeInput,
    check_desk_button,
)

# What an author can make in the editor; blog/html.py keeps exactly these tags on save.
BODY_EDITOR = {
    "extensions": {
        "Heading": {"levels": [2, 3, 4]},
        "Bold": True,
        "Italic": True,
        "Link": {"enableTarget": False},
        "BulletList": True,
        "OrderedList": True,
        "ListItem": True,
        "Blockquote": True,
        "HorizontalRule": True,
        "HardBreak": True,
        "Table": True,
        "TableRow": True,
        "TableHeader": True,
        "TableCell": True,
        # Pictures by address, with a description and a caption.
        "Figure": True,
        "Image": True,
        "Caption": True,
    }
}

# The buttons under the form (templates/admin/blog/post/submit_line.html), by name.
WORKFLOW_BUTTONS = (SAVE_DRAFT, PUBLISH, SCHEDULE, UNPUBLISH, *DESK_BUTTONS)


def workflow_button(data):
    """Return the name of the workflow button a submitted form was sent with, if any."""
    return next((name for name in WORKFLOW_BUTTONS if name in data), None)


class PostAdminForm(forms.ModelForm):
    # Who fills the form in: PostAdmin.get_form sets it, and the desk's buttons check it.
    user = None
    # A picker of date and time together, in the publication's zone (the admin's own widget
    # splits them and names no zone).
    published_at = forms.DateTimeField(
        label="Publication time",
        required=False,
        widget=ZonedDateTimeInput(),
        help_text="To schedule, give a time to come and press Schedule: the post appears by "
        "itself at that time. Left empty, publishing uses the present moment.",
    )
    review_note = forms.CharField(
        label="Note for the desk",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kept with the post's editorial notes. Needed to request changes.",
    )

    class Meta:
        model = Post
        # The admin chooses the fields from its fieldsets; these are the ones set up here.
        fields = ["title", "slug", "body", "status", "published_at"]
        widgets = {
            "body": AdminProseEditorWidget(config=BODY_EDITOR, preset="configurable"),
            # The state is said in words beside it, and the buttons change it.
            "status": forms.HiddenInput(),
        }
        help_texts = {
            "body": "A YouTube or Vimeo address alone on a line becomes the video's player.",
            "status": "Draft: only you and the editors see it. Published: readers see it from "
            "its publication time.",
        }
        error_messages = {
            "title": {"required": "Give the post a title: readers see it first."},
            "slug": {
                "unique": "Another post already has this address. Change the slug, for "
                "example by adding “-2”.",
                "required": "Give the post an address: a slug such as “my-first-column”.",
            },
            "body": {"required": "Write the post's body before saving it."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_typing_aids()
        if self.initial.get("body"):
            # Saving made players of video addresses; the editor shows the addresses again.
            self.initial["body"] = unembed_videos(self.initial["body"])

    def add_typing_aids(self):
        """Spell-check what readers read; suggest existing tags as the author types."""
        for name in ("title", "excerpt"):
            if name in self.fields:
                self.fields[name].widget.attrs["spellcheck"] = "true"
        if "title" in self.fields:
            self.fields["title"].widget.attrs["class"] = "vTextField post-title"
        if "excerpt" in self.fields:
            self.fields["excerpt"].widget.attrs.update({"rows": 3, "class": "post-excerpt"})
        if "tags" in self.fields:
            self.fields["tags"].widget.attrs.update(
                {
                    "autocomplete": "off",
                    "data-suggestions": reverse("admin:blog_post_tag_suggestions"),
                }
            )
            self.fields["tags"].help_text = (
                "Separate tags with commas. As you type, tags already in use are suggested, "
                "the most used first: choose one rather than a variant of it."
            )

    def clean_tags(self):
        names = self.cleaned_data["tags"]
        # A tag's address is made of its name's letters and digits: without any, it has none.
        if nameless := [name for name in names if not Tag().slugify(name)]:
            raise forms.ValidationError(
                "A tag needs a letter or a digit: %(names)s.",
                params={"names": ", ".join(f"“{name}”" for name in nameless)},
            )
        return names

    def clean(self):
        cleaned_data = super().clean()
        button = workflow_button(self.data)
        if button and self.user is not None:
            check_desk_button(self, button)
        if button in (SAVE_DRAFT, UNPUBLISH):
            cleaned_data["status"] = Post.Status.DRAFT
        elif button == PUBLISH:
            cleaned_data["status"] = Post.Status.PUBLISHED
            # A post readers already see keeps its date, and so its address.
            if not self.instance.is_published():
                cleaned_data["published_at"] = timezone.now()
        elif button == SCHEDULE:
            cleaned_data["status"] = Post.Status.PUBLISHED
            when = cleaned_data.get("published_at")
            if when is None or when <= timezone.now():
                self.add_error(
                    "published_at", "To schedule the post, give it a publication time to come."
                )
        return cleaned_data
