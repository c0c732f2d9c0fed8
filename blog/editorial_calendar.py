"""The editorial calendar: a month or a week of scheduled and published columns, the days each
columnist's rhythm expects one (overdue ones marked), and moving a scheduled column to
another day, inside the admin site.

Editors see every active columnist; a columnist sees their own columns and slots only.
"""

import datetime
from dataclasses import dataclass, field

import reversion
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Q
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from authors import rhythm
from authors.models import Author
from blog import sidebar
from blog.cache_tags import post_tags
from blog.coauthors import coauthored_columns
from blog.models import Post
from edge.state import content_changed
from edge.tags import LAYOUT

MONTH, WEEK = "month", "week"
# Columnists' entries take one of this many colours, in the blog roll's order.
COLOURS = 8
# Posts this many days either side of the page are read too: they fill the windows of the
# slots the page shows (see authors.rhythm.WINDOWS).
MARGIN = datetime.timedelta(days=16)


def sees_everyone(user):
    return user.has_perm("blog.edit_any_post")


@dataclass
class Day:
    date: datetime.date
    in_period: bool
    is_today: bool
    posts: list = field(default_factory=list)
    slots: list = field(default_factory=list)


@dataclass
class Columnist:
    author: Author
    colour: int
    rule: rhythm.Rule | None
    slots: list = field(default_factory=list)


def period(view, day):
    """Return the first and last days a month or week view of day shows, Monday to Sunday."""
    if view == WEEK:
        first = day - datetime.timedelta(days=day.weekday())
        return first, first + datetime.timedelta(days=6), first
    month_start = day.replace(day=1)
    first = month_start - datetime.timedelta(days=month_start.weekday())
    next_month = (month_start + datetime.timedelta(days=32)).replace(day=1)
    month_end = next_month - datetime.timedelta(days=1)
    return first, month_end + datetime.timedelta(days=6 - month_end.weekday()), month_start


def neighbours(view, anchor):
    """Return the days that the previous and next pages of the view start from."""
    if view == WEEK:
        return anchor - datetime.timedelta(days=7), anchor + datetime.timedelta(days=7)
    previous = (anchor - datetime.timedelta(days=1)).replace(day=1)
    return previous, (anchor + datetime.timedelta(days=32)).replace(day=1)


def _parse_day(value, default):
    try:
        return datetime.date.fromisoformat(value) if value else default
    except ValueError:
        return default


def calendar_url(view, day):
    return f"{reverse('admin:blog_post_calendar')}?{urlencode({'view': view, 'day': day})}"


def columnists_for(user, now):
    """Return the columnists user's calendar shows, with the day of each one's last column."""
    authors = Author.objects.all() if sees_everyone(user) else Author.objects.filter(user=user)
    if sees_everyone(user):
        authors = authors.active()
    last = Max("posts__published_at", filter=Q(posts__status=Post.Status.PUBLISHED,
                                                 posts__published_at__lte=now))  # fmt: skip
    return list(authors.annotate(last_published=last).order_by("blog_roll_order", "display_name"))


