"""The editorial desk: who may move a post between review states, and the moves themselves."""

import reversion
from django.core.exceptions import PermissionDenied
from django.db import transaction

from blog.models import EditorialNote
from blog.review_states import ReviewState
from blog.review_tasks import tell_editors_of_submission, tell_writer_of_decision

CONTRIBUTORS = "Contributors"


def is_editor(user):
    return user.has_perm("blog.edit_any_post")


def needs_review(user):
    """Say whether user's posts go through the editors before readers see them."""
    if not hasattr(user, "_needs_review"):
        if not user.is_authenticated or is_editor(user):
            user._needs_review = False
        elif user.groups.filter(name=CONTRIBUTORS).exists():
            user._needs_review = True
        else:
            author = getattr(user, "author", None)
            user._needs_review = bool(author and author.needs_review)
    return user._needs_review


def is_writer(user, post):
    """Say whether user writes post: its lead author or one of its co-authors."""
    return post.pk is not None and (post.author.user_id == user.pk or post.is_coauthored_by(user))


def may_publish(user, post):
    """Say whether user may publish, schedule or unpublish post without review."""
    return post.can_be_edited_by(user) and not needs_review(user)


def may_edit(user, post):
    """Say whether user may change post: a writer who needs review only while it is theirs."""
    if not post.can_be_edited_by(user):
        return False
    return not needs_review(user) or post.pk is None or post.may_be_submitted()


def may_submit(user, post):
    return is_writer(user, post) and post.may_be_submitted() and post.can_be_edited_by(user)


def may_decide(user, post):
    """Say whether user may approve post or send it back: an editor, on a post in review."""
    return is_editor(user) and post.is_in_review()


def may_read_notes(user, post):
    """Say whether user may read and write post's editorial notes: its writer and editors."""
    return user.is_active and user.is_staff and (is_editor(user) or is_writer(user, post))


def _record(post, *, by, comment, note=None):
    """Keep the post (and a note on it) in a revision saying who moved it, and why."""
    reversion.add_to_revision(post)
    if note is not None:
        reversion.add_to_revision(note)
    reversion.set_user(by)
    reversion.set_comment(comment)


@transaction.atomic
def add_note(*, post, by, body, passage="", parent=None) -> EditorialNote:
    """Add an editorial note to post, kept in the post's history."""
    if not may_read_notes(by, post):
        raise PermissionDenied
    if parent is not None:
        if parent.post_id != post.pk:
            raise PermissionDenied
        # Replies go one level deep: an answer to an answer joins the same thread.
        parent = parent.parent or parent
    with reversion.create_revision():
        note = EditorialNote.objects.create(
            post=post, author=by, body=body.strip(), passage=passage.strip(), parent=parent
        )
        _record(post, by=by, comment="Added an editorial note", note=note)
    return note


@transaction.atomic
def submit_for_review(*, post, by, note="") -> None:
    """Hand the writer's draft to the editors, and tell them."""
    if not may_submit(by, post):
        raise PermissionDenied
    with reversion.create_revision():
        post.submit_for_review(by=by)
        written = add_note(post=post, by=by, body=note) if note.strip() else None
        _record(post, by=by, comment="Submitted for review", note=written)
    tell_editors_of_submission.enqueue(post_id=post.pk)


@transaction.atomic
def request_changes(*, post, by, note) -> EditorialNote:
    """Send a post in review back to its writer with a note saying what to change."""
    if not may_decide(by, post):
        raise PermissionDenied
    if not note.strip():
        raise ValueError("Say in a note what the writer should change.")
    with reversion.create_revision():
        post.request_changes(by=by)
        written = add_note(post=post, by=by, body=note)
        _record(post, by=by, comment="Changes requested", note=written)
    tell_writer_of_decision.enqueue(post_id=post.pk, decision=ReviewState.CHANGES_REQUESTED)
    return written


@transaction.atomic
def approve(*, post, by, at=None, note="") -> None:
    """Approve a post in review: publish it now, or schedule it for at; tell its writer."""
    if not may_decide(by, post):
        raise PermissionDenied
    with reversion.create_revision():
        post.approve(by=by, at=at)
        written = add_note(post=post, by=by, body=note) if note.strip() else None
        comment = "Approved and scheduled" if post.is_scheduled() else "Approved and published"
        _record(post, by=by, comment=comment, note=written)
    tell_writer_of_decision.enqueue(post_id=post.pk, decision=ReviewState.APPROVED)
