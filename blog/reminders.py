"""Reminding a columnist two days before a slot their rhythm expects, when nothing is
scheduled for it: one mail per slot, however often the reminders run."""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from authors import rhythm
from authors.models import Author
from blog.coauthors import coauthored_columns
from blog.models import Post
from worker.mail import send_keyed_once

# A columnist hears of a slot this many days before it.
NOTICE = datetime.timedelta(days=2)


def due_reminders(today: datetime.date) -> list[tuple[Author, rhythm.Slot]]:
    """Return (columnist, slot) for each active columnist with a slot NOTICE after today and
    no column published or scheduled within its window."""
    day = today + NOTICE
    now = timezone.now()
    last = Max(
        "posts__published_at",
        filter=Q(posts__status=Post.Status.PUBLISHED, posts__published_at__lte=now),
    )
    authors = (
        Author.objects.active()
        .exclude(rhythm="")
        .filter(user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
        .annotate(last_published=last)
    )
    expecting = []
    for author in authors:
        rule = rhythm.parse(author.rhythm)
        if rule is None:
            continue
        anchor = timezone.localdate(author.last_published) if author.last_published else None
        if day in rhythm.expected_slots(rule, day, day, anchor):
            expecting.append((author, rule))
    if not expecting:
        return []
    widest = max(max(rule.window) for _, rule in expecting)
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(day - datetime.timedelta(days=widest), datetime.time(), tz)
    end = datetime.datetime.combine(day + datetime.timedelta(days=widest + 1), datetime.time(), tz)
    columns = Post.objects.filter(
        status=Post.Status.PUBLISHED,
        published_at__gte=start,
        published_at__lt=end,
        author__in=[author.pk for author, _ in expecting],
    ).values_list("author_id", "published_at")
    ids = [author.pk for author, _ in expecting]
    days = {}
    for author_id, moment in [*columns, *coauthored_columns(ids, start=start, end=end)]:
        days.setdefault(author_id, []).append(timezone.localdate(moment))
    due = []
    for author, rule in expecting:
        (slot,) = rhythm.assess(rule, [day], days.get(author.pk, []), today)
        if not slot.is_filled:
            due.append((author, slot))
    return due


def remind(author: Author, slot: rhythm.Slot) -> bool:
    """Mail author about slot unless they were told already; say whether the mail went."""
    site = settings.SITE_URL.rstrip("/")
    context = {
        "author": author,
        "slot": slot,
        "write_url": site + reverse("admin:blog_post_add"),
        "calendar_url": site + reverse("admin:blog_post_calendar"),
        "publication_name": settings.PUBLICATION_NAME,
    }
    message = EmailMessage(
        f"Your column for {slot.day:%A %-d %B}: nothing is scheduled yet",
        render_to_string("blog/email/slot_reminder.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [author.user.email],
    )
    return send_keyed_once(message, key=f"slot-reminder:{author.pk}:{slot.day.isoformat()}")


def send_slot_reminders(*, today: datetime.date | None = None) -> int:
    """Remind each columnist whose slot is NOTICE away and unfilled; return the mails sent."""
    today = today or timezone.localdate()
    return sum(remind(author, slot) for author, slot in due_reminders(today))
