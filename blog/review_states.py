"""Where a post stands on the editorial desk: its review state, who last moved it and when."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class ReviewState(models.TextChoices):
    NONE = "", "Not in review"
    IN_REVIEW = "in_review", "In review"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"
    APPROVED = "approved", "Approved"


# The review states a draft may be in; a published post is either approved or never was in
# review (a columnist who publishes directly, or an editor).
DRAFT_REVIEW_STATES = [ReviewState.NONE, ReviewState.IN_REVIEW, ReviewState.CHANGES_REQUESTED]
REVIEW_FIELDS = ["review_state", "review_changed_at", "review_changed_by"]


class InvalidTransition(Exception):
    """The post is not in a state the change starts from."""


def review_constraints():
    """Return the constraints that keep a post's review state and status in step."""
    return [
        models.CheckConstraint(
            condition=Q(review_state__in=ReviewState.values), name="post_review_state_valid"
        ),
        models.CheckConstraint(
            condition=Q(status="draft", review_state__in=DRAFT_REVIEW_STATES)
            | Q(status="published", review_state__in=[ReviewState.NONE, ReviewState.APPROVED]),
            name="post_review_state_matches_status",
        ),
    ]


class Reviewable(models.Model):
    """The review fields of a post and the state changes the desk makes."""

    review_state = models.CharField(
        max_length=20,
        choices=ReviewState.choices,
        default=ReviewState.NONE,
        blank=True,
        editable=False,
        help_text="Where the post stands on the editorial desk.",
    )
    review_changed_at = models.DateTimeField(
        "review state since", null=True, blank=True, editable=False
    )
    review_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text="Who last moved the post on the desk.",
    )

    class Meta:
        abstract = True

    def is_in_review(self):
        return self.review_state == ReviewState.IN_REVIEW

    def may_be_submitted(self):
        return self.status == "draft" and self.review_state in (
            ReviewState.NONE,
            ReviewState.CHANGES_REQUESTED,
        )

    def _move(self, state, *, by, fields=()):
        self.review_state = state
        self.review_changed_at = timezone.now()
        self.review_changed_by = by
        self.save(update_fields=[*REVIEW_FIELDS, *fields, "updated_at"])

    def submit_for_review(self, *, by):
        """Hand a draft (or a draft sent back) to the editors."""
        if not self.may_be_submitted():
            raise InvalidTransition("Only a draft can be submitted for review.")
        self._move(ReviewState.IN_REVIEW, by=by)

    def request_changes(self, *, by):
        """Send a post in review back to its writer."""
        if not self.is_in_review():
            raise InvalidTransition("Only a post in review can be sent back for changes.")
        self._move(ReviewState.CHANGES_REQUESTED, by=by)

    def approve(self, *, by, at=None):
        """Approve a post in review and publish it at once, or at the time given."""
        if not self.is_in_review():
            raise InvalidTransition("Only a post in review can be approved.")
        self.status = "published"
        now = timezone.now()
        self.published_at = at if at and at > now else now
        self._move(ReviewState.APPROVED, by=by, fields=["status", "published_at"])

    def unpublish(self):
        """Take the post off the site and back to draft, out of review."""
        self.status = "draft"
        self.review_state = ReviewState.NONE
        self.save(update_fields=["status", "review_state", "updated_at"])

    def settle_review_state(self):
        """Call a post published by other means (an editor's Publish) approved."""
        if self.status == "published" and self.review_state != ReviewState.NONE:
            self.review_state = ReviewState.APPROVED
        elif self.status == "draft" and self.review_state == ReviewState.APPROVED:
            self.review_state = ReviewState.NONE
