"""Small-count suppression of count tables: primary (1-4 never shown) and secondary (nothing derivable).

Why: counts are small, and a published 1-4 can single out a victim. Every nationwide table passes
through `suppress_frame` before it leaves `db/`. A table is a long frame of counts; the result carries
row, column and grand totals (labelled `TOTAL`) and `pd.NA` where a value is hidden.

Secondary suppression first makes sure no row or column (margins included) has exactly one hidden
element, then checks exactly, by linear algebra on the table's additivity equations, that no hidden
element can be worked out from the shown ones (the "bridge" patterns a per-line check misses), hiding
more until none can. Zeros may be shown; they are hidden only as a last resort.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

TOTAL = "I alt"
# Statistics Denmark's Statistikbanken marks discretionised (confidential) figures "..". One mark for
# primary and secondary suppression alike: "<5" would be false for secondary cells and would tell a
# reader which hidden cells are the small ones.
SUPPRESSED_MARK = ".."
SUPPRESSED_NOTE = (
    "»..« betyder, at tallet er skjult af diskretionshensyn: det er mellem 1 og 4, "
    "eller det ville kunne bruges til at regne et sådant tal ud."
)


def suppress_frame(
    df: pd.DataFrame, row: str, col: str | None, value: str, threshold: int = 5
) -> pd.DataFrame:
    """The counts in `df` plus margins, with `value` as Int64 and `pd.NA` where suppressed.

    `df` has one row per cell (duplicates are added up; absent combinations count as 0 and appear
    in the result as 0). `col=None` means a one-dimensional table. Only the key and value columns
    are returned: other columns could carry unsuppressed figures.
    """
    keys = [row] if col is None else [row, col]
    _check(df, keys, value)
    rows = list(pd.unique(df[row]))
    cols = [] if col is None else list(pd.unique(df[col]))
    counts = np.zeros((len(rows) + 1, 1 if col is None else len(cols) + 1), dtype=np.int64)
    if len(df):
        r_pos = {k: i for i, k in enumerate(rows)}
        c_pos = {k: i for i, k in enumerate(cols)}
        for key, n in df.groupby(keys, sort=False)[value].sum().items():
            if col is None:
                counts[r_pos[key[0] if isinstance(key, tuple) else key], 0] = n
            else:
                counts[r_pos[key[0]], c_pos[key[1]]] = n
    if col is not None:
        counts[:-1, -1] = counts[:-1, :-1].sum(axis=1)
    counts[-1, :] = counts[:-1, :].sum(axis=0)
    hidden = suppression_mask(counts, one_dimensional=col is None, threshold=threshold)
    return _long(counts, hidden, rows, cols, row, col, value)


def _check(df: pd.DataFrame, keys: list[str], value: str) -> None:
    missing = [k for k in [*keys, value] if k not in df.columns]
    if missing:
        raise ValueError(f"columns missing: {missing}")
    if df[keys].isna().any().any():
        raise ValueError("key columns must not hold missing values")
    if len(df) and (df[value].isna().any() or (df[value] < 0).any()):
        raise ValueError("counts must be non-negative integers")
    if any((df[k] == TOTAL).any() for k in keys):
        raise ValueError(f"{TOTAL!r} is reserved for margins")


def _long(counts, hidden, rows, cols, row, col, value) -> pd.DataFrame:
    """Cells row-major, then row totals, column totals and the grand total."""
    n_r = len(rows)
    if col is None:
        order = [(i, 0) for i in range(n_r + 1)]
    else:
        n_c = len(cols)
        order = [(i, j) for i in range(n_r) for j in range(n_c)]
        order += [(i, n_c) for i in range(n_r)] + [(n_r, j) for j in range(n_c + 1)]
    row_labels = [*rows, TOTAL]
    col_labels = [*cols, TOTAL]
    out = {row: [row_labels[i] for i, _ in order]}
    if col is not None:
        out[col] = [col_labels[j] for _, j in order]
    values = pd.array([counts[i, j] for i, j in order], dtype="Int64")
    values[np.array([hidden[i, j] for i, j in order], dtype=bool)] = pd.NA
    out[value] = values
    return pd.DataFrame(out)


def suppression_mask(counts: np.ndarray, *, one_dimensional: bool, threshold: int = 5) -> np.ndarray:
    """Which elements of `counts` (cells plus a last row/column of totals) to hide."""
    lines = table_lines(counts.shape, one_dimensional=one_dimensional)
    flat = counts.ravel()
    hidden = (flat >= 1) & (flat < threshold)
    is_total = np.zeros(flat.size, dtype=bool)
    for _, total in lines:
        is_total[total] = True
    while True:
        _close_lines(lines, flat, hidden, is_total)
        determined = derivable(lines, flat.size, hidden)
        if not determined:
            return hidden.reshape(counts.shape)
        cell = determined[0]
        near = [e for inner, total in lines if cell in (*inner, total) for e in (*inner, total)]
        candidates = [e for e in near if not hidden[e]] or list(np.flatnonzero(~hidden))
        hidden[_cheapest(candidates, flat, is_total)] = True


def table_lines(shape: tuple[int, int], *, one_dimensional: bool) -> list[tuple[list[int], int]]:
    """Each additivity equation as (inner flat indices, total flat index)."""
    n_r, n_c = shape[0] - 1, shape[1] - 1
    if one_dimensional:
        return [([i * shape[1] for i in range(n_r)], n_r * shape[1])]
    lines = [([r * shape[1] + c for c in range(n_c)], r * shape[1] + n_c) for r in range(n_r + 1)]
    lines += [([r * shape[1] + c for r in range(n_r)], n_r * shape[1] + c) for c in range(n_c + 1)]
    return lines


def _close_lines(lines, flat, hidden, is_total) -> None:
    """Hide a complement in every line with exactly one hidden element, until none is left."""
    changed = True
    while changed:
        changed = False
        for inner, total in lines:
            members = [*inner, total]
            if sum(bool(hidden[e]) for e in members) == 1:
                shown = [e for e in members if not hidden[e]]
                hidden[_cheapest(shown, flat, is_total)] = True
                changed = True


def _cheapest(candidates: list[int], flat: np.ndarray, is_total: np.ndarray) -> int:
    """Prefer the smallest non-zero cell, then a total, then a zero (hiding zeros protects least)."""
    return min(candidates, key=lambda e: (flat[e] == 0, bool(is_total[e]), int(flat[e]), e))


def derivable(lines: list[tuple[list[int], int]], size: int, hidden: np.ndarray) -> list[int]:
    """Hidden elements whose value follows from the shown ones through the table's equations.

    A hidden element is free exactly when some solution of the homogeneous system restricted to the
    hidden elements moves it; it is derivable when every null-space vector is zero there.
    """
    h_idx = np.flatnonzero(hidden)
    if h_idx.size == 0:
        return []
    a = np.zeros((len(lines), size))
    for k, (inner, total) in enumerate(lines):
        a[k, inner] = 1.0
        a[k, total] = -1.0
    a_h = a[:, h_idx]
    _, s, vt = np.linalg.svd(a_h, full_matrices=True)
    rank = int((s > 1e-9 * max(a_h.shape)).sum())
    null = vt[rank:]
    if null.shape[0] == 0:
        return [int(e) for e in h_idx]
    moved = (np.abs(null) > 1e-9).any(axis=0)
    return [int(e) for e in h_idx[~moved]]


def format_count(value: object) -> str:
    """A count as Danish text ("1.234"), or the suppression mark for a hidden one."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return SUPPRESSED_MARK
    return f"{int(value):,}".replace(",", ".")


def for_display(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """A copy with `columns` as text, hidden values shown as the mark (tables, CSV, Excel)."""
    out = df.copy()
    for name in columns:
        out[name] = [format_count(v) for v in df[name]]
    return out
