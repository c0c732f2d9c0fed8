from django import forms
from django.conf import settings

from comments.models import Comment
from plaintext import PlainTextField, clean_text, count_links


class CommentForm(forms.ModelForm):
    """The form under each post, with a quiet trap for robots: a honeypot.

    The form is part of a page every anonymous reader shares, so it holds nothing of its
    own: no token and no clock (a signed start time would be the time the shared copy was
    made, and a check on it would pass every robot).
    """

    website = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
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
        # Line breaks count once, as the reader typed them.
        field_classes = {"body": PlainTextField}

    def __init__(self, *args, post, **kwargs):
        self.post = post
        super().__init__(*args, **kwargs)
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
        return cleaned
