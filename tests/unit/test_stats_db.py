"""Scoped, suppressed statistics: what each role gets from db.stats, and that filters hold."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from db import audit, stats
from db.connection import cursor, transaction
from db.synthetic import GENERATOR, generate
from model.access import Role
from model.errors import AccessDenied, NotFound
from model.stats_filter import StatsFilter
from model.suppression import TOTAL
from tests.conftest import scope_of

LEADER = scope_of(1, "leder@example.com", (Role.PROJECT_LEADER, None))
CONTACT = scope_of(2, "kontakt@example.com", (Role.DISTRICT_CONTACT, "BOR"))
ORGANISER = scope_of(3, "kursus@example.com", (Role.COURSE_ORGANISER, None))
YEAR = StatsFilter(date(2024, 1, 1), date(2024, 12, 1))


@pytest.fixture
def cases(fresh_db):
    """A small data set (many small counts): 300 cases over 12 months of 2024."""
    generate(GENERATOR, 300, seed=7, first_month=date(2024, 1, 1), months=12)
    return fresh_db


def sql_count(where: str = "TRUE", params: list | None = None) -> int:
    with cursor() as cur:
        return cur.execute(f"SELECT count(*) FROM cases WHERE {where}", params or []).fetchone()[0]


def shown_values(table: pd.DataFrame) -> pd.Series:
    return table["n"].dropna()


def test_project_leader_gets_no_published_count_between_one_and_four(cases):
    dash = stats.dashboard(LEADER, YEAR)
    assert {"by_month", "by_district", "calibration", "reasons", "measures"} <= set(dash.national)
    for name, table in dash.national.items():
        shown = shown_values(table)
        assert not ((shown >= 1) & (shown <= 4)).any(), name
    assert dash.own == {}


def test_small_data_set_does_get_suppressed(cases):
    dash = stats.dashboard(LEADER, YEAR)
    assert dash.national["by_month"]["n"].isna().any()


def test_shown_nationwide_figures_are_the_true_counts(cases):
    dash = stats.dashboard(LEADER, YEAR)
    by_district = dash.national["by_district"].set_index("district")["n"]
    assert by_district[TOTAL] == sql_count()
    for code, value in by_district.drop(TOTAL).dropna().items():
        assert value == sql_count("district_code = ?", [code])


def test_district_contact_sees_own_district_in_full_and_no_calibration(cases):
    dash = stats.dashboard(CONTACT, YEAR, "BOR")
    own = dash.own["by_district"].set_index("district")["n"]
    assert list(own.index) == ["BOR", TOTAL]
    assert own["BOR"] == sql_count("district_code = 'BOR'")
    assert not dash.own["by_month"]["n"].isna().any()
    assert "calibration" not in dash.national and "reasons" not in dash.national


@pytest.mark.parametrize("district", ["BOR", "KBH", "GRL"])
def test_district_contact_can_derive_no_small_count_of_other_districts(cases, district):
    contact = scope_of(4, "kreds@example.com", (Role.DISTRICT_CONTACT, district))
    dash = stats.dashboard(contact, YEAR, district)
    for name, national in dash.national.items():
        keys = [c for c in national.columns if c != "n"]
        both = national.merge(dash.own[name], on=keys, how="left", suffixes=("", "_own"))
        own = both["n_own"].fillna(0)
        others = both["n"] - own  # what the contact could work out about the other districts
        shown = others.dropna()
        assert not ((shown >= 1) & (shown <= 4)).any(), name
        published = national["n"].dropna()
        assert not ((published >= 1) & (published <= 4)).any(), name


def test_district_contact_cannot_ask_for_another_district(cases):
    with pytest.raises(NotFound):
        stats.dashboard(CONTACT, YEAR, "KBH")


def test_project_leader_cannot_ask_for_a_district_in_full(cases):
    with pytest.raises(NotFound):
        stats.dashboard(LEADER, YEAR, "BOR")


def test_roles_without_statistics_are_refused(cases):
    with pytest.raises(AccessDenied):
        stats.dashboard(ORGANISER, YEAR)


def test_period_filter_limits_months_and_totals(cases):
    spring = StatsFilter(date(2024, 3, 1), date(2024, 5, 1))
    table = stats.dashboard(LEADER, spring).national["by_month"]
    months = {m for m in table["month"] if m != TOTAL}
    assert months == {pd.Timestamp(2024, 3, 1), pd.Timestamp(2024, 4, 1), pd.Timestamp(2024, 5, 1)}
    grand = table[(table["month"] == TOTAL) & (table["level"] == TOTAL)]["n"].iloc[0]
    expected = sql_count("case_month BETWEEN ? AND ?", [date(2024, 3, 1), date(2024, 5, 1)])
    assert pd.isna(grand) or grand == expected


def test_district_and_level_filters_narrow_the_population(cases):
    flt = StatsFilter(districts=("KBH", "OJY"), levels=(1, 2))
    dash = stats.dashboard(LEADER, flt)
    assert list(dash.national["by_district"]["district"]) == ["OJY", "KBH", TOTAL]  # official order
    assert {lvl for lvl in dash.national["status"]["level"] if lvl != TOTAL} == {1, 2}
    total = dash.national["by_district"].set_index("district")["n"][TOTAL]
    assert total == sql_count("district_code IN ('KBH', 'OJY') AND chosen_level IN (1, 2)")


def test_model_version_filter_selects_that_version_only(cases):
    dash = stats.dashboard(LEADER, StatsFilter(model_version="2018"))
    assert set(dash.national["calibration"]["version"]) == {"2018"}
    empty = stats.dashboard(LEADER, StatsFilter(model_version="1999")).national["by_district"]
    assert empty.set_index("district")["n"][TOTAL] == 0


def test_data_version_changes_when_a_case_changes(cases):
    before = stats.data_version(LEADER)
    with transaction() as cur:
        cur.execute("UPDATE cases SET status = 'closed', row_version = row_version + 1,"
                    " updated_at = current_timestamp WHERE case_id = (SELECT min(case_id) FROM cases)")
    assert stats.data_version(LEADER) != before


def test_an_export_is_written_to_the_audit_log(cases, admin_scope):
    stats.record_export(LEADER, page="national_stats", table="by_month", fmt="csv", flt=YEAR)
    entry = audit.entries(admin_scope, audit.AuditFilter(action="stats.export"))[0]
    assert entry["actor_email"] == "leder@example.com"
    assert entry["object_id"] == "by_month"
    assert '"csv"' in entry["details"]
