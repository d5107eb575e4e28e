"""Scoped, perturbed, released statistics: what each role gets from db.stats, and that filters hold."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest

from db import audit, stats
from db.cases import create_case
from db.connection import cursor, transaction
from db.migrate import migrate
from db.record_keys import fill_missing
from db.synthetic import GENERATOR, generate
from model.access import Role
from model.errors import AccessDenied, NotFound
from model.published import TOTAL
from model.release import Release
from model.stats_filter import StatsFilter
from tests.conftest import scope_of
from tests.unit.case_helpers import NSJ, draft

LEADER = scope_of(1, "leder@example.com", (Role.PROJECT_LEADER, None))
CONTACT = scope_of(2, "kontakt@example.com", (Role.DISTRICT_CONTACT, "BOR"))
ORGANISER = scope_of(3, "kursus@example.com", (Role.COURSE_ORGANISER, None))
ADMIN = scope_of(4, "admin@example.com", (Role.ADMIN, None))
YEAR = StatsFilter(date(2024, 1, 1), date(2024, 12, 1))
LATER = date(2025, 6, 1)  # every month of 2024 released and revised


@pytest.fixture
def cases(fresh_db):
    """A small data set (many small counts): 300 cases over 12 months of 2024."""
    generate(GENERATOR, 300, seed=7, first_month=date(2024, 1, 1), months=12)
    return fresh_db


def sql_count(where: str = "TRUE", params: list | None = None) -> int:
    with cursor() as cur:
        return cur.execute(f"SELECT count(*) FROM cases WHERE {where}", params or []).fetchone()[0]


def values(frame: pd.DataFrame) -> list[int]:
    return [int(v) for v in frame["n"]]


def test_no_published_value_is_one_or_two_and_each_is_within_two_of_the_truth(cases):
    dash = stats.dashboard(LEADER, YEAR, on=LATER)
    truth = stats.true_dashboard(ADMIN, YEAR, on=LATER, viewer=LEADER)
    assert {"by_month", "by_district", "calibration", "reasons", "measures"} <= set(dash.national)
    small_true = 0
    for name, table in dash.national.items():
        true = truth.national[name]
        assert not {1, 2} & set(values(table)), name
        for p, n in zip(values(table), values(true), strict=True):
            assert abs(p - n) <= 2 and p >= 0, name
            assert n != 0 or p == 0, name
            small_true += 1 <= n <= 4
    assert small_true > 20  # the data set does have small counts
    assert dash.own == {}


def test_the_same_view_asked_twice_and_by_another_role_gives_the_same_figures(cases):
    first = stats.dashboard(LEADER, YEAR, on=LATER).national
    again = stats.dashboard(LEADER, YEAR, on=LATER).national
    contact = stats.dashboard(CONTACT, YEAR, "BOR", on=LATER).national
    for name in ("by_month", "by_district", "age_gender"):
        pd.testing.assert_frame_equal(first[name], again[name])
        pd.testing.assert_frame_equal(first[name], contact[name])


def test_one_set_of_cases_has_one_published_value_in_every_table(cases):
    t = stats.dashboard(LEADER, YEAR, on=LATER).national

    def grand(name: str) -> int:
        frame = t[name]
        mask = frame.iloc[:, -2].astype(str).eq(TOTAL)
        if frame.shape[1] >= 3:
            mask &= frame.iloc[:, -3].astype(str).eq(TOTAL)
        return int(frame[mask]["n"].iloc[0])

    assert len({grand(n) for n in ("by_month", "by_district", "age_gender", "police", "status")}) == 1
    level_totals = {name: t[name][t[name][t[name].columns[-3]].astype(str).eq(TOTAL)
                                   & ~t[name]["level"].astype(str).eq(TOTAL)]["n"].tolist()
                    for name in ("by_month", "police", "status")}
    assert level_totals["by_month"] == level_totals["police"] == level_totals["status"]


def test_district_contact_sees_own_district_exact_and_live(cases):
    dash = stats.dashboard(CONTACT, YEAR, "BOR", on=date(2024, 3, 1))
    own = dash.own["by_district"].set_index("district")["n"]
    assert list(own.index) == ["BOR", TOTAL]
    assert own["BOR"] == sql_count("district_code = 'BOR'")  # every month, released or not
    assert "calibration" not in dash.national and "reasons" not in dash.national


def test_district_contact_cannot_ask_for_another_district(cases):
    with pytest.raises(NotFound):
        stats.dashboard(CONTACT, YEAR, "KBH")


def test_project_leader_cannot_ask_for_a_district_in_full(cases):
    with pytest.raises(NotFound):
        stats.dashboard(LEADER, YEAR, "BOR")


def test_roles_without_statistics_are_refused(cases):
    with pytest.raises(AccessDenied):
        stats.dashboard(ORGANISER, YEAR)


def test_only_administrators_may_read_the_true_counts(cases):
    with pytest.raises(AccessDenied):
        stats.true_dashboard(LEADER, YEAR, viewer=LEADER)


def test_nationwide_figures_hold_released_months_only(cases):
    table = stats.dashboard(LEADER, YEAR, on=date(2024, 6, 1)).national["by_month"]
    months = {m for m in table["month"] if m != TOTAL}
    assert max(months) == pd.Timestamp(2024, 4, 1)  # May is released on 15 June


def test_between_two_release_days_the_nationwide_figures_do_not_change(cases):
    with cursor() as cur:
        registered = cur.execute("SELECT count(*) FROM cases WHERE created_at >= ? AND created_at < ?",
                                 [datetime(2024, 5, 16), datetime(2024, 6, 14)]).fetchone()[0]
    assert registered > 0  # cases were saved in between
    a = stats.true_dashboard(ADMIN, YEAR, on=date(2024, 5, 16), viewer=LEADER).national
    b = stats.true_dashboard(ADMIN, YEAR, on=date(2024, 6, 14), viewer=LEADER).national
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name])


def test_a_late_registration_waits_for_the_quarterly_revision(cases):
    feb = StatsFilter(date(2024, 2, 1), date(2024, 2, 1))

    def registered_before(day: date) -> int:
        with cursor() as cur:
            return cur.execute("SELECT count(*) FROM cases WHERE case_month = ? AND created_at < ?",
                               [date(2024, 2, 1), datetime.combine(day, datetime.min.time())]).fetchone()[0]

    def total(on: date) -> int:
        t = stats.true_dashboard(ADMIN, feb, on=on, viewer=LEADER).national["by_district"]
        return int(t.set_index("district")["n"][TOTAL])

    assert registered_before(date(2024, 7, 15)) > registered_before(date(2024, 3, 15))  # late ones exist
    assert total(date(2024, 3, 15)) == registered_before(date(2024, 3, 15))  # first release
    assert total(date(2024, 4, 14)) == total(date(2024, 3, 15))
    assert total(date(2024, 4, 15)) == registered_before(date(2024, 4, 15))  # April revision
    assert total(date(2024, 7, 14)) == total(date(2024, 4, 15))
    assert total(date(2024, 7, 15)) == registered_before(date(2024, 7, 15))  # July revision


def test_a_case_saved_today_leaves_the_nationwide_figures_as_they_were(fresh_db):
    generate(GENERATOR, 200, seed=9, first_month=date(2026, 1, 1), months=3)
    on = date(2026, 5, 20)
    before = stats.dashboard(LEADER, StatsFilter(), on=on).national
    create_case(NSJ, "NSJ", draft(month=date(2026, 3, 1)), today=on)  # March is released
    after = stats.dashboard(LEADER, StatsFilter(), on=on).national
    for name in before:
        pd.testing.assert_frame_equal(before[name], after[name])


def test_district_and_level_filters_narrow_the_population(cases):
    flt = StatsFilter(districts=("KBH", "OJY"), levels=(1, 2))
    truth = stats.true_dashboard(ADMIN, flt, on=LATER, viewer=LEADER).national
    assert list(truth["by_district"]["district"]) == ["OJY", "KBH", TOTAL]  # official order
    assert {lvl for lvl in truth["status"]["level"] if lvl != TOTAL} == {1, 2}
    shown = truth["by_district"].set_index("district")["n"]
    for code, value in shown.items():
        districts = ["KBH", "OJY"] if code == TOTAL else [code]
        assert value == sql_count("list_contains(?, district_code) AND chosen_level IN (1, 2)",
                                  [districts])


def test_model_version_filter_selects_that_version_only(cases):
    dash = stats.dashboard(LEADER, StatsFilter(model_version="2018"), on=LATER)
    assert set(dash.national["calibration"]["version"]) == {"2018"}
    empty = stats.dashboard(LEADER, StatsFilter(model_version="1999"), on=LATER).national["by_district"]
    assert empty.set_index("district")["n"][TOTAL] == 0


def test_data_version_changes_when_a_case_changes(cases):
    before = stats.data_version(LEADER)
    with transaction() as cur:
        cur.execute("UPDATE cases SET status = 'closed', row_version = row_version + 1,"
                    " updated_at = current_timestamp WHERE case_id = (SELECT min(case_id) FROM cases)")
    assert stats.data_version(LEADER) != before


def test_every_case_gets_a_record_key_and_a_migration_fills_missing_ones(fresh_db):
    generate(GENERATOR, 50, seed=2, first_month=date(2026, 1, 1), months=2)
    create_case(NSJ, "NSJ", draft(), today=date(2026, 5, 20))
    with cursor() as cur:
        assert cur.execute("SELECT count(*) FROM cases WHERE record_key IS NULL").fetchone()[0] == 0
        keys = [r[0] for r in cur.execute("SELECT record_key FROM cases").fetchall()]
    assert len(set(keys)) == len(keys)
    with transaction() as cur:
        cur.execute("UPDATE cases SET record_key = NULL WHERE case_id <= 10")
        assert fill_missing(cur) == 10
        assert cur.execute("SELECT count(*) FROM cases WHERE record_key IS NULL").fetchone()[0] == 0
    assert migrate() == []


def test_an_export_is_written_to_the_audit_log_with_its_id_release_and_method(cases, admin_scope):
    export_id = stats.record_export(LEADER, page="national_stats", table="by_month", fmt="csv", flt=YEAR,
                                    release=Release.on_day(LATER), method="cellekey-D2")
    entry = audit.entries(admin_scope, audit.AuditFilter(action="stats.export"))[0]
    assert entry["actor_email"] == "leder@example.com"
    assert (entry["object_id"], entry["export_id"]) == ("by_month", export_id)
    assert '"2025-05-15"' in entry["details"] and '"cellekey-D2"' in entry["details"]


def test_the_statistics_path_uses_no_dense_linear_algebra(cases, monkeypatch):
    """No SVD or other BLAS work per request: it made small data sets the slow case (issue 9)."""
    import numpy as np

    def refuse(*args, **kwargs):
        raise AssertionError("dense linear algebra in the statistics path")

    for name in ("svd", "lstsq", "solve", "matrix_rank", "qr", "pinv"):
        monkeypatch.setattr(np.linalg, name, refuse)
    monkeypatch.setattr(np, "dot", refuse)
    stats.dashboard(LEADER, YEAR, on=LATER)
    stats.dashboard(CONTACT, StatsFilter(date(2024, 3, 1), date(2024, 3, 1)), "BOR", on=LATER)


def test_follow_up_after_a_release_moves_released_figures_only_at_the_next_revision(cases):
    from db.case_closing import close_case
    from db.case_updates import update_follow_up
    from model.follow_up import FollowUp
    from tests.unit.case_helpers import CLOSE

    with cursor() as cur:
        case_id, code, district, version, consulted, reported = cur.execute(
            "SELECT case_id, case_code, district_code, row_version, police_consulted, police_report_filed"
            " FROM cases c WHERE status = 'open' AND EXISTS (SELECT 1 FROM case_takedowns t"
            " WHERE t.case_id = c.case_id AND t.outcome <> 'removed') ORDER BY case_id LIMIT 1").fetchone()
        measures = dict(cur.execute("SELECT measure_key, status FROM case_measures WHERE case_id = ?",
                                    [case_id]).fetchall())
        takedowns = dict(cur.execute("SELECT platform, outcome FROM case_takedowns WHERE case_id = ?",
                                     [case_id]).fetchall())
    contact = scope_of(6, "kreds@example.com", (Role.DISTRICT_CONTACT, district))
    first = next(iter(measures))
    change = FollowUp({**measures, first: "not_relevant" if measures[first] != "not_relevant" else "done"},
                      consulted, reported, {p: "removed" for p in takedowns})
    released = stats.true_dashboard(ADMIN, YEAR, on=LATER, viewer=LEADER).national
    version = update_follow_up(contact, code, version, change)
    close_case(contact, code, version, CLOSE)
    for name, frame in stats.true_dashboard(ADMIN, YEAR, on=LATER, viewer=LEADER).national.items():
        pd.testing.assert_frame_equal(frame, released[name])  # the release is as it was
    next_year = stats.true_dashboard(ADMIN, YEAR, on=date(date.today().year + 1, 7, 15), viewer=LEADER)
    for name in ("status", "takedowns", "measures"):
        assert not next_year.national[name].equals(released[name]), name  # the revision has it


def test_saves_and_follow_up_move_their_districts_version_but_never_the_releases(fresh_db):
    from db.case_closing import close_case
    from tests.unit.case_helpers import CLOSE

    generate(GENERATOR, 200, seed=9, first_month=date(2026, 1, 1), months=3)
    release, nsj, bor = (stats.release_version(LEADER), stats.district_version(NSJ, "NSJ"),
                         stats.district_version(CONTACT, "BOR"))
    create_case(NSJ, "NSJ", draft(month=date(2026, 3, 1)))
    with cursor() as cur:
        old, version = cur.execute("SELECT case_code, row_version FROM cases WHERE district_code = 'NSJ'"
                                   " ORDER BY case_id LIMIT 1").fetchone()
    close_case(NSJ, old, version, CLOSE)  # a released case's follow-up
    assert stats.release_version(LEADER) == release
    assert stats.district_version(NSJ, "NSJ") != nsj
    assert stats.district_version(CONTACT, "BOR") == bor
    with transaction() as cur:  # data changed from outside the app (a tool, a restore) does move it
        cur.execute("UPDATE cases SET record_key = record_key + 1 WHERE case_id = 1")
    assert stats.release_version(LEADER) != release


def test_a_pages_state_read_at_once_is_each_part_read_alone(fresh_db):
    """stats.page_state is one statement for what a statistics page reads on every run; it must
    equal the period bounds, release version and district version read one by one, also after a
    save and a follow-up change (which move the district's version only)."""
    from db.case_closing import close_case
    from tests.unit.case_helpers import CLOSE

    generate(GENERATOR, 200, seed=9, first_month=date(2026, 1, 1), months=3)
    on = date(2026, 5, 20)

    def alone(scope, district):
        return stats.PageState(on, stats.period_bounds(scope, None if district else on),
                               stats.release_version(scope, on),
                               stats.district_version(scope, district) if district else None)

    def at_once(scope, district):
        return stats.page_state(scope, on, district, released_bounds=district is None)

    seen = set()
    for change in range(3):
        if change == 1:
            create_case(NSJ, "NSJ", draft(month=date(2026, 3, 1)), today=on)
        if change == 2:
            with cursor() as cur:
                code, version = cur.execute("SELECT case_code, row_version FROM cases WHERE"
                                            " district_code = 'NSJ' ORDER BY case_id LIMIT 1").fetchone()
            close_case(NSJ, code, version, CLOSE)
        for scope, district in ((LEADER, None), (NSJ, "NSJ"), (CONTACT, "BOR")):
            assert at_once(scope, district) == alone(scope, district)
        seen.add(at_once(NSJ, "NSJ"))
    assert len(seen) == 3  # each change moved the district's version
    with pytest.raises(NotFound):
        stats.page_state(CONTACT, on, "NSJ")  # not their district: nothing is read
