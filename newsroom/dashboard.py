"""What a columnist finds on the newsroom's front page: their drafts, what is scheduled, how
recent columns fare with readers, and when the next one is due."""

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from authors.rhythm import next_due
from blog.models import Post
from comments.models import Comment

LISTED = 5


def columnist_desk(*, author, now=None):
    """Return the dashboard's contents for author, in four queries whatever their output."""
    now = now or timezone.now()
    posts = Post.objects.by_author(author).select_related("category").order_by()
    drafts = list(posts.drafts().order_by("-updated_at")[: LISTED + 1])
    scheduled = list(posts.scheduled().order_by("published_at"))
    published = list(
        posts.published()
        .annotate(
            comment_count=Count("comments", filter=Q(comments__status=Comment.Status.APPROVED)),
            waiting_count=Count("comments", filter=Q(comments__status=Comment.Status.PENDING)),
        )
        .order_by("-published_at")[:LISTED]
    )
    today = timezone.localdate(now)
    last = timezone.localdate(published[0].published_at) if published else None
    # Columns scheduled, and those just published, answer the slots around them.
    column_days = [timezone.localdate(post.published_at) for post in [*published, *scheduled]]
    due = next_due(author.rhythm, last, today, column_days)
    return {
        "author": author,
        "drafts": drafts[:LISTED],
        "more_drafts": len(drafts) > LISTED,
        "scheduled": scheduled,
        "published": published,
        "due": due,
        "time_zone": settings.TIME_ZONE,
    }
