"""Retention: participants are anonymised 24 months (configurable) after their course."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.errors import ValidationError
from model.months import same_day_months_later as add_months
from model.retention import anonymise_on, is_expired, latest_expired_course_day


def test_data_is_kept_until_the_same_day_two_years_later():
    assert anonymise_on(date(2024, 5, 14)) == date(2026, 5, 14)
    assert not is_expired(date(2024, 5, 14), date(2026, 5, 13))
    assert is_expired(date(2024, 5, 14), date(2026, 5, 14))


def test_month_ends_are_clamped_rather_than_overflowing():
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert anonymise_on(date(2024, 2, 29), 12) == date(2025, 2, 28)


def test_the_period_is_configurable_but_must_be_sensible():
    assert anonymise_on(date(2026, 1, 15), 6) == date(2026, 7, 15)
    for months in (0, -3, 121):
        with pytest.raises(ValidationError):
            anonymise_on(date(2026, 1, 15), months)


@settings(deadline=None, max_examples=300)
@given(today=st.dates(date(2020, 1, 1), date(2035, 12, 31)), months=st.integers(1, 60),
       offset=st.integers(-5, 5))
def test_the_sql_cutoff_agrees_with_the_rule_day_by_day(today, months, offset):
    cutoff = latest_expired_course_day(today, months)
    day = cutoff + timedelta(days=offset)
    assert is_expired(day, today, months) == (day <= cutoff)
