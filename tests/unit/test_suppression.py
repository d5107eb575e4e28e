"""Small-count suppression: nothing of 1-4 is published and nothing hidden can be worked out."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.suppression import (
    SUPPRESSED_MARK,
    TOTAL,
    for_display,
    format_count,
    suppress_frame,
    with_margins,
)

# Mostly small counts, so that primary and secondary suppression both have work to do.
counts = st.one_of(st.integers(0, 6), st.integers(0, 40))


@st.composite
def long_tables(draw, one_dimensional: bool | None = None):
    one_dim = draw(st.booleans()) if one_dimensional is None else one_dimensional
    n_rows = draw(st.integers(1, 6))
    n_cols = 1 if one_dim else draw(st.integers(1, 6))
    records = []
    for r in range(n_rows):
        for c in range(n_cols):
            if draw(st.integers(0, 5)) == 0:  # absent combination: counts as 0
                continue
            records.append({"r": f"r{r}", "c": f"c{c}", "n": draw(counts)})
    df = pd.DataFrame(records, columns=["r", "c", "n"])
    return df, one_dim


def true_matrix(df: pd.DataFrame, out: pd.DataFrame, one_dim: bool) -> dict[tuple, int]:
    """Every element's true value (cells and margins), computed independently of the module."""
    rows = [r for r in out["r"].unique() if r != TOTAL]
    if one_dim:
        totals = df.groupby("r")["n"].sum().to_dict()
        truth = {(r,): int(totals.get(r, 0)) for r in rows}
        truth[(TOTAL,)] = int(df["n"].sum())
        return truth
    cols = [c for c in out["c"].unique() if c != TOTAL]
    cell = df.groupby(["r", "c"])["n"].sum().to_dict()
    truth = {(r, c): int(cell.get((r, c), 0)) for r in rows for c in cols}
    for r in rows:
        truth[(r, TOTAL)] = sum(truth[(r, c)] for c in cols)
    for c in cols:
        truth[(TOTAL, c)] = sum(truth[(r, c)] for r in rows)
    truth[(TOTAL, TOTAL)] = int(df["n"].sum())
    return truth


def run(df: pd.DataFrame, one_dim: bool) -> tuple[pd.DataFrame, dict[tuple, object]]:
    out = suppress_frame(df, "r", None if one_dim else "c", "n")
    keys = ["r"] if one_dim else ["r", "c"]
    published = {
        tuple(rec[k] for k in keys): pd.NA if pd.isna(rec["n"]) else int(rec["n"])
        for rec in out.to_dict("records")
    }
    return out, published


def lines(published: dict[tuple, object], one_dim: bool) -> list[tuple[list[tuple], tuple]]:
    """Each row and column of the table, margins included, as (inner keys, total key)."""
    if one_dim:
        return [([k for k in published if k != (TOTAL,)], (TOTAL,))]
    rows = {k[0] for k in published}
    cols = {k[1] for k in published}
    out = [([(r, c) for c in cols if c != TOTAL], (r, TOTAL)) for r in rows]
    out += [([(r, c) for r in rows if r != TOTAL], (TOTAL, c)) for c in cols]
    return out


@settings(deadline=None, max_examples=150)
@given(long_tables())
def test_no_published_value_is_between_one_and_four(table):
    df, one_dim = table
    _, published = run(df, one_dim)
    shown = [v for v in published.values() if v is not pd.NA]
    assert all(not 1 <= v <= 4 for v in shown)


@settings(deadline=None, max_examples=150)
@given(long_tables())
def test_unsuppressed_values_are_the_true_counts_with_margins(table):
    df, one_dim = table
    out, published = run(df, one_dim)
    truth = true_matrix(df, out, one_dim)
    assert set(published) == set(truth)
    for key, value in published.items():
        if value is not pd.NA:
            assert value == truth[key], key


@settings(deadline=None, max_examples=150)
@given(long_tables())
def test_no_row_or_column_has_exactly_one_hidden_element(table):
    df, one_dim = table
    _, published = run(df, one_dim)
    for inner, total in lines(published, one_dim):
        hidden = [k for k in [*inner, total] if published[k] is pd.NA]
        assert len(hidden) != 1, (inner, total, hidden)


