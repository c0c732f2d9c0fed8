"""When a columnist's next column is due, as their desk says: authors.rhythm.next_due."""

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
        ("weekly, on Sundays", date(2026, 11, 29), TODAY),
        ("every Sunday", TODAY, date(2026, 12, 13)),
        ("fortnightly on Wednesdays", date(2026, 12, 2), date(2026, 12, 16)),
        ("fortnightly on Wednesdays", date(2026, 11, 25), date(2026, 12, 9)),
        ("every other Friday", date(2026, 12, 4), date(2026, 12, 18)),
        ("on the first Monday of the month", None, date(2026, 12, 7)),
        ("first Saturday of the month", None, date(2027, 1, 2)),
        ("monthly", date(2026, 11, 12), date(2026, 12, 12)),
    ],
)
def test_next_due_reads_the_common_rhythms(rhythm, last_published, due):
    assert next_due(rhythm, last_published, TODAY) == due


def test_a_column_already_scheduled_answers_its_slot():
    scheduled = [date(2026, 12, 8)]

    assert next_due("every Wednesday", date(2026, 12, 2), TODAY, scheduled) == date(2026, 12, 16)


@pytest.mark.parametrize("rhythm", ["", None, "when inspiration strikes", "now and then"])
def test_next_due_says_nothing_for_a_rhythm_it_does_not_understand(rhythm):
    assert next_due(rhythm, date(2026, 12, 1), TODAY) is None
