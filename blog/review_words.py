"""A post's state said in words, with times in the publication's own zone, named."""

from django.utils import timezone
from django.utils.timesince import timesince

from blog.review_states import ReviewState


def moment(when, *, now=None, short=False):
    """Say a time in the publication's zone, named: 'Wednesday 9 December, 08:00 GMT', or
    short, 'Wed 9 Dec, 08:00 GMT' (the year only when it is not this one)."""
    local = timezone.localtime(when)
    now = timezone.localtime(now or timezone.now())
    year = f" {local.year}" if local.year != now.year else ""
    day, month = (f"{local:%a}", f"{local:%b}") if short else (f"{local:%A}", f"{local:%B}")
    return f"{day} {local.day} {month}{year}, {local:%H:%M} {local.tzname()}"


def state_in_words(post, *, now=None):
    """Say where a post stands: 'Draft', 'In review since …', 'Scheduled for …', 'Published …'."""
    now = now or timezone.now()
    if post.status == "published":
        if post.published_at is None:
            return "Published on saving"
        if post.published_at > now:
            return f"Scheduled for {moment(post.published_at, now=now)}"
        return f"Published {timesince(post.published_at, now, depth=1)} ago"
    since = post.review_changed_at
    if post.review_state == ReviewState.IN_REVIEW:
        return f"In review since {moment(since, now=now)}" if since else "In review"
    if post.review_state == ReviewState.CHANGES_REQUESTED:
        return f"Changes requested on {moment(since, now=now)}" if since else "Changes requested"
    return "Draft"
