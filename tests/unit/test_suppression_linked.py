"""Linked tables (same population, shared margins) are suppressed as one system of equations."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.suppression import TOTAL, CountTable, key_of, suppress_linked


@st.composite
def population(draw):
    """Cases with a level, a month and a status; three tables over it share level and grand totals."""
    n = draw(st.integers(0, 40))
    cases = pd.DataFrame({
        "level": draw(st.lists(st.integers(1, 3), min_size=n, max_size=n)),
        "month": draw(st.lists(st.sampled_from(["jan", "feb", "mar"]), min_size=n, max_size=n)),
        "status": draw(st.lists(st.sampled_from(["open", "closed"]), min_size=n, max_size=n)),
    })
    return cases


def tables_of(cases: pd.DataFrame) -> list[CountTable]:
    by_month = cases.groupby(["month", "level"], as_index=False).size()
    by_status = cases.groupby(["status", "level"], as_index=False).size()
    by_level = cases.groupby(["level"], as_index=False).size()
    return [CountTable(by_month, "month", "level", "size"),
            CountTable(by_status, "status", "level", "size"),
            CountTable(by_level, "level", None, "size")]


def shared_margins(out: list[pd.DataFrame]) -> list[dict[object, bool]]:
    """Per table: level margin -> hidden?, plus the grand total under key TOTAL."""
    month, status, level = out
    result = []
    for frame in (month, status):
        margin = frame[frame.iloc[:, 0] == TOTAL]
        result.append({c: pd.isna(v) for c, v in zip(margin["level"], margin["size"], strict=True)})
    result.append({r: pd.isna(v) for r, v in zip(level["level"], level["size"], strict=True)})
    return result


@settings(deadline=None, max_examples=80)
@given(population())
def test_a_shared_margin_is_hidden_in_every_table_or_in_none(cases):
    out = suppress_linked(tables_of(cases))
    month, status, level = shared_margins(out)
    for key in level:
        assert month[key] == status[key] == level[key], key


@settings(deadline=None, max_examples=80)
@given(population())
def test_no_linked_table_publishes_a_value_between_one_and_four(cases):
    for frame in suppress_linked(tables_of(cases)):
        shown = frame["size"].dropna()
        assert not ((shown >= 1) & (shown <= 4)).any()


def test_a_forced_cell_is_hidden_with_a_complement():
    df = pd.DataFrame({"r": ["a", "b", "c"], "n": [30, 40, 50]})
    (out,) = suppress_linked([CountTable(df, "r", None, "n", hide=(("a", None),))])
    hidden = out[out["n"].isna()]["r"].tolist()
    assert hidden == ["a", "b"]


def test_tables_that_disagree_on_a_shared_margin_are_refused():
    one = pd.DataFrame({"level": [1, 2], "n": [10, 20]})
    other = pd.DataFrame({"level": [1, 2], "n": [10, 21]})
    with pytest.raises(ValueError, match="disagree"):
        suppress_linked([CountTable(one, "level", None, "n"), CountTable(other, "level", None, "n")])


def test_linked_suppression_hides_a_margin_that_one_table_alone_would_show():
    # Level 1 has 5 cases: "month x level" alone hides that total as a complement, while
    # "status x level" alone shows it, which would reopen the month table's hidden cells.
    cells = {("feb", 1, "open"): 1, ("feb", 2, "closed"): 1, ("jan", 1, "open"): 4,
             ("jan", 2, "closed"): 2, ("jan", 2, "open"): 2, ("jan", 3, "closed"): 1,
             ("jan", 3, "open"): 1}
    rows = [{"month": m, "level": lvl, "status": s} for (m, lvl, s), n in cells.items()
            for _ in range(n)]
    cases = pd.DataFrame(rows)
    alone = shared_margins([suppress_linked([t])[0] for t in tables_of(cases)])
    assert alone[0][1] != alone[1][1]
    linked = shared_margins(suppress_linked(tables_of(cases)))
    assert linked[0][1] == linked[1][1] == linked[2][1] is True


@st.composite
def overrides(draw):
    """A proposed x chosen matrix of a three-level model, as a long frame."""
    cells = [{"proposed": p, "level": c, "n": draw(st.one_of(st.integers(0, 6), st.integers(0, 30)))}
             for p in (1, 2, 3) for c in (1, 2, 3)]
    return pd.DataFrame(cells)


def direction_of(p: int, c: int) -> str:
    return "followed" if p == c else ("raised" if c > p else "lowered")


@settings(deadline=None, max_examples=60)
@given(overrides())
def test_a_summary_linked_by_equations_gives_away_no_hidden_cell_of_the_matrix(matrix):
    matrix["direction"] = [direction_of(p, c) for p, c in zip(matrix["proposed"], matrix["level"],
                                                              strict=True)]
    summary = matrix.groupby(["proposed", "direction"], as_index=False)["n"].sum()
    fixed = (("version", "v"),)
    equations = [
        ([key_of(("proposed", p), ("level", c), *fixed) for c in (1, 2, 3) if direction_of(p, c) == d],
         [key_of(("proposed", p), ("direction", d), *fixed)])
        for p in (1, 2, 3) for d in ("followed", "raised", "lowered")
        if any(direction_of(p, c) == d for c in (1, 2, 3))
    ]
    full, short = suppress_linked(
        [CountTable(matrix[["proposed", "level", "n"]], "proposed", "level", "n", fixed=fixed),
         CountTable(summary, "proposed", "direction", "n", fixed=fixed)], equations=equations)
    # Rebuild the joint system independently: every published element as a sum of matrix cells.
    cells = [(p, c) for p in (1, 2, 3) for c in (1, 2, 3)]

    def row_of(frame: pd.DataFrame, col: str, i: int) -> np.ndarray:
        r, c = frame["proposed"].iloc[i], frame[col].iloc[i]
        return np.array([float((r in (TOTAL, p)) and (c == TOTAL or (col == "level" and c == lc)
                               or (col == "direction" and c == direction_of(p, lc))))
                         for p, lc in cells])

    rows = [(row_of(full, "level", i), pd.isna(full["n"].iloc[i])) for i in range(len(full))]
    rows += [(row_of(short, "direction", i), pd.isna(short["n"].iloc[i])) for i in range(len(short))]
    shown = np.array([r for r, hidden in rows if not hidden] or [np.zeros(len(cells))])
    base = np.linalg.matrix_rank(shown)
    truth = np.array([matrix[(matrix["proposed"] == p) & (matrix["level"] == c)]["n"].iloc[0]
                      for p, c in cells])
    for vector, hidden in rows:
        if hidden and vector @ truth != 0:  # a derivable zero gives nothing away
            # Hidden and derivable would mean its vector lies in the span of the shown ones.
            assert np.linalg.matrix_rank(np.vstack([shown, vector])) > base
    for frame in (full, short):
        published = frame["n"].dropna()
        assert not ((published >= 1) & (published <= 4)).any()
