"""The filters of the statistics pages as one hashable value: it is part of every cache key.

Months are whole months (the case record knows no dates); an empty tuple means "all".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from model.errors import ValidationError
from model.months import first_of_month


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
