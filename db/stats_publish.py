"""Turn true counts and cell keys into published tables: every cell, margin and total perturbed.

Each figure - inner cell, row total, column total, grand total - is a cell of its own: its true count
is the number of its cases and its key the sum of their record keys, and the perturbation table gives
its published value (model/perturbation.py). So a total is not the sum of the published cells
(`exact_sums` false), but the same cases give the same value in every table and every view: the
number of cases at level 3 is one figure wherever it appears.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from model.perturbation import PTable
from model.published import TOTAL


@dataclass(frozen=True, eq=False)
class Spec:
    """One table to publish: a raw frame (row, [col], n, k) and the categories it must show."""

    name: str
    raw: pd.DataFrame
    row: str
    col: str | None
    rows: Sequence[object]
    cols: Sequence[object] = ()
    extra: dict[str, object] = field(default_factory=dict)  # constant columns put in front
    # False: no column totals and no grand total. For the measures per level: every case at a level
    # has each of its measures once, so their sum is (measures) x (cases), and a total known to +-2
    # would give the number of cases to +-2/measures: it would pin a count of 1-4.
    col_totals: bool = True


def _sums(df: pd.DataFrame, keys: list[str]) -> dict[tuple, tuple[int, int]]:
    """(count, key sum) per key tuple, in plain Python: the frames are small, pandas' overhead is not."""
    sums: dict[tuple, tuple[int, int]] = {}
    if not len(df):
        return sums
    for *key, n, k in zip(*(df[c].tolist() for c in keys), df["n"].tolist(), df["k"].tolist(), strict=True):
        n0, k0 = sums.get(tuple(key), (0, 0))
        sums[tuple(key)] = (n0 + int(n), k0 + int(k))
    return sums


def categories(listed: Sequence[object], found: Sequence[object]) -> list[object]:
    """The listed categories, then any found in the data but not listed (so totals stay true), in
    one order whatever order the query returned them in (a table must not change between views)."""
    seen = set(listed)
    return list(listed) + sorted({c for c in found if c not in seen}, key=lambda c: (type(c).__name__, c))


def publish(spec: Spec, ptable: PTable) -> pd.DataFrame:
    """The table as a long frame with margins labelled TOTAL: cells first, then row totals, column
    totals and the grand total (unless `col_totals` is off); `n` is the published value (Int64)."""
    keys = [spec.row] if spec.col is None else [spec.row, spec.col]
    sums = _sums(spec.raw, keys)
    rows = categories(spec.rows, [k[0] for k in sums])
    cols = [] if spec.col is None else categories(spec.cols, [k[1] for k in sums])

    def figure(members: list[tuple]) -> int:
        n = k = 0
        for m in members:
            dn, dk = sums.get(m, (0, 0))
            n, k = n + dn, k + dk
        return ptable.publish(n, k)

    out: list[tuple] = []
    if spec.col is None:
        out = [((r,), figure([(r,)])) for r in rows]
        out.append(((TOTAL,), figure([(r,) for r in rows])))
    else:
        out = [((r, c), figure([(r, c)])) for r in rows for c in cols]
        out += [((r, TOTAL), figure([(r, c) for c in cols])) for r in rows]
        if spec.col_totals:
            out += [((TOTAL, c), figure([(r, c) for r in rows])) for c in cols]
            out.append(((TOTAL, TOTAL), figure([(r, c) for r in rows for c in cols])))
    frame = pd.DataFrame({k: [labels[i] for labels, _ in out] for i, k in enumerate(keys)})
    frame["n"] = pd.array([v for _, v in out], dtype="Int64")
    for i, (name, value) in enumerate(spec.extra.items()):
        frame.insert(i, name, value)
    return frame


def concat(frames: dict[str, pd.DataFrame], prefix: str) -> pd.DataFrame:
    """Tables `prefix:*` (one per slice) as one frame."""
    parts = [f for name, f in frames.items() if name.startswith(prefix + ":")]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
