"""Publication of the model's own figures (backtest, re-assessments, answers at close).

Every figure these pages show passes through `publish_tables`, the one place that applies the
statistics' disclosure rules (db/stats_publish.py with the cell key method: every cell, margin and
total perturbed from its own cases' record keys), and is counted over the cases of the release in
force (`release_on`, model/release.py), as the dashboards are. Project leaders only.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from db.stats_publish import Spec, publish
from model.access import Role, Scope
from model.errors import AccessDenied
from model.perturbation import CELL_KEY
from model.release import Release


def check_leader(scope: Scope) -> None:
    """Model figures are the project leaders' (calibration and model versions pages)."""
    if not scope.has(Role.PROJECT_LEADER):
        raise AccessDenied()


def release_on(day: date | None = None) -> Release:
    """The release whose cases the figures count on `day` (default today)."""
    return Release.on_day(day or date.today())


def publish_tables(tables: Sequence[Spec]) -> dict[str, pd.DataFrame]:
    """The tables (true counts and key sums, db/stats_publish.Spec) as published: long frames with
    margins labelled TOTAL, `n` perturbed."""
    return {t.name: publish(t, CELL_KEY) for t in tables}
