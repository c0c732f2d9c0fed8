import datetime

import pytest
from django.template import engines

from blog.templatetags.dates import long_date, long_date_time, machine_date

UTC = datetime.UTC
MOMENTS = [
    datetime.datetime(2026, 1, 5, 0, 0, tzinfo=UTC),  # a single-digit day, midnight
    datetime.datetime(2026, 7, 31, 23, 30, tzinfo=UTC),  # summer time: 1 August in London
    datetime.datetime(2026, 11, 22, 9, 5, 7, 123456, tzinfo=UTC),  # microseconds kept
]


def render(source, moment):
    return engines["django"].from_string("{% load dates %}" + source).render({"moment": moment})


@pytest.mark.parametrize("moment", MOMENTS)
@pytest.mark.parametrize(
    ("ours", "djangos"),
    [
        ("machine_date", "date:'c'"),
        ("long_date", 'date:"j F Y"'),
        ("long_date_time", 'date:"j F Y, H:i"'),
    ],
)
def test_dates_read_as_djangos_date_filter_writes_them(ours, djangos, moment):
    assert render(f"{{{{ moment|{ours} }}}}", moment) == render(
        f"{{{{ moment|{djangos} }}}}", moment
    )


def test_pages_show_local_time():
    summer_evening = MOMENTS[1]

    assert render("{{ moment|long_date_time }}", summer_evening) == "1 August 2026, 00:30"
    assert render("{{ moment|machine_date }}", summer_evening) == "2026-08-01T00:30:00+01:00"


def test_no_date_prints_nothing():
    assert [long_date(None), long_date_time(None), machine_date(None)] == ["", "", ""]
