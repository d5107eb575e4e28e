"""How long participants' personal data is kept: by default 24 months after the course."""

from __future__ import annotations

from datetime import date

from model.errors import ValidationError
from model.months import same_day_months_later

DEFAULT_MONTHS = 24


def check_months(months: int) -> int:
    """A retention period must be a whole number of months between 1 and 120."""
    if not isinstance(months, int) or isinstance(months, bool) or not 1 <= months <= 120:
        raise ValidationError("Opbevaringsperioden skal være mellem 1 og 120 måneder.")
    return months


def anonymise_on(course_day: date, months: int = DEFAULT_MONTHS) -> date:
    """The first day on which the course's participants must be anonymised."""
    return same_day_months_later(course_day, check_months(months))


def is_expired(course_day: date, today: date, months: int = DEFAULT_MONTHS) -> bool:
    return today >= anonymise_on(course_day, months)


def latest_expired_course_day(today: date, months: int = DEFAULT_MONTHS) -> date:
    """Courses on or before this day are expired on `today` (for a single SQL comparison)."""
    check_months(months)
    day = same_day_months_later(today, -months)
    # It clamps (31 Mar - 1 month = 28/29 Feb); step on while the next day is expired.
    while is_expired(date.fromordinal(day.toordinal() + 1), today, months):
        day = date.fromordinal(day.toordinal() + 1)
    return day
