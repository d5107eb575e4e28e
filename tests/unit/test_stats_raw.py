"""db.stats_raw's shortcuts give the counts (and key sums) a plain query gives: sliced joins, derived
case tables."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from db import stats_raw
from db.connection import cursor, transaction
from db.stats_raw import Population
from db.synthetic import GENERATOR, generate
from model.access import Role
from model.release import Release
from model.stats_filter import StatsFilter
from tests.conftest import scope_of

LEADER = scope_of(1, "leder@example.com", (Role.PROJECT_LEADER, None))
ALL = Population(StatsFilter())
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
    sliced = ordered(stats_raw.measure_counts(LEADER, "2018", ALL)[0], keys)
    sliced["k"] %= 2**32
    assert len(expected) > 10
    pd.testing.assert_frame_equal(sliced, expected, check_dtype=False)


def test_takedown_counts_in_slices_equal_one_join(cases, monkeypatch):
    keys = ["outcome"]
    expected = plain(
        f"SELECT t.outcome, count(*) AS n, {KEY}"
        " FROM case_takedowns t JOIN cases c USING (case_id) GROUP BY ALL", [], keys)
    monkeypatch.setattr(stats_raw, "JOIN_CHUNK", 7)
    sliced = ordered(stats_raw.takedown_counts(LEADER, ALL)[0], keys)
    sliced["k"] %= 2**32
    assert expected["n"].sum() > 0
    pd.testing.assert_frame_equal(sliced, expected, check_dtype=False)


def test_sliced_joins_of_an_empty_database_are_empty(fresh_db):
    assert stats_raw.measure_counts(LEADER, "2018", ALL)[0].empty
    assert stats_raw.takedown_counts(LEADER, ALL)[0].empty


@pytest.mark.parametrize("table", list(stats_raw.CASE_SETS))
def test_each_case_table_equals_its_own_group_by(cases, table):
    dims = list(stats_raw.CASE_SETS[table])
    select = ", ".join(f"{stats_raw.DIMS[d]} AS {d}" for d in dims)
    expected = plain(
        f"SELECT {select}, count(*) AS n, {KEY.replace('c.', '')}"
        " FROM cases WHERE case_month >= ? GROUP BY ALL", [date(2024, 4, 1)], dims)
    got = stats_raw.case_counts(LEADER, Population(StatsFilter(first_month=date(2024, 4, 1))))[0][table]
    got["k"] %= 2**32
    pd.testing.assert_frame_equal(ordered(got, dims), expected, check_dtype=False)


def _follow_up_changed_today(district: str) -> None:
    """Every case of `district` closed, reported, its measures done and takedowns removed today, with
    the values replaced kept in the history tables (as db.case_updates does)."""
    with transaction() as cur:
        ids = "SELECT case_id FROM cases WHERE district_code = ?"
        cur.execute("INSERT INTO case_history SELECT case_id, current_timestamp, police_consulted,"
                    f" police_report_filed, status FROM cases WHERE case_id IN ({ids})", [district])
        cur.execute(f"UPDATE cases SET status = 'closed', police_report_filed = true WHERE case_id IN"
                    f" ({ids})", [district])
        cur.execute("INSERT INTO case_measure_history SELECT case_id, measure_key, current_timestamp,"
                    f" status FROM case_measures WHERE case_id IN ({ids})", [district])
        cur.execute(f"UPDATE case_measures SET status = 'done' WHERE case_id IN ({ids})", [district])
        cur.execute("INSERT INTO case_takedown_history SELECT case_id, platform, current_timestamp,"
                    f" outcome FROM case_takedowns WHERE case_id IN ({ids})", [district])
        cur.execute(f"UPDATE case_takedowns SET outcome = 'removed' WHERE case_id IN ({ids})",
                    [district])


def test_a_release_and_a_live_district_counted_in_one_pass_equal_each_counted_alone(cases):
    """A contact's page: the nationwide release and their own district as it is now, one scan."""
    _follow_up_changed_today("KBH")  # the release counts KBH's cases as they were; live, as now
    released = Population(StatsFilter(), Release.on_day(date(2025, 6, 1)))
    live = Population(StatsFilter(levels=(1, 2, 3), districts=("KBH",)))
    together = stats_raw.case_counts(LEADER, released, live)
    for pop, got in zip((released, live), together, strict=True):
        alone = stats_raw.case_counts(LEADER, pop)[0]
        for table, dims in stats_raw.CASE_SETS.items():
            pd.testing.assert_frame_equal(ordered(got[table], list(dims)),
                                          ordered(alone[table], list(dims)))
    assert set(together[1]["status"]["status"]) == {"closed"}  # live: as now
    assert "open" in set(together[0]["status"]["status"])  # released: as at the cutoff
    for counts, keys in ((lambda *p: stats_raw.platform_counts(LEADER, *p), ["platform"]),
                         (lambda *p: stats_raw.takedown_counts(LEADER, *p), ["outcome"]),
                         (lambda *p: stats_raw.measure_counts(LEADER, "2018", *p),
                          ["level", "measure", "measure_status"])):
        both = counts(released, live)
        for pop, got in zip((released, live), both, strict=True):
            alone = counts(pop)[0]
            assert len(alone) > 0
            pd.testing.assert_frame_equal(ordered(got, keys), ordered(alone, keys), check_dtype=False)
