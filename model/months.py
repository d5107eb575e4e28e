"""Calendar months as the case record knows them (the first day stands for the month), in one
place for the model, the database layer and the pages."""

from __future__ import annotations

import calendar
from datetime import date


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, count: int) -> date:
    """The first day of the month `count` months after `month` (before, when negative)."""
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def month_range(first: date, last: date) -> list[date]:
    """Every first-of-month from `first` to `last`, both included."""
    count = (last.year - first.year) * 12 + last.month - first.month
    return [add_months(first_of_month(first), i) for i in range(count + 1)]


def recent_months(today: date, count: int = 24) -> list[date]:
    """This month and the `count - 1` before it, newest first."""
    return [add_months(first_of_month(today), -i) for i in range(count)]


def same_day_months_later(day: date, months: int) -> date:
    """`day` moved `months` calendar months on; the 31st becomes the month's last day if needed."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
