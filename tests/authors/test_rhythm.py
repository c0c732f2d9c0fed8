"""Reading a columnist's rhythm and the days it expects a column (authors/rhythm.py)."""

import datetime

import pytest

from authors.rhythm import FORTNIGHTLY, MONTHLY, WEEKLY, Rule, assess, expected_slots, parse

D = datetime.date
MON, TUE, WED, THU, FRI = range(5)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("every Wednesday", Rule(WEEKLY, weekdays=(WED,))),
        ("every Friday morning", Rule(WEEKLY, weekdays=(FRI,))),
        ("most Tuesdays", Rule(WEEKLY, weekdays=(TUE,))),
        ("on Thursday mornings", Rule(WEEKLY, weekdays=(THU,))),
        ("Mondays and Thursdays", Rule(WEEKLY, weekdays=(MON, THU))),
        ("weekly", Rule(WEEKLY)),
        ("fortnightly", Rule(FORTNIGHTLY)),
        ("fortnightly on Fridays", Rule(FORTNIGHTLY, weekdays=(FRI,))),
        ("every other Thursday", Rule(FORTNIGHTLY, weekdays=(THU,))),
        ("every second Wednesday", Rule(FORTNIGHTLY, weekdays=(WED,))),
        ("monthly, until his retirement", Rule(MONTHLY)),
        ("monthly, usually on a Thursday", Rule(MONTHLY, weekdays=(THU,))),
        ("on the first Tuesday of the month", Rule(MONTHLY, weekdays=(TUE,), nths=(1,))),
        ("twice a month", Rule(MONTHLY, twice=True)),
    ],
)
def test_the_ways_columnists_say_their_rhythm_are_understood(text, rule):
    assert parse(text) == rule


@pytest.mark.parametrize("text", ["", "   ", "whenever inspiration strikes", "daily-ish?"])
def test_a_rhythm_without_a_day_or_period_is_not_understood(text):
    assert parse(text) is None


def test_a_weekly_rhythm_expects_each_of_its_weekdays_in_the_range():
    # December 2026: Wednesdays are the 2nd, 9th, 16th, 23rd and 30th.
    slots = expected_slots(parse("every Wednesday"), D(2026, 12, 1), D(2026, 12, 31))
    assert slots == [D(2026, 12, 2), D(2026, 12, 9), D(2026, 12, 16), D(2026, 12, 23),
                     D(2026, 12, 30)]  # fmt: skip


def test_a_weekly_rhythm_naming_no_day_takes_the_day_of_the_last_column():
    rule = parse("weekly")
    assert expected_slots(rule, D(2026, 12, 1), D(2026, 12, 14)) == []
    anchor = D(2026, 11, 27)  # a Friday
    assert expected_slots(rule, D(2026, 12, 1), D(2026, 12, 14), anchor) == [
        D(2026, 12, 4), D(2026, 12, 11),
    ]  # fmt: skip


def test_a_fortnightly_rhythm_falls_every_other_week_from_the_last_column():
    rule = parse("fortnightly on Fridays")
    # The last column came out on Tuesday 1 December: its week's Friday is the 4th, and the
    # rhythm runs from there both ways (20 November before it).
    anchor = D(2026, 12, 1)
    slots = expected_slots(rule, D(2026, 11, 16), D(2027, 1, 10), anchor)
    assert slots == [D(2026, 11, 20), D(2026, 12, 4), D(2026, 12, 18), D(2027, 1, 1)]
    # A column a week later shifts every slot by a week.
    shifted = expected_slots(rule, D(2026, 12, 1), D(2026, 12, 31), D(2026, 12, 8))
    assert shifted == [D(2026, 12, 11), D(2026, 12, 25)]


def test_a_fortnightly_rhythm_without_a_day_takes_the_weekday_of_the_last_column():
    slots = expected_slots(parse("fortnightly"), D(2026, 12, 1), D(2026, 12, 31), D(2026, 12, 2))
    assert slots == [D(2026, 12, 2), D(2026, 12, 16), D(2026, 12, 30)]


def test_a_fortnightly_rhythm_with_no_column_yet_keeps_to_the_reference_weeks():
    rule = parse("every other Monday")
    slots = expected_slots(rule, D(2024, 1, 1), D(2024, 1, 31))
    assert slots == [D(2024, 1, 1), D(2024, 1, 15), D(2024, 1, 29)]


def test_a_monthly_rhythm_on_a_named_weekday():
    rule = parse("on the first Tuesday of the month")
    slots = expected_slots(rule, D(2026, 11, 15), D(2027, 2, 10))
    assert slots == [D(2026, 12, 1), D(2027, 1, 5), D(2027, 2, 2)]
    last = expected_slots(parse("the last Friday of each month"), D(2026, 12, 1), D(2026, 12, 31))
    assert last == [D(2026, 12, 25)]


def test_a_monthly_rhythm_usually_on_a_weekday_keeps_the_occurrence_of_the_last_column():
    rule = parse("monthly, usually on a Thursday")
    # The last column came out on the second Thursday of November.
    slots = expected_slots(rule, D(2026, 12, 1), D(2027, 1, 31), D(2026, 11, 12))
    assert slots == [D(2026, 12, 10), D(2027, 1, 14)]
    assert expected_slots(rule, D(2026, 12, 1), D(2026, 12, 31)) == [D(2026, 12, 3)]


def test_a_monthly_rhythm_without_a_weekday_keeps_the_day_of_the_month():
    slots = expected_slots(parse("monthly"), D(2026, 12, 1), D(2027, 2, 28), D(2026, 10, 31))
    assert slots == [D(2026, 12, 28), D(2027, 1, 28), D(2027, 2, 28)]
    assert expected_slots(parse("twice a month"), D(2026, 12, 1), D(2026, 12, 31)) == [
        D(2026, 12, 1), D(2026, 12, 15),
    ]  # fmt: skip


def test_a_past_slot_with_no_column_in_its_window_is_overdue():
    rule = parse("every Wednesday")
    slots = [D(2026, 11, 25), D(2026, 12, 2), D(2026, 12, 9)]
    # A column on Monday 30 November fills the 2nd's window (29 Nov to 5 Dec); none fills
    # the 25th's; the 9th is still to come.
    assessed = assess(rule, slots, [D(2026, 11, 30)], today=D(2026, 12, 6))
    assert [(s.day, s.is_filled, s.is_overdue) for s in assessed] == [
        (D(2026, 11, 25), False, True),
        (D(2026, 12, 2), True, False),
        (D(2026, 12, 9), False, False),
    ]


def test_a_column_fills_one_fortnightly_slot_and_not_the_next():
    rule = parse("fortnightly on Fridays")
    slots = [D(2026, 12, 4), D(2026, 12, 18)]
    assessed = assess(rule, slots, [D(2026, 12, 11)], today=D(2026, 12, 20))
    # The 11th is within the 4th's window (28 Nov to 11 Dec) and not the 18th's.
    assert [s.is_overdue for s in assessed] == [False, True]
    assert (assessed[1].first, assessed[1].last) == (D(2026, 12, 12), D(2026, 12, 25))


def test_a_slot_filled_by_a_column_after_its_day_is_not_overdue():
    rule = parse("every Wednesday")
    (slot,) = assess(rule, [D(2026, 12, 2)], [D(2026, 12, 4)], today=D(2026, 12, 6))
    assert slot.is_filled and not slot.is_overdue
