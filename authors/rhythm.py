"""When a posting rhythm ("every Wednesday", "fortnightly") has a columnist's next column due."""

import calendar
import re
from datetime import date, timedelta

WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): number for number, name in enumerate(calendar.day_abbr)})
DAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
            "4th": 4, "last": -1}  # fmt: skip
COUNTS = {"other": 2, "two": 2, "2": 2, "three": 3, "3": 3, "four": 4, "4": 4}

# "every other Wednesday", "every 2 weeks", "fortnightly on Fridays", "on the first Monday
# of the month": the forms columnists write, matched after lower-casing and trimming.
EVERY_N_WEEKS = re.compile(rf"every (?P<count>other|two|three|four|\d) (?:weeks?|(?P<day>{DAY})s?)")
ON_DAY = re.compile(rf"\b(?:on )?(?P<day>{DAY})s?\b")
NTH_OF_MONTH = re.compile(
    rf"(?P<nth>first|1st|second|2nd|third|3rd|fourth|4th|last) (?P<day>{DAY})s?"
    r"(?: of (?:the|each|every) month)?"
)


def next_due(rhythm, last_published, today):
    """Return the date the rhythm says the next column is due, or None if it is not understood.

    last_published is the date of the columnist's latest published column (None if there is
    none yet); a weekly or longer rhythm counts from it. The date returned is today or later.
    """
    text = " ".join((rhythm or "").lower().replace(",", " ").split())
    if not text:
        return None
    if match := NTH_OF_MONTH.search(text):
        return _nth_weekday_due(ORDINALS[match["nth"]], WEEKDAYS[match["day"]], today)
    weeks = None
    if match := EVERY_N_WEEKS.search(text):
        weeks = COUNTS.get(match["count"], None) or int(match["count"])
    elif "fortnight" in text or "biweekly" in text or "bi-weekly" in text:
        weeks = 2
    elif "weekly" in text or "every week" in text or "once a week" in text:
        weeks = 1
    elif "daily" in text or "every day" in text:
        return today
    elif "monthly" in text or "every month" in text or "once a month" in text:
        return _monthly_due(last_published, today)
    day = ON_DAY.search(text)
    weekday = WEEKDAYS[day["day"]] if day else None
    if weeks is None:
        # A day named alone ("Wednesdays", "every Wednesday") means every week.
        if weekday is None:
            return None
        weeks = 1
    if weekday is None:
        # "weekly": a week after the last column, or today when there is none yet.
        if last_published is None:
            return today
        return max(last_published + timedelta(weeks=weeks), today)
    return _weekday_due(weekday, weeks, last_published, today)


def _weekday_due(weekday, weeks, last_published, today):
    """Return the first such weekday from today on that is a full rhythm after the last column."""
    candidate = today + timedelta(days=(weekday - today.weekday()) % 7)
    if last_published is not None and weeks > 1:
        # Columns every n weeks: the day comes n weeks after the last one's week.
        earliest = last_published + timedelta(days=7 * weeks - 6)
        while candidate < earliest:
            candidate += timedelta(weeks=1)
    elif last_published is not None and candidate == today and last_published == today:
        candidate += timedelta(weeks=weeks)
    return candidate


def _nth_weekday_due(nth, weekday, today):
    """Return the nth (or last, -1) given weekday of this month, or of the next if it is past."""
    year, month = today.year, today.month
    for _ in range(2):
        days = [week[weekday] for week in calendar.monthcalendar(year, month) if week[weekday]]
        day = date(year, month, days[nth if nth == -1 else nth - 1])
        if day >= today:
            return day
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _monthly_due(last_published, today):
    """Return a month after the last column (the same day, or the month's last), at least today."""
    if last_published is None:
        return today
    year, month = divmod(last_published.year * 12 + last_published.month, 12)
    month += 1
    day = min(last_published.day, calendar.monthrange(year, month)[1])
    return max(date(year, month, day), today)
