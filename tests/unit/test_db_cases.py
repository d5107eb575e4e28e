"""Saving cases: numbered per district and year, idempotent, scoped, audited, all-or-nothing."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date

import pytest

from db import audit, cases
from db.case_queries import get_case, list_cases
from db.cases import create_case
from db.connection import cursor
from model.access import Role
from model.errors import AccessDenied, NotFound, SessionEnded, StorageError, ValidationError
from model.handling_model import load_model
from tests.conftest import scope_of
from tests.unit.case_helpers import KBH, LEADER, LEVEL_3_FACTS, NSJ, NSJ_2, TODAY, draft


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


def test_concurrent_saves_in_one_district_get_consecutive_numbers_and_one_audit_entry_each(fresh_db):
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
    assert count("audit_log", "action = 'case.create'") == 30


class HeldWriter:
    """Once armed, the next batch's writer waits until released, so the saves that arrive meanwhile
    queue up and are written together as the batch after it: a deterministic group commit."""

    def __init__(self, write):
        self.write, self.armed = write, False
        self.started, self.release = threading.Event(), threading.Event()
        self.sizes: list[int] = []  # batch sizes written since armed

    def __call__(self, cur, saves):
        if self.armed:
            self.sizes.append(len(saves))
            if len(self.sizes) == 1:
                self.started.set()
                assert self.release.wait(30)
        return self.write(cur, saves)

    def saving(self, first, queued: list) -> dict:
        """Save `first` (held), then each of `queued` from its own thread; outcomes by index."""
        self.armed = True
        outcomes: dict = {}

        def save(index, scope, district, d):
            try:
                outcomes[index] = create_case(scope, district, d, today=TODAY)
            except Exception as exc:
                outcomes[index] = exc

        threads = [threading.Thread(target=save, args=(0, *first))]
        threads[0].start()
        assert self.started.wait(30)
        threads += [threading.Thread(target=save, args=(i + 1, *q)) for i, q in enumerate(queued)]
        for t in threads[1:]:
            t.start()
        while len(cases._saves._queue) < len(queued):  # until every one waits for the writer
            threading.Event().wait(0.001)
        self.release.set()
        for t in threads:
            t.join()
        return outcomes


@pytest.fixture
def held_writer(monkeypatch) -> HeldWriter:
    held = HeldWriter(cases._insert_all)
    monkeypatch.setattr(cases, "_insert_all", held)
    return held


def test_saves_arriving_together_share_one_transaction_and_each_is_checked_on_its_own(
        fresh_db, held_writer):
    from db import users

    gone = scope_of(13, "logget.ud@example.com", (Role.DISTRICT_CONTACT, "NSJ"))
    users.record_logout(gone)  # logged out in another tab before saving
    used = draft()
    create_case(NSJ, "NSJ", used, today=TODAY)  # NSJ-2026-0001, before the writer is held
    twice = draft()
    outcomes = held_writer.saving((NSJ, "NSJ", draft()), [
        (NSJ_2, "NSJ", draft()),
        (KBH, "KBH", draft()),
        (gone, "NSJ", draft()),
        (NSJ_2, "NSJ", used),  # another user's submission id
        (NSJ, "NSJ", twice),
        (NSJ, "NSJ", twice),  # a double click inside the same batch
    ])
    assert held_writer.sizes == [1, 6]  # the six that queued were written by one transaction
    assert isinstance(outcomes[3], SessionEnded)
    assert isinstance(outcomes[4], ValidationError)
    assert outcomes[5].code == outcomes[6].code and outcomes[5].created != outcomes[6].created
    codes = sorted(o.code for i, o in outcomes.items() if i not in (3, 4) and o.created)
    assert codes == ["KBH-2026-0001", "NSJ-2026-0002", "NSJ-2026-0003", "NSJ-2026-0004"]
    with cursor() as cur:
        audited = sorted(r[0] for r in cur.execute(
            "SELECT object_id FROM audit_log WHERE action = 'case.create'").fetchall())
        stored = sorted(r[0] for r in cur.execute("SELECT case_code FROM cases").fetchall())
        assessed = cur.execute("SELECT count(*) FROM case_assessments").fetchone()[0]
    assert audited == stored == sorted([*codes, "NSJ-2026-0001"])
    assert assessed == 5
    assert count("cases", f"created_by = {gone.user_id}") == 0


def test_a_save_that_breaks_its_batch_fails_alone_and_the_others_are_saved(fresh_db, held_writer,
                                                                         monkeypatch):
    real = cases._write

    def failing(cur, new):
        if any(save.draft.note == "bryder" for save, _ in new):
            raise StorageError()  # e.g. a statement the database refuses
        real(cur, new)

    monkeypatch.setattr(cases, "_write", failing)
    outcomes = held_writer.saving((NSJ, "NSJ", draft()), [
        (NSJ_2, "NSJ", draft()), (NSJ, "NSJ", draft(note="bryder")), (KBH, "KBH", draft())])
    assert isinstance(outcomes[2], StorageError)
    assert all(outcomes[i].created for i in (0, 1, 3))
    assert count("cases") == count("audit_log", "action = 'case.create'") == 3
    assert count("cases", "note = 'bryder'") == 0


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

    monkeypatch.setattr(audit, "record_all", broken_audit)
    with pytest.raises(StorageError):
        create_case(NSJ, "NSJ", draft(), today=TODAY)
    assert count("cases") == count("case_measures") == count("case_takedowns") == 0
    assert count("case_assessments") == count("model_versions") == 0


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


class CountingCursor:
    """A cursor that counts the statements sent through it."""

    def __init__(self, cur, statements: list[str]):
        self._cur, self._statements = cur, statements

    def execute(self, sql, *args):
        words = sql.split()
        self._statements.append(f"INSERT {words[2]}" if words[0] == "INSERT" else words[0])
        return self._cur.execute(sql, *args)


def test_a_batch_of_saves_costs_the_statements_of_one_save(fresh_db, monkeypatch, held_writer):
    """Measures, assessments, takedowns and audit entries of every save in a batch go in with one
    multi-row INSERT each: the statement count does not grow with the saves or their measures."""
    from contextlib import contextmanager

    from db import connection

    batches: list[list[str]] = []

    @contextmanager
    def counted():
        batches.append([])
        with connection.transaction() as cur:
            yield CountingCursor(cur, batches[-1])

    monkeypatch.setattr(cases, "transaction", counted)
    create_case(NSJ, "NSJ", draft(), today=TODAY)
    held_writer.saving((NSJ, "NSJ", draft()), [(NSJ_2, "NSJ", draft()), (KBH, "KBH", draft()),
                                               (NSJ, "NSJ", draft(facts=replace(
                                                   LEVEL_3_FACTS, platforms=("snapchat",))))])
    assert held_writer.sizes == [1, 3]
    one, alone, three = batches
    assert len(three) == len(alone) == len(one) - 1  # the first save also records the version
    assert [s for s in three if s.startswith("INSERT")] == [
        "INSERT cases", "INSERT case_measures", "INSERT case_assessments", "INSERT case_takedowns",
        "INSERT audit_log"]
    assert count("case_measures") > count("cases") == 5

