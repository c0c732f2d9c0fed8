from datetime import date

import pytest

from authors.rhythm import next_due

# Sunday 6 December 2026.
TODAY = date(2026, 12, 6)


@pytest.mark.parametrize(
    ("rhythm", "last_published", "due"),
    [
        ("every Wednesday", date(2026, 12, 2), date(2026, 12, 9)),
        ("Wednesdays", None, date(2026, 12, 9)),
        ("Every wednesday, early", date(2026, 12, 2), date(2026, 12, 9)),
        ("weekly, on Sundays", date(2026, 11, 29), date(2026, 12, 6)),
        ("every Sunday", date(2026, 12, 6), date(2026, 12, 13)),
        ("Mon", date(2026, 11, 30), date(2026, 12, 7)),
        ("fortnightly on Wednesdays", date(2026, 12, 2), date(2026, 12, 16)),
        ("fortnightly on Wednesdays", date(2026, 11, 25), date(2026, 12, 9)),
        ("every other Friday", date(2026, 12, 4), date(2026, 12, 18)),
        ("every 2 weeks", date(2026, 12, 1), date(2026, 12, 15)),
        ("every three weeks", date(2026, 11, 1), date(2026, 12, 6)),
        ("fortnightly", None, date(2026, 12, 6)),
        ("weekly", date(2026, 12, 3), date(2026, 12, 10)),
        ("monthly", date(2026, 11, 30), date(2026, 12, 30)),
        ("monthly", date(2026, 12, 31), date(2027, 1, 31)),
        ("monthly", date(2027, 1, 31), date(2027, 2, 28)),
        ("on the first Monday of the month", None, date(2026, 12, 7)),
        ("first Saturday of the month", None, date(2027, 1, 2)),
        ("second Tuesday of each month", None, date(2026, 12, 8)),
        ("the last Thursday", None, date(2026, 12, 31)),
        ("daily", date(2026, 12, 5), TODAY),
    ],
)
def test_next_due_reads_the_common_rhythms(rhythm, last_published, due):
    assert next_due(rhythm, last_published, TODAY) == due


@pytest.mark.parametrize("rhythm", ["", None, "when inspiration strikes", "now and then"])
def test_next_due_says_nothing_for_a_rhythm_it_does_not_understand(rhythm):
    assert next_due(rhythm, date(2026, 12, 1), TODAY) is None


def test_a_late_columnist_is_due_today_not_in_the_past():
    assert next_due("weekly", date(2026, 10, 1), TODAY) == TODAY
    assert next_due("monthly", date(2026, 9, 1), TODAY) == TODAY
