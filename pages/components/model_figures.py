"""Published model figures (backtest, re-assessments, answers at close) as tables to read.

Pure pandas on frames that have already passed the disclosure rules (db/model_stats.py): the values
are the published (adjusted) ones, and a share is computed from published values only.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from model.published import TOTAL, format_count


def level_name(value: object) -> str:
    return "I alt" if value == TOTAL else f"Niveau {value}"


def pivot(frame: pd.DataFrame, row: str, col: str, row_title: str,
          row_name: Callable[[object], str] = level_name,
          col_name: Callable[[object], str] = level_name) -> pd.DataFrame:
    """Rows x columns of counts as text (hidden values as the mark), margins last."""
    rows = list(dict.fromkeys(frame[row]))
    cols = list(dict.fromkeys(frame[col]))
    values = {(r, c): v for r, c, v in zip(frame[row], frame[col], frame["n"], strict=True)}
    return pd.DataFrame([{row_title: row_name(r), **{col_name(c): format_count(values.get((r, c)))
                                                     for c in cols}} for r in rows])


def column(frame: pd.DataFrame, row: str, row_title: str,
           row_name: Callable[[object], str] = str) -> pd.DataFrame:
    """A one-way table as text."""
    return pd.DataFrame({row_title: [row_name(r) for r in frame[row]],
                         "Antal": [format_count(v) for v in frame["n"]]})


def share(part: object, whole: object) -> str:
    """`part` of `whole` in per cent (Danish comma), or the mark when either is hidden or zero."""
    if part is None or whole is None or pd.isna(part) or pd.isna(whole) or not whole:
        return format_count(None)
    return f"{100 * int(part) / int(whole):.0f} %"


def cell(frame: pd.DataFrame, **where: object) -> object:
    """The published value of one cell (None when absent)."""
    mask = pd.Series(True, index=frame.index)
    for name, value in where.items():
        mask &= frame[name].astype(object) == value
    found = frame.loc[mask, "n"].tolist()
    return found[0] if found else None
