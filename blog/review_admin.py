"""The desk on the post's admin form: buttons, editorial notes and the moves the buttons make."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from blog import review
from blog.models import EditorialNote, Post
from blog.review_forms import (
    APPROVE,
    APPROVE_SCHEDULE,
    DESK_BUTTONS,
    REQUEST_CHANGES,
    SAVE_DRAFT,
    SUBMIT,
    buttons_for,
    desk_buttons,
)
from blog.review_words import moment, state_in_words


class NoteForm(forms.Form):
    body = forms.CharField(
        label="Note",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=10_000,
        error_messages={"required": "Write the note before adding it."},
        help_text="Plain text. Only the post's writer and the editors read it.",
    )
    passage = forms.CharField(
        label="About the passage",
        required=False,
        max_length=1_000,
        help_text="Optional: copy the words of the post the note is about.",
    )
    parent = forms.ModelChoiceField(
        queryset=EditorialNote.objects.none(), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, post, **kwargs):
        # Its fields live on the post's page beside the post's own ("body" among them).
        kwargs.setdefault("prefix", "note")
        super().__init__(*args, **kwargs)
        self.post = post
        self.fields["parent"].queryset = EditorialNote.objects.filter(post=post)
        self.fields["parent"].error_messages["invalid_choice"] = (
            "The note you answered is no longer there. Add yours as a new note."
        )

    def clean_passage(self):
        passage = " ".join(self.cleaned_data["passage"].split())
        text = " ".join(self.post.body_text.split())
        if passage and passage.casefold() not in text.casefold():
            raise forms.ValidationError(
                "These words are not in the post as saved. Copy them exactly, or leave "
                "the passage empty."
            )
        return passage


def note_threads(post):
    """Return the post's notes as threads: each first note with its answers, oldest first."""
    notes = list(EditorialNote.objects.for_post(post))
    replies = {}
    for note in notes:
        if note.parent_id:
            replies.setdefault(note.parent_id, []).append(note)
    return [(note, replies.get(note.pk, [])) for note in notes if note.parent_id is None]


@admin.display(description="Publication time", ordering="published_at")
def publication_time(post):
    """The post list's publication time, short, in the publication's zone, named."""
    return moment(post.published_at, short=True) if post.published_at else "—"


def change_form_context(request, obj):
    """Return what the post's form shows of the desk: buttons, state and the notes."""
    buttons = desk_buttons(request.user, obj)
    context = {"desk_buttons": buttons, "desk_primary": any(b["primary"] for b in buttons)}
    if obj is None or obj.pk is None or obj.status == "draft":
        # On a draft, Save draft is the one plain save, first so that Enter in a field saves.
        save_draft = [b for b in buttons if b["name"] == SAVE_DRAFT]
        context.update(
            desk_buttons=[b for b in buttons if b["name"] != SAVE_DRAFT],
            desk_save=save_draft[0] if save_draft else None,
        )
    if obj is not None and obj.pk and review.may_read_notes(request.user, obj):
        context.update(
            desk_state=state_in_words(obj),
            note_threads=note_threads(obj),
            note_form=NoteForm(post=obj),
            notes_url=reverse("admin:blog_post_notes", args=[obj.pk]),
        )
    return context


def wants_review_note(user, obj):
    """Say whether the form offers a note for the desk with its buttons."""
    return any(name in DESK_BUTTONS for name in buttons_for(user, obj))


def apply_desk_button(request, obj, form, button):
    """Make the move a desk button asks for, once the form has saved the post."""
    note = form.cleaned_data.get("review_note", "")
    if button == SUBMIT:
        review.submit_for_review(post=obj, by=request.user, note=note)
    elif button == REQUEST_CHANGES:
        review.request_changes(post=obj, by=request.user, note=note)
    elif button in (APPROVE, APPROVE_SCHEDULE):
        at = getattr(form, "approve_at", None) if button == APPROVE_SCHEDULE else None
        review.approve(post=obj, by=request.user, at=at, note=note)


def keep_note_of_a_plain_save(request, obj, form, button):
    """Keep a note for the desk written in the form and saved without a desk button."""
    note = form.cleaned_data.get("review_note", "")
    if button not in DESK_BUTTONS and note.strip() and review.may_read_notes(request.user, obj):
        review.add_note(post=obj, by=request.user, body=note)


def desk_urls(model_admin):
    return [
        path(
            "<path:object_id>/notes/",
            model_admin.admin_site.admin_view(
                lambda request, object_id: notes_view(model_admin, request, object_id)
            ),
            name="blog_post_notes",
        )
    ]


def notes_view(model_admin, request, object_id):
    """Add an editorial note to a post its writer or an editor has open."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    post = model_admin.get_object(request, unquote(object_id))
    if post is None:
        raise Http404("No such post.")
    if not review.may_read_notes(request.user, post):
        raise PermissionDenied
    form = NoteForm(request.POST, post=post)
    if not form.is_valid():
        context = {
            **model_admin.admin_site.each_context(request),
            "opts": Post._meta,
            "original": post,
            "title": f"Add a note to “{post}”",
            "note_form": form,
            "notes_url": request.path,
        }
        return TemplateResponse(request, "admin/blog/post/note_form.html", context)
    note = review.add_note(
        post=post,
        by=request.user,
        body=form.cleaned_data["body"],
        passage=form.cleaned_data["passage"],
        parent=form.cleaned_data["parent"],
    )
    messages.success(request, "Your note is added.")
    return HttpResponseRedirect(note.get_absolute_url())
