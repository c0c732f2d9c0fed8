"""The dates that repeat down a page (bylines, comments), formatted directly.

Django's date filter reads a general format string a character at a time and looks up the
language at every call: about 45 microseconds a date, 90 for a byline's pair and a tenth of a
cold post page with its comments. These filters give the same text for the two formats the
pages repeat. Month names still come from Django's translated MONTHS.
"""

from django import template
from django.utils.dates import MONTHS

register = template.Library()


@register.filter(expects_localtime=True)
def machine_date(value):
    """The datetime attribute of <time>, as {{ value|date:"c" }}."""
    return value.isoformat() if value else ""


@register.filter(expects_localtime=True)
def long_date(value):
    """“22 November 2026”, as {{ value|date:"j F Y" }}."""
    return f"{value.day} {MONTHS[value.month]} {value.year}" if value else ""


@register.filter(expects_localtime=True)
def long_date_time(value):
    """“22 November 2026, 09:05”, as {{ value|date:"j F Y, H:i" }}."""
    return f"{long_date(value)}, {value.hour:02d}:{value.minute:02d}" if value else ""