def calendar_view(request, admin_site):
    """Show a month or a week of columns and expected slots, with prev/next links."""
    user = request.user
    if not (sees_everyone(user) or hasattr(user, "author")):
        raise PermissionDenied
    now = timezone.now()
    today = timezone.localdate(now)
    view = WEEK if request.GET.get("view") == WEEK else MONTH
    day = _parse_day(request.GET.get("day"), today)
    first, last, anchor = period(view, day)
    authors = columnists_for(user, now)
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(first - MARGIN, datetime.time(), tzinfo=tz)
    end = datetime.datetime.combine(last + MARGIN + datetime.timedelta(days=1), datetime.time(),
                                    tzinfo=tz)  # fmt: skip
    posts = (
        Post.objects.filter(
            status=Post.Status.PUBLISHED,
            published_at__gte=start,
            published_at__lt=end,
            author__in=[a.pk for a in authors],
        )  # fmt: skip
        .select_related("author")
        .only("title", "slug", "status", "published_at", "author__display_name", "author__slug")
        .order_by("published_at", "pk")
    )
    days = {
        first + datetime.timedelta(days=n): Day(
            first + datetime.timedelta(days=n),
            in_period=view == WEEK or (first + datetime.timedelta(days=n)).month == anchor.month,
            is_today=first + datetime.timedelta(days=n) == today,
        )
        for n in range((last - first).days + 1)
    }
    columnists = {}
    for index, author in enumerate(authors):
        columnists[author.pk] = Columnist(author, index % COLOURS, rhythm.parse(author.rhythm))
    column_days = {pk: [] for pk in columnists}
    for post in posts:
        local = timezone.localtime(post.published_at)
        column_days[post.author_id].append(local.date())
        if local.date() in days:
            post.local_time = local
            post.colour = columnists[post.author_id].colour
            post.can_move = post.published_at > now
            days[local.date()].posts.append(post)
    # A column someone co-writes fills their slot too.
    for pk, moment in coauthored_columns(list(columnists), start=start, end=end):
        column_days[pk].append(timezone.localdate(moment))
    for pk, columnist in columnists.items():
        if columnist.rule is None:
            continue
        last_day = columnist.author.last_published
        anchor_day = timezone.localdate(last_day) if last_day else None
        # Nobody owed columns before they joined.
        joined = timezone.localdate(columnist.author.created_at)
        expected = rhythm.expected_slots(columnist.rule, max(first, joined), last, anchor_day)
        columnist.slots = rhythm.assess(columnist.rule, expected, column_days[pk], today)
        for slot in columnist.slots:
            days[slot.day].slots.append((columnist, slot))
    day_list = list(days.values())
    previous, following = neighbours(view, anchor)
    context = {
        **admin_site.each_context(request),
        "title": "Editorial calendar",
        "opts": Post._meta,
        "view": view,
        "anchor": anchor,
        "first": first,
        "last": last,
        "weeks": [day_list[i : i + 7] for i in range(0, len(day_list), 7)],
        "columnists": list(columnists.values()),
        "not_understood": [c for c in columnists.values() if c.rule is None],
        "time_zone": settings.TIME_ZONE,
        "previous_url": calendar_url(view, previous),
        "next_url": calendar_url(view, following),
        "today_url": calendar_url(view, today),
        "month_url": calendar_url(MONTH, day),
        "week_url": calendar_url(WEEK, day),
        "sees_everyone": sees_everyone(user),
    }
    return TemplateResponse(request, "blog/calendar.html", context)


class MoveRefused(Exception):
    pass


def move_post(*, post_admin, request, post_id, day):
    """Move a scheduled post to day at the same time of day; purge what it was and is."""
    post = post_admin.get_queryset(request).filter(pk=post_id).first()
    if post is None or not post_admin.has_change_permission(request, post):
        raise Http404("No such post.")
    if not post.is_scheduled():
        raise MoveRefused(f"“{post}” is not scheduled: only a column still to come can move.")
    local = timezone.localtime(post.published_at)
    moved = timezone.make_aware(datetime.datetime.combine(day, local.time().replace(tzinfo=None)))
    if moved <= timezone.now():
        raise MoveRefused(
            f"Choose a day to come for “{post}”: {day:%-d %B} at {local:%H:%M} has passed. "
            "To publish it now, use Publish now on its form."
        )
    before, layout = post_tags(post), sidebar.layout_state()
    with reversion.create_revision():
        post.publish(at=moved)
        reversion.set_user(request.user)
        reversion.set_comment(f"Moved on the calendar to {moved:%-d %B %Y %H:%M}.")
    content_changed(
        *before, *post_tags(post), *([LAYOUT] if layout != sidebar.layout_state() else [])
    )
    return post


@require_POST
def reschedule(request, post_admin):
    """Move a scheduled post to the date POSTed; answer JSON to scripts, a redirect to forms."""
    wants_json = "application/json" in request.headers.get("Accept", "")
    back = request.POST.get("next", "")
    if not back.startswith(reverse("admin:blog_post_calendar")):
        back = reverse("admin:blog_post_calendar")
    post_id = request.POST.get("post", "")
    try:
        day = datetime.date.fromisoformat(request.POST.get("date", ""))
    except ValueError:
        day = None
    if not post_id.isdigit():
        raise Http404("No such post.")
    try:
        if day is None:
            raise MoveRefused("Give the date to move the column to, as on the calendar.")
        post = move_post(post_admin=post_admin, request=request, post_id=int(post_id), day=day)
    except MoveRefused as refusal:
        if wants_json:
            return JsonResponse({"error": str(refusal)}, status=400)
        messages.error(request, str(refusal))
        return redirect(back)
    when = timezone.localtime(post.published_at)
    text = f"“{post}” is now scheduled for {when:%A %-d %B %Y at %H:%M}."
    if wants_json:
        return JsonResponse({"message": text, "date": when.date().isoformat()})
    messages.success(request, text)
    return redirect(back)
