"""Follow-up of saved cases: filters, measures, close/reopen, optimistic concurrency, audit."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from db.case_closing import close_case
from db.case_queries import CaseFilter, get_case, list_cases
from db.case_updates import export_plan, reopen_case, update_follow_up
from db.cases import create_case
from db.connection import cursor
from model.case import CaseFacts
from model.errors import ConflictError, NotFound, ValidationError
from model.follow_up import FollowUp
from tests.unit.case_helpers import CLOSE, KBH, NSJ, NSJ_2, TODAY, draft

LEVEL_1 = CaseFacts(age_band="18_plus", nudity="underwear")


def audit_actions() -> list[tuple[str, str]]:
    with cursor() as cur:
        return cur.execute("SELECT action, object_id FROM audit_log ORDER BY audit_id").fetchall()


@pytest.fixture
def code(fresh_db) -> str:
    return create_case(NSJ, "NSJ", draft(), today=TODAY).code


def test_ticking_a_measure_records_the_month_and_bumps_the_version(code):
    version = update_follow_up(NSJ, code, 1, FollowUp({"care_and_normalisation": "done"}),
                               today=TODAY)
    case = get_case(NSJ, code, today=TODAY)
    assert version == case.row_version == 2
    done = next(m for m in case.measures if m.key == "care_and_normalisation")
    assert (done.status, done.done_month) == ("done", date(2026, 5, 1))
    assert audit_actions()[-1] == ("case.follow_up", code)


def test_the_done_month_is_kept_when_the_measure_stays_done(code):
    v = update_follow_up(NSJ, code, 1, FollowUp({"care_and_normalisation": "done"}),
                         today=date(2026, 4, 10))
    update_follow_up(NSJ, code, v, FollowUp({"care_and_normalisation": "done",
                                             "contact_passive_offenders": "done"}), today=TODAY)
    done = {m.key: m.done_month for m in get_case(NSJ, code).measures}
    assert done["care_and_normalisation"] == date(2026, 4, 1)
    assert done["contact_passive_offenders"] == date(2026, 5, 1)


def test_a_done_police_contact_sets_police_consulted(code):
    update_follow_up(NSJ, code, 1, FollowUp({"contact_police_resource_person": "done"}), today=TODAY)
    assert get_case(NSJ, code).police_consulted is True


def test_a_filed_report_implies_police_consulted(code):
    update_follow_up(NSJ, code, 1, FollowUp(police_report_filed=True), today=TODAY)
    case = get_case(NSJ, code)
    assert case.police_report_filed and case.police_consulted


def test_takedown_outcomes_are_stored_per_platform(code):
    update_follow_up(NSJ, code, 1, FollowUp(takedowns={"snapchat": "police_handles"}), today=TODAY)
    assert get_case(NSJ, code).takedowns == {"instagram": "not_requested",
                                             "snapchat": "police_handles"}


def test_nothing_changed_means_no_new_version_and_no_audit(code):
    before = len(audit_actions())
    assert update_follow_up(NSJ, code, 1, FollowUp(), today=TODAY) == 1
    assert len(audit_actions()) == before


def test_a_stale_version_is_a_conflict_and_changes_nothing(code):
    update_follow_up(NSJ, code, 1, FollowUp({"care_and_normalisation": "done"}), today=TODAY)
    with pytest.raises(ConflictError, match="Genindlæs"):
        update_follow_up(NSJ_2, code, 1, FollowUp({"care_and_normalisation": "not_relevant"}),
                         today=TODAY)
    status = {m.key: m.status for m in get_case(NSJ, code).measures}
    assert status["care_and_normalisation"] == "done"


def test_two_contacts_saving_at_once_one_wins_and_the_other_gets_a_conflict(code):
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def save(scope, status) -> None:
        barrier.wait()
        try:
            update_follow_up(scope, code, 1, FollowUp({"care_and_normalisation": status}),
                             today=TODAY)
            outcomes.append("saved")
        except ConflictError:
            outcomes.append("conflict")

    threads = [threading.Thread(target=save, args=(NSJ, "done")),
               threading.Thread(target=save, args=(NSJ_2, "not_relevant"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["conflict", "saved"]
    assert get_case(NSJ, code).row_version == 2


def test_unknown_measure_or_status_is_refused(code):
    with pytest.raises(ValidationError, match="hører ikke til sagen"):
        update_follow_up(NSJ, code, 1, FollowUp({"police_report": "done"}), today=TODAY)
    with pytest.raises(ValidationError, match="Vælg en status"):
        update_follow_up(NSJ, code, 1, FollowUp({"care_and_normalisation": "maybe"}), today=TODAY)
    assert get_case(NSJ, code).row_version == 1


def test_another_district_cannot_follow_up_close_or_download(code):
    with pytest.raises(NotFound):
        update_follow_up(KBH, code, 1, FollowUp({"care_and_normalisation": "done"}))
    with pytest.raises(NotFound):
        close_case(KBH, code, 1, CLOSE)
    with pytest.raises(NotFound):
        export_plan(KBH, code)
    assert get_case(NSJ, code).row_version == 1


def test_closing_and_reopening_are_audited_and_a_closed_case_is_frozen(code):
    v = close_case(NSJ, code, 1, CLOSE, today=TODAY)
    case = get_case(NSJ, code)
    assert (case.status, case.closed_month) == ("closed", date(2026, 5, 1))
    with pytest.raises(ValidationError, match="lukket"):
        update_follow_up(NSJ, code, v, FollowUp({"care_and_normalisation": "done"}))
    with pytest.raises(ValidationError, match="allerede lukket"):
        close_case(NSJ, code, v, CLOSE)
    v = reopen_case(NSJ, code, v)
    assert get_case(NSJ, code).closed_month is None
    assert [a for a, _ in audit_actions()][-2:] == ["case.close", "case.reopen"]
    with pytest.raises(ConflictError):
        close_case(NSJ, code, 1, CLOSE)


def test_each_plan_export_is_audited_with_its_own_export_id(code):
    first, first_id = export_plan(NSJ, code)
    _, second_id = export_plan(NSJ, code)
    assert first.code == code and first_id != second_id
    assert audit_actions()[-2:] == [("case.plan_download", code)] * 2
    with cursor() as cur:
        ids = [r[0] for r in cur.execute("SELECT export_id FROM audit_log WHERE action ="
                                        " 'case.plan_download' ORDER BY audit_id").fetchall()]
    assert ids == [first_id, second_id]


def test_the_list_holds_only_the_own_districts_cases(fresh_db):
    create_case(NSJ, "NSJ", draft(), today=TODAY)
    create_case(KBH, "KBH", draft(), today=TODAY)
    assert [c.code for c in list_cases(NSJ, "NSJ")] == ["NSJ-2026-0001"]
    assert [c.code for c in list_cases(KBH, "KBH")] == ["KBH-2026-0001"]


def test_filters_by_status_level_month_and_overdue(fresh_db):
    a = create_case(NSJ, "NSJ", draft(), today=TODAY).code  # level 3, April
    b = create_case(NSJ, "NSJ", draft(LEVEL_1, chosen_level=1, month=date(2026, 5, 1)),
                    today=TODAY).code
    c = create_case(NSJ, "NSJ", draft(month=date(2026, 5, 1)), today=TODAY).code
    close_case(NSJ, c, 1, CLOSE, today=TODAY)

    def codes(**kw) -> list[str]:
        return sorted(s.code for s in list_cases(NSJ, "NSJ", CaseFilter(**kw), today=TODAY))

    assert codes(status="open") == [a, b]
    assert codes(status="closed") == [c]
    assert codes(level=1) == [b]
    assert codes(month=date(2026, 4, 1)) == [a]
    assert codes(overdue_only=True) == [a]  # April's immediate measures are overdue in May


def test_done_measures_are_no_longer_overdue(code):
    overdue = [m.key for m in get_case(NSJ, code, today=TODAY).measures if m.overdue]
    assert overdue == ["care_and_normalisation", "contact_police_resource_person",
                       "contact_passive_offenders"]
    update_follow_up(NSJ, code, 1, FollowUp(dict.fromkeys(overdue, "done")), today=TODAY)
    assert list_cases(NSJ, "NSJ", CaseFilter(overdue_only=True), today=TODAY) == []
