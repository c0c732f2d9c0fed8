"""The desk's side of the post form: the buttons each person gets, and the checks behind them."""

from django import forms
from django.utils import timezone
from django.utils.html import format_html

from blog import review

SAVE_DRAFT, PUBLISH, SCHEDULE, UNPUBLISH = "_save_draft", "_publish", "_schedule", "_unpublish"
SUBMIT, REQUEST_CHANGES = "_submit_for_review", "_request_changes"
APPROVE, APPROVE_SCHEDULE = "_approve", "_approve_and_schedule"
DESK_BUTTONS = (SUBMIT, REQUEST_CHANGES, APPROVE, APPROVE_SCHEDULE)
# Buttons that move a post on the desk: the form saves it as a draft, the desk moves it after.
KEEP_DRAFT = DESK_BUTTONS

LABELS = {
    SAVE_DRAFT: "Save draft",
    PUBLISH: "Publish now",
    SCHEDULE: "Schedule",
    UNPUBLISH: "Unpublish",
    SUBMIT: "Submit for review",
    REQUEST_CHANGES: "Request changes",
    APPROVE: "Approve and publish",
    APPROVE_SCHEDULE: "Approve and schedule",
}
# What a refused button would have done, for the message that refuses it.
VERBS = {
    SAVE_DRAFT: "save this post",
    PUBLISH: "publish this post",
    SCHEDULE: "schedule this post",
    UNPUBLISH: "unpublish this post",
    SUBMIT: "submit this post for review",
    REQUEST_CHANGES: "request changes to this post",
    APPROVE: "approve this post",
    APPROVE_SCHEDULE: "approve this post",
}


def buttons_for(user, post):
    """Return the buttons, first the primary one, that user may press on post (None: new)."""
    new = post is None or post.pk is None
    if not new and not review.may_edit(user, post):
        return []
    if review.needs_review(user):
        return [SUBMIT, SAVE_DRAFT]
    if not new and review.may_decide(user, post):
        return [APPROVE, APPROVE_SCHEDULE, REQUEST_CHANGES]
    if new or post.status == "draft":
        return [PUBLISH, SCHEDULE, SAVE_DRAFT]
    if post.is_scheduled():
        return [PUBLISH, SCHEDULE, UNPUBLISH]
    return [UNPUBLISH]


def may_press(user, post, button):
    """Say whether the server lets user press button on post (a new one has no pk)."""
    new = post.pk is None
    if button in (PUBLISH, SCHEDULE, UNPUBLISH):
        return not review.needs_review(user) and (new or review.may_publish(user, post))
    if button == SAVE_DRAFT:
        return (new or review.may_edit(user, post)) and (
            review.may_publish(user, post) if post.status == "published" else True
        )
    if button == SUBMIT:
        return hasattr(user, "author") if new else review.may_submit(user, post)
    return not new and review.may_decide(user, post)


def desk_buttons(user, post):
    """Return the buttons as the template draws them: name, label and whether primary.

    A post still on its way to readers gets a primary action; a public or scheduled one keeps
    Save as its primary.
    """
    on_its_way = post is None or post.pk is None or post.status == "draft"
    return [
        {"name": name, "label": LABELS[name], "primary": index == 0 and on_its_way}
        for index, name in enumerate(buttons_for(user, post))
    ]


def check_desk_button(form, button):
    """Refuse a button the user may not press, and check what a desk button needs."""
    user, post = form.user, form.instance
    if not may_press(user, post, button):
        raise forms.ValidationError(
            "You cannot %(verb)s. %(hint)s",
            params={
                "verb": VERBS[button],
                "hint": "Submit it for review: an editor publishes it."
                if review.needs_review(user)
                else "Reload the page to see where it stands now.",
            },
            code="refused",
        )
    if button == APPROVE_SCHEDULE:
        when = form.cleaned_data.get("published_at")
        if when is None or when <= timezone.now():
            form.add_error(
                "published_at", "To approve and schedule, give a publication time to come."
            )
        form.approve_at = when
    if button in KEEP_DRAFT:
        # The desk publishes, once the form has saved the words.
        form.cleaned_data["status"] = "draft"
        form.cleaned_data["published_at"] = post.published_at
    if button == REQUEST_CHANGES and not form.cleaned_data.get("review_note", "").strip():
        form.add_error(
            "review_note", "Say in a note what the writer should change, then press again."
        )


class ZonedDateTimeInput(forms.DateTimeInput):
    """A date-time picker in the publication's zone, the zone named beside it."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")

    def render(self, name, value, attrs=None, renderer=None):
        zone_id = f"{(attrs or {}).get('id', name)}_zone"
        attrs = {**(attrs or {}), "aria-describedby": zone_id}
        picker = super().render(name, value, attrs, renderer)
        now = timezone.localtime()
        return picker + format_html(
            ' <span class="timezonewarning" id="{}">{} time ({})</span>',
            zone_id,
            timezone.get_current_timezone_name(),
            now.tzname(),
        )
