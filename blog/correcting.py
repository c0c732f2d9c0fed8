"""Correcting a published post: an editor ticks "This edit is a correction" on its form and
writes a short public note; readers find it under the post, in the feeds (the entry's updated
time) and at /corrections/. An edit without it (a typo fixed) stays silent.
"""

from django import forms
from django.utils import timezone

from blog.cache_tags import post_tags
from blog.models import Correction, Post
from edge.state import content_changed
from plaintext import clean_text

# The tag of the /corrections/ page, purged whenever a correction is made.
CORRECTIONS = "corrections"
NOTE_LENGTH = Correction._meta.get_field("note").max_length


def correct_post(*, post: Post, note: str, by) -> Correction:
    """Record a correction of post with its public note, and purge the pages that show it."""
    correction = Correction.objects.create(post=post, note=note, made_at=timezone.now(), made_by=by)
    content_changed(CORRECTIONS, *post_tags(post))
    return correction


def may_correct(user, post) -> bool:
    """Say whether user may mark an edit of post as a correction: editors, on a public post."""
    return post is not None and user.has_perm("blog.edit_any_post") and post.is_published()


def correction_form(base):
    """Return base, a post form, with the correction's tick box and note."""

    class CorrectionForm(base):
        is_correction = forms.BooleanField(
            label="This edit is a correction",
            required=False,
            help_text="Tick for a correction of fact readers should know about: the note "
            "appears under the post, at /corrections/ and in the feeds. Leave it for typos.",
        )
        correction_note = forms.CharField(
            label="Correction note",
            max_length=NOTE_LENGTH,
            required=False,
            strip=True,
            widget=forms.Textarea(attrs={"rows": 2, "maxlength": NOTE_LENGTH}),
            help_text="One or two plain sentences readers see as “Corrected on 9 December: …”, "
            "e.g. “An earlier version gave the survey's year as 2019; it was 2021.”",
        )

        def clean(self):
            cleaned_data = super().clean()
            # One plain line: what readers get is text, never markup.
            note = " ".join(clean_text(cleaned_data.get("correction_note", "")).split())
            cleaned_data["correction_note"] = note
            if cleaned_data.get("is_correction"):
                if not note:
                    self.add_error(
                        "correction_note",
                        "Write the note readers will see under the post, or untick “This edit "
                        "is a correction” to save the edit silently.",
                    )
                if cleaned_data.get("status") != Post.Status.PUBLISHED:
                    self.add_error(
                        "is_correction",
                        "Only a published post is corrected: keep it published, or untick "
                        "“This edit is a correction”.",
                    )
            elif note:
                self.add_error(
                    "is_correction",
                    "Tick “This edit is a correction” to publish the note, or empty the note.",
                )
            return cleaned_data

    return CorrectionForm


class CorrectionAdminMixin:
    """Give editors, on a published post's form, the correction's tick box and note."""

    correction_fieldset = (
        "Correction",
        {"fields": ["is_correction", "correction_note"], "classes": ["correction"]},
    )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if may_correct(request.user, obj):
            return [*fieldsets, self.correction_fieldset]
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        if may_correct(request.user, obj):
            kwargs["form"] = correction_form(kwargs.get("form", self.form))
        return super().get_form(request, obj, change, **kwargs)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        post = form.instance
        # The fields exist only on an editor's form of a published post; checked again here.
        if form.cleaned_data.get("is_correction") and may_correct(request.user, post):
            correct_post(post=post, note=form.cleaned_data["correction_note"], by=request.user)
