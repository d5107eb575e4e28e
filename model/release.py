"""The release policy of the nationwide figures: whole months, released after they end, revised quarterly.

Why: figures computed from every saved case change with each case, so whoever looks today and tomorrow
learns about the cases saved in between. Nationwide figures are therefore computed from *releases*:
month M is released on the 15th of the following month with the cases of M registered before then;
cases registered later for a released month wait for the next quarterly revision (15 January, April,
July and October), when every released month is recomputed with all cases registered before that day.
Between two release days the nationwide figures do not change: the cases counted are fixed, and so is
their follow-up (status, police, measures, takedowns), counted as it was at the cutoff.

A release day starts at 00:00 server time; `cutoff` is that moment, compared with a case's `created_at`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from model.months import add_months, first_of_month

LAG_DAYS = 14  # month M is released LAG_DAYS days after M ends: on the 15th of M + 1
REVISION_MONTHS = (1, 4, 7, 10)  # revisions of all released months, on the release day of these months
POLICY = ("Hele måneder frigives den 15. i den følgende måned; sene registreringer kommer med ved "
          "den kvartalsvise revision (15. januar, april, juli og oktober).")


def first_release(month: date) -> date:
    """The day month `month` is first released."""
    return add_months(first_of_month(month), 1) + timedelta(days=LAG_DAYS)


def last_released_month(on: date) -> date:
    """The latest month whose first release is on or before `on`."""
    month = add_months(first_of_month(on), -1)
    return month if first_release(month) <= on else add_months(month, -1)


def last_revision(on: date) -> date:
    """The latest quarterly revision day on or before `on`."""
    day = date(on.year, on.month, 1) + timedelta(days=LAG_DAYS)
    while day.month not in REVISION_MONTHS or day > on:
        day = add_months(day.replace(day=1), -1) + timedelta(days=LAG_DAYS)
    return day


@dataclass(frozen=True)
class Release:
    """What the nationwide figures hold on a given day.

    Months up to `last_month` are released. Months up to `revised_through` hold every case registered
    before `revision`; a later month M holds the cases registered before `first_release(M)`.
    """

    on: date
    last_month: date
    revision: date
    revised_through: date

    @classmethod
    def on_day(cls, on: date) -> Release:
        revision = last_revision(on)
        return cls(on, last_released_month(on), revision, last_released_month(revision))

    def cutoff(self, month: date) -> datetime | None:
        """The registration time before which a case of `month` counts; None: not released."""
        month = first_of_month(month)
        if month > self.last_month:
            return None
        day = self.revision if month <= self.revised_through else first_release(month)
        return datetime.combine(day, datetime.min.time())

    @property
    def day(self) -> date:
        """The day of the release in force (the later of the last first-release and the revision)."""
        return max(first_release(self.last_month), self.revision)

    def describe(self) -> str:
        return (f"frigivet {self.day.isoformat()}, måneder til og med {self.last_month:%Y-%m}; "
                f"revideret {self.revision.isoformat()}")
