"""Course rules: what a valid course is, who gets a seat, and who moves up the waiting list."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.courses import (
    CourseDraft,
    Placement,
    check_attendance_allowed,
    check_transition,
    place,
    promotions,
    renumber,
    validate_course,
)
from model.errors import ValidationError

TODAY = date(2026, 3, 10)
DISTRICTS = {"NSJ", "KBH"}


def draft(**changes) -> CourseDraft:
    values = dict(district="NSJ", starts_at=datetime(2026, 4, 1, 9), place=" Politigården ",
                  capacity=20, trainers="SSP og UU Nordsjælland", model_version="2018")
    values.update(changes)
    return CourseDraft(**values)


def test_a_valid_course_comes_back_with_trimmed_texts():
    assert validate_course(draft(), today=TODAY, districts=DISTRICTS).place == "Politigården"


def test_a_new_course_may_start_later_today_but_not_yesterday():
    validate_course(draft(starts_at=datetime(2026, 3, 10, 8)), today=TODAY, districts=DISTRICTS)
    with pytest.raises(ValidationError, match="fortiden"):
        validate_course(draft(starts_at=datetime(2026, 3, 9, 9)), today=TODAY, districts=DISTRICTS)


def test_an_edited_course_may_keep_its_past_date_but_not_move_into_the_past():
    old = datetime(2026, 3, 1, 9)
    validate_course(draft(starts_at=old), today=TODAY, districts=DISTRICTS, previous_start=old)
    with pytest.raises(ValidationError):
        validate_course(draft(starts_at=datetime(2026, 3, 2, 9)), today=TODAY,
                        districts=DISTRICTS, previous_start=old)


def test_capacity_below_the_registered_count_is_refused_with_the_count():
    with pytest.raises(ValidationError, match="allerede 12 tilmeldte"):
        validate_course(draft(capacity=10), today=TODAY, districts=DISTRICTS, registered=12)


def test_every_problem_is_listed_at_once_in_danish():
    with pytest.raises(ValidationError) as caught:
        validate_course(draft(district="BOR", place=" ", trainers="", capacity=0,
                              model_version="1999"), today=TODAY, districts=DISTRICTS)
    assert len(caught.value.problems) == 5
    assert any("politikreds" in p for p in caught.value.problems)


def test_a_planned_course_can_be_held_or_cancelled_but_not_revived():
    check_transition("planned", "held")
    check_transition("planned", "cancelled")
    for old, new in [("cancelled", "planned"), ("held", "cancelled"), ("cancelled", "held")]:
        with pytest.raises(ValidationError):
            check_transition(old, new)


def test_attendance_waits_for_the_course_day_and_never_on_a_cancelled_course():
    start = datetime(2026, 3, 10, 15)
    check_attendance_allowed("planned", start, TODAY)
    with pytest.raises(ValidationError, match="kursusdagen"):
        check_attendance_allowed("planned", start, date(2026, 3, 9))
    with pytest.raises(ValidationError, match="aflyst"):
        check_attendance_allowed("cancelled", start, TODAY)


def test_newcomers_fill_free_seats_then_queue_behind_the_waiting_list():
    assert place(capacity=3, registered=1, waiting=0, count=3) == [
        Placement("registered"), Placement("registered"), Placement("waiting", 1)]
    assert place(capacity=3, registered=3, waiting=2) == [Placement("waiting", 3)]


def test_a_freed_seat_goes_to_the_first_waiting():
    assert promotions(capacity=10, registered=9, waiting_in_order=[7, 3, 5]) == [7]
    assert promotions(capacity=10, registered=10, waiting_in_order=[7, 3]) == []
    assert renumber([3, 5]) == {3: 1, 5: 2}


@settings(deadline=None, max_examples=200)
@given(capacity=st.integers(1, 30), registered=st.integers(0, 30), waiting=st.integers(0, 10),
       count=st.integers(0, 40))
def test_placements_never_overbook_and_keep_the_waiting_list_gapless(capacity, registered,
                                                                       waiting, count):
    placements = place(capacity, registered, waiting, count)
    seated = sum(p.status == "registered" for p in placements)
    assert registered + seated <= max(capacity, registered)
    positions = [p.waiting_position for p in placements if p.status == "waiting"]
    assert positions == list(range(waiting + 1, waiting + 1 + len(positions)))
    assert seated == min(count, max(capacity - registered, 0))
