"""Saving cases: numbered per district and year, idempotent, scoped, audited, all-or-nothing."""

from __future__ import annotations

import threading
from contextlib import nullcontext
from datetime import date

import pytest

from db import audit, cases
from db.case_queries import get_case, list_cases
from db.cases import create_case
from db.connection import cursor
from model.errors import AccessDenied, NotFound, StorageError, ValidationError
from model.handling_model import load_model
from tests.unit.case_helpers import KBH, LEADER, NSJ, NSJ_2, TODAY, draft


def count(table: str, where: str = "1 = 1") -> int:
    with cursor() as cur:
        return cur.execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone()[0]


def test_case_codes_run_per_district_and_year(fresh_db):
    assert create_case(NSJ, "NSJ", draft(), today=TODAY).code == "NSJ-2026-0001"
    assert create_case(NSJ_2, "NSJ", draft(), today=TODAY).code == "NSJ-2026-0002"
    assert create_case(KBH, "KBH", draft(), today=TODAY).code == "KBH-2026-0001"
    next_year = date(2027, 1, 5)
    assert create_case(NSJ, "NSJ", draft(month=date(2026, 12, 1)), today=next_year).code == \
        "NSJ-2027-0001"


def test_the_district_comes_from_the_membership_not_the_caller(fresh_db):
    with pytest.raises(AccessDenied):
        create_case(NSJ, "KBH", draft(), today=TODAY)
    with pytest.raises(AccessDenied):
        create_case(LEADER, "NSJ", draft(), today=TODAY)
    assert count("cases") == 0


def test_a_double_submit_creates_one_case_and_one_audit_row(fresh_db):
    same = draft()
    first = create_case(NSJ, "NSJ", same, today=TODAY)
    second = create_case(NSJ, "NSJ", same, today=TODAY)
    assert first.created and not second.created
    assert first.code == second.code
    assert count("cases") == 1
    assert count("audit_log", "action = 'case.create'") == 1


def test_concurrent_double_clicks_create_one_case(fresh_db):
    same = draft()
    results: list = []
    threads = [threading.Thread(target=lambda: results.append(
        create_case(NSJ, "NSJ", same, today=TODAY))) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({r.code for r in results}) == 1
    assert sum(r.created for r in results) == 1
    assert count("cases") == 1


def test_a_submission_id_of_another_user_is_refused(fresh_db):
    same = draft()
    create_case(NSJ, "NSJ", same, today=TODAY)
    with pytest.raises(ValidationError, match="allerede brugt"):
        create_case(NSJ_2, "NSJ", same, today=TODAY)


def test_concurrent_saves_in_one_district_retry_until_numbers_are_unique(fresh_db, monkeypatch):
    monkeypatch.setattr(cases, "_district_lock", lambda district: nullcontext())
    errors: list[Exception] = []

    def save_five() -> None:
        for _ in range(5):
            try:
                create_case(NSJ, "NSJ", draft(), today=TODAY)
            except Exception as exc:
                errors.append(exc)

    threads = [threading.Thread(target=save_five) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with cursor() as cur:
        numbers = sorted(r[0] for r in cur.execute("SELECT case_number FROM cases").fetchall())
    assert numbers == list(range(1, 31))


def test_the_saved_case_holds_the_recomputed_proposal_and_the_plan(fresh_db):
    code = create_case(NSJ, "NSJ", draft(), today=TODAY).code
    case = get_case(NSJ, code, today=TODAY)
    assert (case.proposed_level, case.chosen_level, case.model_version) == (3, 3, "2018")
    assert [m.key for m in case.measures] == [
        m.key for m in load_model("2018").level(3).measures]
    assert case.takedowns == {"instagram": "not_requested", "snapchat": "not_requested"}
    assert case.district == "NSJ"


def test_an_override_needs_a_reason_and_is_stored_with_it(fresh_db):
    with pytest.raises(ValidationError, match="begrundelse"):
        create_case(NSJ, "NSJ", draft(chosen_level=4), today=TODAY)
    code = create_case(NSJ, "NSJ", draft(chosen_level=4, override_reason="vulnerable"),
                       today=TODAY).code
    case = get_case(NSJ, code)
    assert (case.proposed_level, case.chosen_level, case.override_reason) == (3, 4, "vulnerable")
    assert case.measures[0].key == "police_report"


def test_a_note_with_a_phone_number_is_refused_and_nothing_is_stored(fresh_db):
    with pytest.raises(ValidationError, match="telefonnummer"):
        create_case(NSJ, "NSJ", draft(note="ring til mor på 12 34 56 78"), today=TODAY)
    assert count("cases") == count("case_measures") == count("audit_log") == 0


def test_another_districts_case_looks_exactly_like_an_unknown_one(fresh_db):
    code = create_case(NSJ, "NSJ", draft(), today=TODAY).code
    with pytest.raises(NotFound) as other:
        get_case(KBH, code)
    with pytest.raises(NotFound) as unknown:
        get_case(KBH, "KBH-2026-0099")
    with pytest.raises(NotFound) as garbage:
        get_case(KBH, "'; DROP TABLE cases; --")
    assert other.value.user_message == unknown.value.user_message == garbage.value.user_message


def test_project_leaders_never_read_single_cases(fresh_db):
    code = create_case(NSJ, "NSJ", draft(), today=TODAY).code
    with pytest.raises(NotFound):
        get_case(LEADER, code)
    with pytest.raises(AccessDenied):
        list_cases(LEADER, "NSJ")


def test_a_failure_after_the_insert_rolls_everything_back(fresh_db, monkeypatch):
    def broken_audit(*args, **kwargs):
        raise StorageError()

    monkeypatch.setattr(audit, "record", broken_audit)
    with pytest.raises(StorageError):
        create_case(NSJ, "NSJ", draft(), today=TODAY)
    assert count("cases") == count("case_measures") == count("case_takedowns") == 0


def test_a_changed_definition_of_a_version_in_use_is_refused(fresh_db):
    create_case(NSJ, "NSJ", draft(), today=TODAY)
    with cursor() as cur:
        cur.execute("UPDATE model_versions SET checksum = 'older' WHERE version = '2018'")
    with pytest.raises(StorageError, match="ændret"):
        create_case(NSJ, "NSJ", draft(), today=TODAY)
    assert count("cases") == 1


def test_an_unknown_model_version_is_refused(fresh_db):
    with pytest.raises(ValidationError, match="en anden version af modellen end den, der gælder nu"):
        create_case(NSJ, "NSJ", draft(model_version="2030"), today=TODAY)
    assert count("cases") == 0


def test_a_save_writes_its_measures_and_its_takedowns_with_one_statement_each(fresh_db, monkeypatch):
    from db.connection import insert_rows

    written = []

    def recorded(cur, into, rows):
        written.append((into.split()[0], len(rows)))
        insert_rows(cur, into, rows)

    monkeypatch.setattr(cases, "insert_rows", recorded)
    create_case(NSJ, "NSJ", draft(), today=TODAY)
    assert written == [("case_measures", count("case_measures")), ("case_takedowns", 2)]
    assert count("case_measures") > 1
