"""The retention job: names go after the period, counts by role and district stay, all audited."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from db import coverage, participants, retention
from db.connection import cursor, transaction
from db.users import SYSTEM
from model.access import Role
from model.errors import AccessDenied
from tests.conftest import scope_of

NSJ_ORG = scope_of(11, "kursus.nsj@example.com", (Role.COURSE_ORGANISER, "NSJ"))
KBH_ORG = scope_of(12, "kursus.kbh@example.com", (Role.COURSE_ORGANISER, "KBH"))
LEADER = scope_of(14, "leder@example.com", (Role.PROJECT_LEADER, None))


def held_course(district: str, day: date, roles: list[str]) -> int:
    """A course held on `day` with one attending participant per role (written directly)."""
    with transaction() as cur:
        course_id = cur.execute(
            "INSERT INTO courses (district_code, starts_at, place, capacity, trainers,"
            " model_version, status, submission_id, created_by)"
            " VALUES (?, ?, 'Sted', 30, 'SSP Nord', '2018', 'held', ?, 0) RETURNING course_id",
            [district, datetime.combine(day, datetime.min.time()), f"{district}{day}"],
        ).fetchone()[0]
        for i, role in enumerate(roles):
            pid = cur.execute(
                "INSERT INTO participants (course_id, name, email, organisation, municipality,"
                " resource_role, created_by) VALUES (?, ?, ?, 'Skole', 'By', ?, 0)"
                " RETURNING participant_id",
                [course_id, f"Navn {i}", f"p{i}@example.com", role]).fetchone()[0]
            cur.execute("INSERT INTO registrations (participant_id, course_id, status, attended)"
                        " VALUES (?, ?, 'registered', TRUE)", [pid, course_id])
    return course_id


ROLES = ["studievejleder"] * 6 + ["ssp_konsulent"] * 5


def test_participants_are_anonymised_on_the_day_the_period_ends_not_before(fresh_db):
    course_id = held_course("NSJ", date(2024, 5, 14), ROLES)
    assert retention.anonymise_expired(SYSTEM, date(2026, 5, 13)) == 0
    assert retention.anonymise_expired(SYSTEM, date(2026, 5, 14)) == len(ROLES)
    people = participants.list_participants(NSJ_ORG, course_id)
    assert {p.name for p in people} == {"Anonymiseret"}
    assert {(p.email, p.organisation, p.municipality) for p in people} == {("", "", "")}


def test_counts_by_role_and_district_survive_anonymisation(fresh_db):
    held_course("NSJ", date(2024, 5, 14), ROLES)
    before = coverage.trained_in_district(NSJ_ORG, "NSJ")
    retention.anonymise_expired(SYSTEM, date(2027, 1, 1))
    after = coverage.trained_in_district(NSJ_ORG, "NSJ")
    assert after.equals(before)
    assert int(after["Uddannede"].sum()) == len(ROLES)


def test_the_anonymisation_is_audited_with_role_counts_and_no_names(fresh_db):
    course_id = held_course("NSJ", date(2024, 5, 14), ROLES)
    retention.anonymise_expired(SYSTEM, date(2027, 1, 1))
    with cursor() as cur:
        row = cur.execute("SELECT actor_email, district_code, object_id, details FROM audit_log"
                          " WHERE action = 'participant.anonymise'").fetchone()
    assert row[:3] == ("system", "NSJ", str(course_id))
    assert json.loads(row[3])["by_role"] == {"ssp_konsulent": 5, "studievejleder": 6}
    assert "Navn" not in row[3]


def test_a_shorter_configured_period_anonymises_sooner(fresh_db, monkeypatch):
    held_course("NSJ", date(2026, 1, 10), ROLES)
    monkeypatch.setenv("HMD_COURSE_RETENTION_MONTHS", "6")
    assert retention.configured_months() == 6
    assert retention.anonymise_expired(SYSTEM, date(2026, 7, 10), months=6) == len(ROLES)


def test_an_organiser_runs_retention_for_their_own_district_only(fresh_db):
    held_course("NSJ", date(2023, 1, 10), ["andet"])
    held_course("KBH", date(2023, 1, 10), ["andet", "andet"])
    assert retention.anonymise_expired(KBH_ORG, date(2026, 1, 1)) == 2
    assert retention.anonymise_expired(SYSTEM, date(2026, 1, 1)) == 1
    with pytest.raises(AccessDenied):
        retention.anonymise_expired(LEADER, date(2026, 1, 1))


def test_the_command_line_job_anonymises_and_reports(fresh_db, capsys):
    held_course("NSJ", date(2023, 1, 10), ["andet"])
    assert retention.main(["--today", "2026-01-01"]) == 0
    assert "anonymised 1 participant" in capsys.readouterr().out
