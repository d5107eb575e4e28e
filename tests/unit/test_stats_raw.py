"""db.stats_raw's shortcuts give the counts a plain query gives: sliced joins, derived case tables."""

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
KNOWN = ("BOR", "NSJ")


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
    keys = ["known", "level", "measure", "measure_status"]
    expected = plain(
        "SELECT list_contains(?::VARCHAR[], c.district_code) AS known, c.chosen_level AS level,"
        " m.measure_key AS measure, m.status AS measure_status, count(*) AS n"
        " FROM case_measures m JOIN cases c USING (case_id) WHERE c.model_version = ? GROUP BY ALL",
        [list(KNOWN), "2018"], keys)
    monkeypatch.setattr(stats_raw, "JOIN_CHUNK", 7)  # 300 cases: 43 slices
    sliced = ordered(stats_raw.measure_counts(LEADER, ALL, KNOWN, "2018"), keys)
    assert len(expected) > 10
    pd.testing.assert_frame_equal(sliced, expected, check_dtype=False)


def test_takedown_counts_in_slices_equal_one_join(cases, monkeypatch):
    keys = ["known", "outcome"]
    expected = plain(
        "SELECT list_contains(?::VARCHAR[], c.district_code) AS known, t.outcome, count(*) AS n"
        " FROM case_takedowns t JOIN cases c USING (case_id) GROUP BY ALL", [list(KNOWN)], keys)
    monkeypatch.setattr(stats_raw, "JOIN_CHUNK", 7)
    sliced = ordered(stats_raw.takedown_counts(LEADER, ALL, KNOWN), keys)
    assert expected["n"].sum() > 0
    pd.testing.assert_frame_equal(sliced, expected, check_dtype=False)


def test_sliced_joins_of_an_empty_database_are_empty(fresh_db):
    assert stats_raw.measure_counts(LEADER, ALL, KNOWN, "2018").empty
    assert stats_raw.takedown_counts(LEADER, ALL, KNOWN).empty


@pytest.mark.parametrize("table", list(stats_raw.CASE_SETS))
def test_each_case_table_equals_its_own_group_by(cases, table):
    dims = list(stats_raw.CASE_SETS[table])
    select = ", ".join(f"{stats_raw.DIMS[d]} AS {d}" for d in dims)
    expected = plain(
        f"SELECT list_contains(?::VARCHAR[], district_code) AS known, {select}, count(*) AS n"
        " FROM cases WHERE case_month >= ? GROUP BY ALL", [list(KNOWN), date(2024, 4, 1)],
        ["known", *dims])
    got = stats_raw.case_counts(LEADER, StatsFilter(first_month=date(2024, 4, 1)), KNOWN)[table]
    pd.testing.assert_frame_equal(ordered(got, ["known", *dims]), expected, check_dtype=False)
