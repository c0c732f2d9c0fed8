"""A columnist's posting rhythm read as a rule, and the days it expects a column.

A profile's rhythm is free text ("every Wednesday", "fortnightly on Fridays", "on the first
Tuesday of the month"). `parse()` reads the common ways of saying it into a `Rule`, or None
when it cannot: editors see such a rhythm as "not understood" and get no slots for it.
`expected_slots()` lists the days a rule expects a column between two dates, and
`assess()` says of each whether a column was published (or is scheduled) within its window
and whether it is overdue. Pure functions of dates: no database, no clock.

Fortnightly and monthly rules need a starting point: the *anchor*, the day of the
columnist's last published column. A fortnightly rhythm falls in the anchor's week and every
other week from it (with no column yet, in the weeks of REFERENCE_MONDAY); "monthly, usually
on a Thursday" takes the anchor's Thursday of the month (the second, say), "monthly" alone
its day of the month.
"""

import calendar
import datetime
import re
from dataclasses import dataclass

WEEKLY, FORTNIGHTLY, MONTHLY = "weekly", "fortnightly", "monthly"

WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
            "fourth": 4, "4th": 4, "last": -1}  # fmt: skip

# Fortnightly slots fall in the weeks of this Monday and every other week from it when the
# columnist has no published column to anchor them.
REFERENCE_MONDAY = datetime.date(2024, 1, 1)

# Days before and after a slot within which a column fills it: the slot's share of the
# period, so that two slots never share a column.
WINDOWS = {WEEKLY: (3, 3), FORTNIGHTLY: (6, 7), MONTHLY: (10, 10)}
# "Twice a month": two slots a month, each with a fortnight's window.
TWICE_MONTHLY_WINDOW = (6, 7)

_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Rule:
    """When a columnist is expected: a kind, and the weekdays (Monday is 0) or month days.

    `nths` are the weekday's occurrences in a month for a monthly rule (1 first, -1 last);
    `days` the days of the month when a monthly rule names no weekday.
    """

    kind: str
    weekdays: tuple[int, ...] = ()
    nths: tuple[int, ...] = ()
    days: tuple[int, ...] = ()
    twice: bool = False

    @property
    def window(self):
        """Return (days before, days after) a slot within which a column fills it."""
        return TWICE_MONTHLY_WINDOW if self.twice else WINDOWS[self.kind]


@dataclass(frozen=True)
class Slot:
    """A day a column is expected, whether one fills it and whether it is overdue."""

    day: datetime.date
    first: datetime.date
    last: datetime.date
    is_filled: bool
    is_overdue: bool


def parse(text: str) -> Rule | None:
    """Return the rule a rhythm's text describes, or None if it is not understood."""
    words = _WORD.findall(text.lower())
    if not words:
        return None
    weekdays = tuple(
        dict.fromkeys(
            WEEKDAYS[w.removesuffix("s")] for w in words if w.removesuffix("s") in WEEKDAYS
        )
    )
    joined = " ".join(words)
    if "fortnight" in joined or re.search(
        r"\b(every|each) (other|second|2nd|alternate)\b|\bbi ?weekly\b|\balternate\b", joined
    ):
        return Rule(FORTNIGHTLY, weekdays=weekdays[:1])
    if "month" in joined:
        twice = bool(re.search(r"\btwice\b|\btwo times\b", joined))
        nths = tuple(dict.fromkeys(ORDINALS[w] for w in words if w in ORDINALS))
        if twice and not nths and weekdays:
            nths = (1, 3)
        return Rule(MONTHLY, weekdays=weekdays[:1], nths=nths, twice=twice or len(nths) > 1)
    if weekdays or re.search(r"\bweekly\b|\b(every|each|once a) week\b", joined):
        return Rule(WEEKLY, weekdays=weekdays)
    return None


def expected_slots(
    rule: Rule, start: datetime.date, end: datetime.date, anchor: datetime.date | None = None
) -> list[datetime.date]:
    """Return the days from start to end (both included) on which rule expects a column.

    anchor is the day of the columnist's last published column, or None.
    """
    if rule.kind == MONTHLY:
        return _monthly_slots(rule, start, end, anchor)
    weekdays = rule.weekdays or ((anchor.weekday(),) if anchor else ())
    if not weekdays:
        return []
    days = (start + datetime.timedelta(days=n) for n in range((end - start).days + 1))
    slots = [day for day in days if day.weekday() in weekdays]
    if rule.kind == FORTNIGHTLY:
        base = _week_start(anchor or REFERENCE_MONDAY)
        slots = [day for day in slots if ((_week_start(day) - base).days // 7) % 2 == 0]
    return slots


def _week_start(day):
    return day - datetime.timedelta(days=day.weekday())


def _nth_weekday(year, month, weekday, nth):
    """Return the nth (1 first, -1 last) weekday of a month, or None if there is no such."""
    days = [
        datetime.date(year, month, d)
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if datetime.date(year, month, d).weekday() == weekday
    ]
    if nth == -1:
        return days[-1]
    return days[nth - 1] if nth <= len(days) else None


def _monthly_slots(rule, start, end, anchor):
    weekday = rule.weekdays[0] if rule.weekdays else None
    nths, days = rule.nths, rule.days
    if weekday is not None and not nths:
        nths = ((anchor.day - 1) // 7 + 1,) if anchor and anchor.weekday() == weekday else (1,)
    if weekday is None and not days:
        if rule.twice:
            days = (1, 15)
        else:
            days = (min(anchor.day, 28),) if anchor else (1,)
    slots = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        if weekday is not None:
            found = (_nth_weekday(year, month, weekday, nth) for nth in nths)
        else:
            length = calendar.monthrange(year, month)[1]
            found = (datetime.date(year, month, min(day, length)) for day in days)
        slots.extend(day for day in found if day is not None and start <= day <= end)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return sorted(set(slots))


def window(rule: Rule, day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Return the first and last days on which a column fills the slot of day."""
    before, after = rule.window
    return day - datetime.timedelta(days=before), day + datetime.timedelta(days=after)


def assess(rule: Rule, slots, column_days, today: datetime.date) -> list[Slot]:
    """Return slots as Slot records: filled when a column (published or scheduled) falls on
    a day within the slot's window, overdue when the day has passed and none does."""
    column_days = sorted(column_days)
    assessed = []
    for day in slots:
        first, last = window(rule, day)
        filled = any(first <= column <= last for column in column_days)
        assessed.append(Slot(day, first, last, filled, not filled and day < today))
    return assessed


# How far ahead next_due() looks for a slot: beyond any rhythm's longest gap.
LOOK_AHEAD = datetime.timedelta(days=70)


def next_due(
    text: str, last_published: datetime.date | None, today: datetime.date, column_days=()
) -> datetime.date | None:
    """Return the first day from today on when the rhythm expects a column not yet written.

    last_published is the day of the columnist's last published column (None if none yet),
    which anchors fortnightly and monthly rhythms; column_days are the days of their other
    columns, published or scheduled, which fill the slots around them. None when the rhythm
    is not understood.
    """
    rule = parse(text or "")
    if rule is None:
        return None
    slots = expected_slots(rule, today, today + LOOK_AHEAD, last_published)
    days = [*column_days, *([last_published] if last_published else [])]
    return next((slot.day for slot in assess(rule, slots, days, today) if not slot.is_filled), None)
