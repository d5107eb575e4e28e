"""Turn raw counts (split by `known`) into published tables: suppressed, and consistent per viewer.

A viewer who sees some districts in full (a district contact: their own) could subtract those from a
nationwide figure. So the nationwide tables are suppressed on the *other* districts' counts, with
every element whose nationwide value is 1-4 hidden too, and the viewer's own counts are added back
to the shown values only. For a viewer without districts this is plain suppression.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from model.suppression import CountTable, Key, suppress_linked, with_margins

THRESHOLD = 5


@dataclass(frozen=True, eq=False)
class Spec:
    """One table to publish: a raw frame (known, row, [col], n) and the categories it must show."""

    name: str
    raw: pd.DataFrame
    row: str
    col: str | None
    rows: Sequence[object]
    cols: Sequence[object] = ()
    fixed: tuple[tuple[str, object], ...] = ()
    extra: dict[str, object] = field(default_factory=dict)  # constant columns put in front


def _sums(df: pd.DataFrame, keys: list[str]) -> dict[tuple, int]:
    """Counts summed per key tuple, in plain Python: the frames are small, pandas' overhead is not."""
    sums: dict[tuple, int] = {}
    for *key, n in zip(*(df[k].tolist() for k in keys), df["n"].tolist(), strict=True):
        sums[tuple(key)] = sums.get(tuple(key), 0) + n
    return sums


def complete(df: pd.DataFrame, row: str, col: str | None, rows: Sequence[object],
             cols: Sequence[object]) -> pd.DataFrame:
    """Counts summed per cell over every combination of categories (zeros where absent).

    Categories found in the data but not listed are kept at the end, so totals stay true.
    """
    keys = [row] if col is None else [row, col]
    sums = _sums(df, keys) if len(df) else {}
    listed_rows = set(rows)
    all_rows = list(rows) + [r for r in dict.fromkeys(k[0] for k in sums) if r not in listed_rows]
    if col is None:
        cells = [(r,) for r in all_rows]
    else:
        listed_cols = set(cols)
        all_cols = list(cols) + [c for c in dict.fromkeys(k[1] for k in sums) if c not in listed_cols]
        cells = [(r, c) for r in all_rows for c in all_cols]
    out: dict[str, object] = {k: pd.Index([c[i] for c in cells]) for i, k in enumerate(keys)}
    out["n"] = np.array([sums.get(c, 0) for c in cells], dtype=np.int64)
    return pd.DataFrame(out)


def split(spec: Spec) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(others, own) completed to the spec's categories."""
    known = spec.raw["known"].astype(bool) if len(spec.raw) else pd.Series(dtype=bool)
    others = complete(spec.raw[~known], spec.row, spec.col, spec.rows, spec.cols)
    own = complete(spec.raw[known], spec.row, spec.col, spec.rows, spec.cols)
    # Both must share one layout; categories only in one part are added to the other as zeros.
    rows = list(dict.fromkeys([*others[spec.row], *own[spec.row]]))
    cols = [] if spec.col is None else list(dict.fromkeys([*others[spec.col], *own[spec.col]]))
    return (complete(others, spec.row, spec.col, rows, cols),
            complete(own, spec.row, spec.col, rows, cols))


def publish(specs: Sequence[Spec], equations: Sequence[tuple[Sequence[Key], Sequence[Key]]] = ()
            ) -> dict[str, pd.DataFrame]:
    """Suppress `specs` (one population) together and add the viewer's own counts back."""
    parts = [split(s) for s in specs]
    tables = []
    for spec, (others, own) in zip(specs, parts, strict=True):
        total = with_margins(others, spec.row, spec.col, "n")
        total["n"] = total["n"] + with_margins(own, spec.row, spec.col, "n")["n"]
        small = total[(total["n"] >= 1) & (total["n"] < THRESHOLD)]
        hide = tuple(zip(small[spec.row], small[spec.col] if spec.col else [None] * len(small),
                         strict=True))
        tables.append(CountTable(others, spec.row, spec.col, "n", hide=hide, fixed=spec.fixed))
    suppressed = suppress_linked(tables, THRESHOLD, equations)
    out = {}
    for spec, (_, own), frame in zip(specs, parts, suppressed, strict=True):
        own_m = with_margins(own, spec.row, spec.col, "n")
        frame["n"] = frame["n"] + own_m["n"]  # NA stays NA: hidden stays hidden
        for i, (name, value) in enumerate(spec.extra.items()):
            frame.insert(i, name, value)
        out[spec.name] = frame
    return out


def full(spec: Spec) -> pd.DataFrame:
    """The viewer's own counts with margins, nothing hidden (their own district's figures)."""
    _, own = split(spec)
    frame = with_margins(own, spec.row, spec.col, "n")
    for i, (name, value) in enumerate(spec.extra.items()):
        frame.insert(i, name, value)
    return frame


def concat(frames: dict[str, pd.DataFrame], prefix: str) -> pd.DataFrame:
    """Tables `prefix:*` (one per slice) as one frame."""
    parts = [f for name, f in frames.items() if name.startswith(prefix + ":")]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
