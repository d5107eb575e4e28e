"""db.stats_raw's shortcuts give the counts (and key sums) a plain query gives: sliced joins, derived
case tables."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from db import stats_raw
from db.connection import cursor
from db.synthetic import GENERATOR, generate
from model.access import Role
from model.stats_filter import StatsFilter
from tests.conftest import scope_of

LEADER = scope_of(1, "leder@example.com", (Role.PROJECT_LEADER, None))
ALL = StatsFilter()
KEY = "(sum(c.record_key) % 4294967296)::BIGINT AS k"


@pytest.fixture
def cases(fresh_db):
    generate(GENERATOR, 300, seed=11, first_month=date(2024, 1, 1), months=12)
    return fresh_db


def plain(sql: str, params: list, keys: list[str]) -> pd.DataFrame:
    with cursor() as cur:
        df = cur.execute(sql, params).fetch_df()
    return df.sort_values(keys).reset_index(drop=True)


def ordered(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    return df.sort_values(keys).reset_index(drop=True)


def test_measure_counts_in_slices_equal_one_join(cases, monkeypatch):
    keys = ["level", "measure", "measure_status"]
    expected = plain(
        "SELECT c.chosen_level AS level, m.measure_key AS measure, m.status AS measure_status,"
        f" count(*) AS n, {KEY} FROM case_measures m JOIN cases c USING (case_id)"
        " WHERE c.model_version = ? GROUP BY ALL", ["2018"], keys)
    monkeypatch.setattr(stats_raw, "JOIN_CHUNK", 7)  # 300 cases: 43 slices
    sliced = ordered(stats_raw.measure_counts(LEADER, ALL, "2018"), keys)
    sliced["k"] %= 2**32
    assert len(expected) > 10
    pd.testing.assert_frame_equal(sliced, expected, check_dtype=False)


def test_takedown_counts_in_slices_equal_one_join(cases, monkeypatch):
    keys = ["outcome"]
    expected = plain(
        f"SELECT t.outcome, count(*) AS n, {KEY}"
        " FROM case_takedowns t JOIN cases c USING (case_id) GROUP BY ALL", [], keys)
    monkeypatch.setattr(stats_raw, "JOIN_CHUNK", 7)
    sliced = ordered(stats_raw.takedown_counts(LEADER, ALL), keys)
    sliced["k"] %= 2**32
    assert expected["n"].sum() > 0
    pd.testing.assert_frame_equal(sliced, expected, check_dtype=False)


def test_sliced_joins_of_an_empty_database_are_empty(fresh_db):
    assert stats_raw.measure_counts(LEADER, ALL, "2018").empty
    assert stats_raw.takedown_counts(LEADER, ALL).empty


@pytest.mark.parametrize("table", list(stats_raw.CASE_SETS))
def test_each_case_table_equals_its_own_group_by(cases, table):
    dims = list(stats_raw.CASE_SETS[table])
    select = ", ".join(f"{stats_raw.DIMS[d]} AS {d}" for d in dims)
    expected = plain(
        f"SELECT {select}, count(*) AS n, {KEY.replace('c.', '')}"
        " FROM cases WHERE case_month >= ? GROUP BY ALL", [date(2024, 4, 1)], dims)
    got = stats_raw.case_counts(LEADER, StatsFilter(first_month=date(2024, 4, 1)))[table]
    got["k"] %= 2**32
    pd.testing.assert_frame_equal(ordered(got, dims), expected, check_dtype=False)