@settings(deadline=None, max_examples=100)
@given(long_tables(one_dimensional=False))
def test_no_hidden_value_follows_from_the_shown_ones_by_any_combination_of_totals(table):
    df, _ = table
    out, published = run(df, False)
    truth = true_matrix(df, out, False)
    keys = list(published)
    hidden = [k for k in keys if published[k] is pd.NA]
    if not hidden:
        return
    equations = []
    for inner, total in lines(published, False):
        eq = np.zeros(len(hidden))
        for k in inner:
            if k in hidden:
                eq[hidden.index(k)] += 1
        if total in hidden:
            eq[hidden.index(total)] -= 1
        equations.append(eq)
    system = np.array(equations)
    base_rank = np.linalg.matrix_rank(system)
    for i, key in enumerate(hidden):
        if truth[key] == 0:  # a derivable zero gives nothing away
            continue
        unit = np.zeros(len(hidden))
        unit[i] = 1
        # The value is derivable exactly when the unit vector lies in the span of the equations.
        assert np.linalg.matrix_rank(np.vstack([system, unit])) > base_rank, key


def test_a_bridge_between_two_hidden_blocks_is_hidden_too():
    # Two 2x2 blocks of small counts joined only through row r1: the per-line rule alone would let
    # a reader derive the joining cell by adding rows r0-r1 and subtracting columns c0-c1.
    grid = [
        [3, 3, 9, 0, 0, 40],
        [3, 3, 20, 0, 0, 40],
        [0, 0, 3, 3, 0, 40],
        [0, 0, 3, 3, 0, 40],
        [30, 30, 30, 30, 30, 40],
    ]
    df = pd.DataFrame(
        [{"r": f"r{i}", "c": f"c{j}", "n": v} for i, row in enumerate(grid) for j, v in enumerate(row)]
    )
    _, published = run(df, False)
    for inner, total in lines(published, False):
        assert sum(published[k] is pd.NA for k in [*inner, total]) != 1
    assert published[("r0", "c0")] is pd.NA


def test_one_dimensional_table_hides_a_complement_for_a_single_small_count():
    df = pd.DataFrame({"r": ["a", "b", "c"], "n": [3, 50, 7]})
    out = suppress_frame(df, "r", None, "n")
    assert list(out["r"]) == ["a", "b", "c", TOTAL]
    values = dict(zip(out["r"], out["n"], strict=True))
    assert values["a"] is pd.NA and values["c"] is pd.NA
    assert values["b"] == 50 and values[TOTAL] == 60


def test_absent_combinations_appear_as_shown_zeros():
    df = pd.DataFrame({"r": ["a", "b"], "c": ["x", "y"], "n": [20, 30]})
    out = suppress_frame(df, "r", "c", "n")
    cell = out[(out["r"] == "a") & (out["c"] == "y")]["n"].iloc[0]
    assert cell == 0
    assert str(out["n"].dtype) == "Int64"


def test_totals_of_one_to_four_are_hidden():
    df = pd.DataFrame({"r": ["a", "b"], "n": [0, 2]})
    out = suppress_frame(df, "r", None, "n")
    assert out["n"].isna().tolist() == [False, True, True]


def test_reserved_total_label_and_negative_counts_are_rejected():
    with pytest.raises(ValueError):
        suppress_frame(pd.DataFrame({"r": [TOTAL], "n": [9]}), "r", None, "n")
    with pytest.raises(ValueError):
        suppress_frame(pd.DataFrame({"r": ["a"], "n": [-1]}), "r", None, "n")


def test_display_marks_hidden_values_and_uses_danish_thousands_separator():
    assert format_count(pd.NA) == SUPPRESSED_MARK
    assert format_count(1234567) == "1.234.567"
    df = pd.DataFrame({"r": ["a", "b"], "n": pd.array([pd.NA, 12], dtype="Int64")})
    assert for_display(df, ["n"])["n"].tolist() == [SUPPRESSED_MARK, "12"]


@settings(deadline=None, max_examples=100)
@given(long_tables())
def test_with_margins_is_the_true_table_with_nothing_hidden(table):
    df, one_dim = table
    col = None if one_dim else "c"
    out = with_margins(df, "r", col, "n")
    pd.testing.assert_frame_equal(out, suppress_frame(df, "r", col, "n", threshold=0))
    assert not out["n"].isna().any()
    keys = ["r"] if one_dim else ["r", "c"]
    published = {tuple(k): v for k, v in zip(out[keys].itertuples(index=False), out["n"], strict=True)}
    assert published == true_matrix(df, out, one_dim)
