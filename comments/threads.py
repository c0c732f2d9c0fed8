"""A post's discussion, a page of threads at a time.

A thread is an approved top-level comment and its approved replies, which sit one level
under it. A reply whose comment is withdrawn after it was approved (rejected, marked spam or
sent back to the queue) keeps its place in the discussion as a thread of its own. Threads
come oldest first, COMMENTS_PER_PAGE to a page, so that a post with hundreds of comments
opens as fast as one with five; `?comments=N` asks for page N. A reader also sees their own
comments that wait for a moderator: replies under the comment they answer, and new threads
on the last page, where the newest threads are. A thread shows its first REPLIES_PER_THREAD
replies; the rest are on the thread's own pages (`replies_to`).

A page costs two queries whatever the size of the discussion: the page of threads with the
counts the page shows, then their replies.
"""

import math
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, F, Q, Subquery, Value, Window
from django.db.models.functions import Coalesce, RowNumber

from comments.models import Comment

PAGE_PARAMETER = "comments"
# The reader's comments still waiting for a moderator, kept in their session to show them.
AWAITING_SESSION_KEY = "comments_awaiting"
# No discussion has this many pages: a later one is read as the last page.
MAX_PAGE = 100_000
# A comment that begins a thread: one answering nothing, or nothing the public still sees
# (Comment.thread_start says the same of one comment).
STANDS_ALONE = Q(parent__isnull=True) | ~Q(parent__status=Comment.Status.APPROVED)


@dataclass
class ThreadPage:
    threads: list = field(default_factory=list)
    number: int = 1
    num_pages: int = 1
    approved_count: int = 0

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def has_next(self):
        return self.number < self.num_pages

    @property
    def previous_page_number(self):
        return self.number - 1

    @property
    def next_page_number(self):
        return self.number + 1


def requested_page(value) -> int:
    """Read ?comments=: a page number (a later one than any discussion has stands for the
    last page), 1 for anything else."""
    value = str(value)
    if not (value.isascii() and value.isdecimal()):
        return 1
    if len(value) > len(str(MAX_PAGE)):
        return MAX_PAGE
    return max(1, min(int(value), MAX_PAGE))


def thread_page(post, number=1, *, awaiting=()) -> ThreadPage:
    """Return page number of post's threads (the last page when number is past it), with
    the comments whose ids are in awaiting shown to the reader who wrote them."""
    per_page = settings.COMMENTS_PER_PAGE
    all_approved = (
        Comment.objects.on_post(post)
        .approved()
        .order_by()
        .values("post")
        .annotate(n=Count("pk"))
        .values("n")
    )
    threads_with_counts = _approved_threads(post).annotate(
        thread_count=Window(Count("pk")),
        approved_count=Coalesce(Subquery(all_approved), Value(0)),
    )
    start = (number - 1) * per_page
    threads = list(threads_with_counts[start : start + per_page])
    if not threads and number > 1:  # past the end, as an old link may be: the last page
        number = _pages(_approved_threads(post).count())
        start = (number - 1) * per_page
        threads = list(threads_with_counts[start : start + per_page])
    page = ThreadPage(number=number)
    if threads:
        page.num_pages = _pages(threads[0].thread_count)
        page.approved_count = threads[0].approved_count
    if awaiting and page.number == page.num_pages:
        threads += _undecided(post, awaiting).filter(STANDS_ALONE)
    _attach_replies(post, threads, awaiting)
    page.threads = threads
    return page


def _approved_threads(post):
    return Comment.objects.on_post(post).approved().filter(STANDS_ALONE)


def _pages(thread_count):
    """Return how many pages thread_count threads fill (one, even when there are none)."""
    return max(1, math.ceil(thread_count / settings.COMMENTS_PER_PAGE))


def _undecided(post, awaiting):
    # Held spam looks to its sender like any comment awaiting moderation.
    return Comment.objects.on_post(post).filter(
        pk__in=awaiting,
        status__in=[Comment.Status.PENDING, Comment.Status.SPAM],
        decided_at__isnull=True,
    )


def _attach_replies(post, threads, awaiting):
    """Give each thread its first REPLIES_PER_THREAD approved replies, and as many of the
    reader's own awaiting ones, as thread_replies; the number of approved replies beyond
    them, which only the thread's own pages show, as more_replies; and the first of those
    as first_unseen, where the link to the rest lands."""
    shown = settings.REPLIES_PER_THREAD
    # The thread's pages list its replies COMMENTS_PER_PAGE at a time.
    unseen_page = shown // settings.COMMENTS_PER_PAGE + 1
    for thread in threads:
        thread.thread_replies = []
        thread.more_replies = 0
        thread.first_unseen = None
    if not threads:
        return
    by_pk = {thread.pk: thread for thread in threads}
    visible = Q(status=Comment.Status.APPROVED)
    if awaiting:
        visible |= Q(pk__in=_undecided(post, awaiting).values("pk"))
    # Numbered and counted apart: the approved replies, and the reader's own awaiting ones.
    in_thread = {"partition_by": [F("parent"), F("status")]}
    replies = (
        Comment.objects.filter(visible, parent__in=list(by_pk))
        .annotate(
            position=Window(RowNumber(), order_by=[F("created_at"), F("pk")], **in_thread),
            of_its_kind=Window(Count("pk"), **in_thread),
        )
        .filter(position__lte=shown + 1)  # one more, to name the first left unshown
        .order_by("created_at", "pk")
    )
    for reply in replies:
        thread = by_pk[reply.parent_id]
        if reply.position <= shown:
            thread.thread_replies.append(reply)
        elif reply.status == Comment.Status.APPROVED:
            thread.first_unseen = reply
            thread.more_replies = reply.of_its_kind - shown
            thread.first_unseen_page = unseen_page


def replies_to(thread):
    """Return the approved replies to thread, oldest first: its own pages list them all."""
    return Comment.objects.approved().filter(parent=thread).order_by("created_at", "pk")


def page_of(comment) -> int:
    """Return the page of its post's discussion on which comment shows."""
    thread = comment.thread_start()
    threads = _approved_threads(thread.post_id)
    if not thread.is_public():  # the writer's own: on the last page
        return _pages(threads.count())
    earlier = threads.filter(
        Q(created_at__lt=thread.created_at) | Q(created_at=thread.created_at, pk__lt=thread.pk)
    )
    return _pages(earlier.count() + 1)
