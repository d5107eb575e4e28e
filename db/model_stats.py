"""Publication of the model's own figures (backtest, re-assessments, answers at close).

Every figure these pages show passes through `publish_tables`, the one place that applies the
statistics' disclosure rules for the viewer (today db/stats_publish.publish: small counts suppressed,
the viewer's own districts added back exactly). When the statistics change method, this function
switches with them and the callers do not change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from db.stats_publish import Spec, publish
from model.access import Role, Scope
from model.errors import AccessDenied
from model.suppression import Key


@dataclass(frozen=True, eq=False)
class Table:
    """Raw counts to publish: `raw` has columns known, `row`, [`col`], n."""

    name: str
    raw: pd.DataFrame
    row: str
    col: str | None
    rows: Sequence[object]
    cols: Sequence[object] = ()
    fixed: tuple[tuple[str, object], ...] = ()  # the slice of the population the table counts
    extra: dict[str, object] = field(default_factory=dict)


def known_districts(scope: Scope) -> tuple[str, ...]:
    """The districts the viewer sees exactly (a contact's own); the rest is published."""
    return tuple(sorted(scope.districts(Role.DISTRICT_CONTACT)))


def check_leader(scope: Scope) -> None:
    """Model figures are the project leaders' (calibration and model versions pages)."""
    if not scope.has(Role.PROJECT_LEADER):
        raise AccessDenied()


def publish_tables(tables: Sequence[Table],
                   equations: Sequence[tuple[Sequence[Key], Sequence[Key]]] = ()
                   ) -> dict[str, pd.DataFrame]:
    """The tables of one population, published together under the statistics' rules."""
    specs = [Spec(t.name, t.raw, t.row, t.col, t.rows, t.cols, t.fixed, t.extra) for t in tables]
    return publish(specs, equations)
