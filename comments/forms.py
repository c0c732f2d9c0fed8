import time

from django import forms
from django.conf import settings
from django.core import signing

from comments.models import Comment
from plaintext import clean_text, count_links

TIMESTAMP_SALT = "comments.form.started"
FORM_MAX_AGE = 24 * 60 * 60


class CommentForm(forms.ModelForm):
    """The form under each post, with two quiet traps for robots: a honeypot and a clock."""

    website = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Comment
        fields = ["name", "email", "location", "body"]
        labels = {"body": "Comment", "location": "Where you are (optional)"}
        help_texts = {
            "email": "Never shown. We write only if a moderator needs to.",
            "location": "Shown beside your name, e.g. “Leeds” or “México”.",
            "body": "Plain text. Separate paragraphs with a blank line; addresses become links.",
        }
        widgets = {"body": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, post, **kwargs):
        self.post = post
        super().__init__(*args, **kwargs)
        self.fields["started"].initial = signing.dumps(time.time(), salt=TIMESTAMP_SALT)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_name(self):
        return clean_text(self.cleaned_data["name"])

    def clean_location(self):
        return clean_text(self.cleaned_data["location"])

    def clean_body(self):
        body = clean_text(self.cleaned_data["body"])
        if not body:
            raise forms.ValidationError("Please write a comment.")
        limit = settings.COMMENTS_MAX_LINKS
        if count_links(body) > limit:
            raise forms.ValidationError(
                f"A comment may contain at most {limit} links; please remove some."
            )
        return body

    def clean_parent(self):
        parent_id = self.cleaned_data.get("parent")
        if not parent_id:
            return None
        # Replies go one level deep: an answer to a reply answers its parent, unless that
        # was withdrawn and the reply stands as a thread of its own (comments.threads).
        parent = (
            Comment.objects.approved()
            .on_post(self.post)
            .select_related("parent")
            .filter(pk=parent_id)
            .first()
        )
        if parent is None:
            raise forms.ValidationError("The comment you are replying to is not available.")
        return parent.thread_start()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(
                "Your comment could not be accepted. If you are a person, please leave the "
                "field marked “Leave this field empty” empty and send it again."
            )
        try:
            started = signing.loads(
                self.data.get("started", ""), salt=TIMESTAMP_SALT, max_age=FORM_MAX_AGE
            )
        except signing.BadSignature:
            # Re-rendered, the form carries a fresh clock so that the next attempt can pass.
            self.data = self.data.copy()
            self.data["started"] = signing.dumps(time.time(), salt=TIMESTAMP_SALT)
            raise forms.ValidationError(
                "This form has expired. Please check your comment and send it again."
            ) from None
        if time.time() - started < settings.COMMENTS_MIN_SECONDS:
            raise forms.ValidationError(
                "That was quick! Please take a moment to read your comment over, then send "
                "it again."
            )
        return cleaned
