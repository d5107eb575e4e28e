"""Small-count suppression of count tables: 1-4 is never shown, and nothing hidden can be derived.

Used for the course coverage page (counts of trained professionals). The case statistics use the
cell key method instead (model/perturbation.py): suppression per view cannot survive differencing.
A table is a long frame of counts; the result carries row, column and grand totals (labelled
`TOTAL`) and `pd.NA` where a value is hidden.

Tables that count the same units in the same population share their margins (e.g. cases per level
in "month x level" and "status x level"); suppress them together with `suppress_linked`, so a margin
hidden in one is hidden in all, and no hidden element follows from the equations of all of them.
An element is named by its (dimension, category) pairs (`key_of`): equal names are one element.
A table that is a slice of the population names the slice in `fixed` (e.g. one model version), and
`equations` link elements no margin links (e.g. "raised" = the cells above a diagonal).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from model.danish import integer
from model.published import TOTAL
from model.suppression_core import Line, suppression_mask

# Statistics Denmark marks discretionised (confidential) figures "..". One mark for primary and
# secondary suppression alike: "<5" would be false for complements and tell which hidden cells are small.
SUPPRESSED_MARK = ".."
SUPPRESSED_NOTE = (
    "»..« betyder, at tallet er skjult af diskretionshensyn: det er mellem 1 og 4, "
    "eller det kunne bruges til at regne et sådant tal ud. Skjulte tal indgår ikke i diagrammerne."
)

Key = frozenset  # an element is named by its (dimension, category) pairs; the grand total by {}


@dataclass(frozen=True, eq=False)
class CountTable:
    """A long frame of counts; `hide` lists extra (row, col) labels to hide as if they were small."""

    df: pd.DataFrame
    row: str
    col: str | None
    value: str
    hide: tuple[tuple[object, object], ...] = ()
    fixed: tuple[tuple[str, object], ...] = ()


def key_of(*pairs: tuple[str | None, object]) -> Key:
    """The name of an element: its (dimension, category) pairs, margins (TOTAL) and None left out."""
    return frozenset((d, c) for d, c in pairs if d is not None and c != TOTAL)


def suppress_frame(
    df: pd.DataFrame, row: str, col: str | None, value: str, threshold: int = 5
) -> pd.DataFrame:
    """The counts in `df` plus margins, with `value` as Int64 and `pd.NA` where suppressed.

    `df` has one row per cell (duplicates are added up; absent combinations count as 0 and appear
    in the result as 0). `col=None` means a one-dimensional table. Only the key and value columns
    are returned: other columns could carry unsuppressed figures.
    """
    return suppress_linked([CountTable(df, row, col, value)], threshold)[0]


def with_margins(df: pd.DataFrame, row: str, col: str | None, value: str) -> pd.DataFrame:
    """The same layout as `suppress_frame`, nothing hidden: for figures the reader may see in full.

    The same as `suppress_frame(..., threshold=0)` without running the suppression (which hides
    nothing at threshold 0): margins are computed for every published table, so this is hot.
    """
    table = CountTable(df, row, col, value)
    values: list[int] = []
    layout, _, _ = _layout(table, {}, values)
    flat = np.array(values, dtype=np.int64)
    return _frame(table, layout, flat, np.zeros(flat.size, dtype=bool))


def suppress_linked(
    tables: Sequence[CountTable],
    threshold: int = 5,
    equations: Sequence[tuple[Sequence[Key], Sequence[Key]]] = (),
) -> list[pd.DataFrame]:
    """Suppress tables of one population together; elements with equal keys are one element.

    Each of `equations` says the elements named on the left add up to those on the right; every
    element it names must belong to one of the tables.
    """
    index: dict[Key, int] = {}
    values: list[int] = []
    layouts: list[list[tuple[object, object, int]]] = []
    lines: list[Line] = []
    forced: set[int] = set()
    for table in tables:
        layout, table_lines, hide = _layout(table, index, values)
        layouts.append(layout)
        lines += table_lines
        forced |= hide
    for left, right in equations:
        lines.append(([index[k] for k in left], [index[k] for k in right]))
        if sum(values[index[k]] for k in left) != sum(values[index[k]] for k in right):
            raise ValueError("an equation does not hold for the counts given")
    flat = np.array(values, dtype=np.int64)
    force = np.zeros(flat.size, dtype=bool)
    force[list(forced)] = True
    hidden = suppression_mask(flat, lines, threshold, force)
    return [_frame(t, layout, flat, hidden) for t, layout in zip(tables, layouts, strict=True)]


def _layout(table: CountTable, index: dict[Key, int], values: list[int]):
    """The table's elements (registered in `index`), its lines and its forced elements."""
    keys = [table.row] if table.col is None else [table.row, table.col]
    _check(table.df, keys, table.value)
    rows = list(pd.unique(table.df[table.row]))
    cols = [TOTAL] if table.col is None else [*pd.unique(table.df[table.col]), TOTAL]
    cell: dict[tuple, int] = {}  # summed in plain Python: tables are small, pandas calls are not
    for *k, v in zip(*(table.df[c].tolist() for c in keys), table.df[table.value].tolist(), strict=True):
        cell[tuple(k)] = cell.get(tuple(k), 0) + int(v)

    def key(r: object, c: object) -> Key:
        return key_of((table.row, r), (table.col, c), *table.fixed)

    def count(r: object, c: object) -> int:
        rs = rows if r == TOTAL else [r]
        cs = cols[:-1] if c == TOTAL and table.col is not None else [c]
        if table.col is None:
            return sum(cell.get((x,), 0) for x in rs)
        return sum(cell.get((x, y), 0) for x in rs for y in cs)

    def element(r: object, c: object) -> int:
        k, n = key(r, c), count(r, c)
        if k not in index:
            index[k] = len(values)
            values.append(n)
        elif values[index[k]] != n:
            raise ValueError(f"linked tables disagree on {sorted(k, key=str)}: {values[index[k]]} != {n}")
        return index[k]

    order = [(r, c) for r in [*rows, TOTAL] for c in cols]
    if table.col is not None:  # cells first, then row totals, column totals and the grand total
        order = ([(r, c) for r in rows for c in cols[:-1]] + [(r, TOTAL) for r in rows]
                 + [(TOTAL, c) for c in cols])
    layout = [(r, c, element(r, c)) for r, c in order]
    pos = {(r, c): e for r, c, e in layout}
    row_lines = [([pos[(r, c)] for c in cols[:-1]], [pos[(r, TOTAL)]]) for r in [*rows, TOTAL]]
    col_lines = [([pos[(r, c)] for r in rows], [pos[(TOTAL, c)]]) for c in cols]
    table_lines = col_lines if table.col is None else row_lines + col_lines
    hide = {pos[(h[0], h[1] if table.col is not None else TOTAL)] for h in table.hide}
    return layout, table_lines, hide


