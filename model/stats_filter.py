"""The filters of the statistics pages as one hashable value: it is part of every cache key.

Months are whole months (the case record knows no dates); an empty tuple means "all".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from model.errors import ValidationError


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def month_range(first: date, last: date) -> list[date]:
    """Every first-of-month from `first` to `last`, both included."""
    count = (last.year - first.year) * 12 + last.month - first.month
    return [add_months(first_of_month(first), i) for i in range(count + 1)]


@dataclass(frozen=True)
class StatsFilter:
    first_month: date | None = None
    last_month: date | None = None
    districts: tuple[str, ...] = ()
    levels: tuple[int, ...] = ()
    model_version: str | None = None

    def normalised(self) -> StatsFilter:
        """Months moved to the first day, selections sorted; ValidationError on an empty period."""
        first = first_of_month(self.first_month) if self.first_month else None
        last = first_of_month(self.last_month) if self.last_month else None
        if first and last and first > last:
            raise ValidationError("Perioden skal begynde før den slutter. Ret fra- eller til-måned.")
        return replace(self, first_month=first, last_month=last,
                       districts=tuple(sorted(set(self.districts))),
                       levels=tuple(sorted(set(self.levels))),
                       model_version=self.model_version or None)