def _check(df: pd.DataFrame, keys: list[str], value: str) -> None:
    missing = [k for k in [*keys, value] if k not in df.columns]
    if missing:
        raise ValueError(f"columns missing: {missing}")
    if any(pd.isna(df[k].to_numpy()).any() for k in keys):
        raise ValueError("key columns must not hold missing values")
    counts = df[value].to_numpy()
    if len(df) and (pd.isna(counts).any() or (counts < 0).any()):
        raise ValueError("counts must be non-negative integers")
    if any(TOTAL in set(df[k].tolist()) for k in keys):
        raise ValueError(f"{TOTAL!r} is reserved for margins")


def _frame(table: CountTable, layout, flat: np.ndarray, hidden: np.ndarray) -> pd.DataFrame:
    out: dict[str, object] = {table.row: [r for r, _, _ in layout]}
    if table.col is not None:
        out[table.col] = [c for _, c, _ in layout]
    values = pd.array([int(flat[e]) for _, _, e in layout], dtype="Int64")
    values[np.array([bool(hidden[e]) for _, _, e in layout], dtype=bool)] = pd.NA
    out[table.value] = values
    return pd.DataFrame(out)


def format_count(value: object) -> str:
    """A count as Danish text ("1.234"), or the suppression mark for a hidden one."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return SUPPRESSED_MARK
    return integer(int(value))


def for_display(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """A copy with `columns` as text, hidden values shown as the mark (tables, CSV, Excel)."""
    out = df.copy()
    for name in columns:
        out[name] = [format_count(v) for v in df[name]]
    return out
