"""Courses and participants in the database: scoping, waiting list, all-or-nothing writes, audit."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db import attendance, courses, participants
from db.connection import cursor
from model.access import Role
from model.courses import CourseDraft
from model.errors import AccessDenied, ConflictError, NotFound, ValidationError
from model.participant_import import preview_import
from tests.conftest import scope_of

TODAY = date(2026, 3, 10)
NSJ_ORG = scope_of(11, "kursus.nsj@example.com", (Role.COURSE_ORGANISER, "NSJ"))
KBH_ORG = scope_of(12, "kursus.kbh@example.com", (Role.COURSE_ORGANISER, "KBH"))
ALL_ORG = scope_of(13, "kursus@example.com", (Role.COURSE_ORGANISER, None))
LEADER = scope_of(14, "leder@example.com", (Role.PROJECT_LEADER, None))
CONTACT = scope_of(15, "kontakt@example.com", (Role.DISTRICT_CONTACT, "NSJ"))


def new_course(scope=NSJ_ORG, district="NSJ", capacity=2, key="k1") -> int:
    draft = CourseDraft(district, datetime(2026, 4, 1, 9), "Politigården", capacity, "SSP Nord",
                        "2018")
    return courses.create_course(scope, draft, key, today=TODAY)


def add(course_id: int, n: int, scope=NSJ_ORG) -> None:
    for i in range(n):
        participants.register(scope, course_id, name=f"Deltager {i}",
                              email=f"d{i}@example.com", role="studievejleder")


def count(sql: str) -> int:
    with cursor() as cur:
        return cur.execute(sql).fetchone()[0]


def test_an_organiser_of_another_district_gets_not_found_for_the_course(fresh_db):
    course_id = new_course()
    add(course_id, 1)
    for call in (lambda: courses.get_course(KBH_ORG, course_id),
                 lambda: participants.list_participants(KBH_ORG, course_id),
                 lambda: attendance.export_participants(KBH_ORG, course_id, "csv")):
        with pytest.raises(NotFound) as caught:
            call()
        assert caught.value.user_message == NotFound("Kurset findes ikke, eller du har ikke "
                                                     "adgang til det.").user_message
    assert courses.list_courses(KBH_ORG) == []


def test_a_nationwide_organiser_and_an_administrator_see_every_district(fresh_db, admin_scope):
    new_course()
    new_course(KBH_ORG, "KBH", key="k2")
    assert {c.district for c in courses.list_courses(ALL_ORG)} == {"NSJ", "KBH"}
    assert len(courses.list_courses(admin_scope)) == 2


def test_project_leaders_and_district_contacts_cannot_read_courses_or_names(fresh_db):
    course_id = new_course()
    for scope in (LEADER, CONTACT):
        with pytest.raises(AccessDenied):
            courses.list_courses(scope)
        with pytest.raises(AccessDenied):
            participants.list_participants(scope, course_id)


def test_an_administrator_may_read_names_but_not_register_people(fresh_db, admin_scope):
    course_id = new_course()
    add(course_id, 1)
    assert participants.list_participants(admin_scope, course_id)[0].name == "Deltager 0"
    with pytest.raises(AccessDenied):
        add(course_id, 1, scope=admin_scope)


def test_a_district_organiser_cannot_create_a_course_in_another_district(fresh_db):
    with pytest.raises(ValidationError, match="politikreds"):
        new_course(NSJ_ORG, "KBH")
    assert count("SELECT count(*) FROM courses") == 0


def test_a_double_submitted_form_creates_one_course_and_one_audit_entry(fresh_db):
    assert new_course() == new_course()
    assert count("SELECT count(*) FROM courses") == 1
    assert count("SELECT count(*) FROM audit_log WHERE action = 'course.create'") == 1


def test_a_full_course_puts_newcomers_on_the_waiting_list_and_a_cancellation_promotes(fresh_db):
    course_id = new_course(capacity=2)
    add(course_id, 4)
    people = participants.list_participants(NSJ_ORG, course_id)
    assert [(p.status, p.waiting_position) for p in people] == [
        ("registered", None), ("registered", None), ("waiting", 1), ("waiting", 2)]
    first = people[0].participant_id
    moved = participants.cancel_registration(NSJ_ORG, course_id, first)
    after = {p.participant_id: p for p in participants.list_participants(NSJ_ORG, course_id)}
    assert moved == [people[2].participant_id]
    assert after[people[3].participant_id].waiting_position == 1
    assert after[first].status == "cancelled"
    assert after[first].email == ""


def test_raising_the_capacity_gives_the_new_seats_to_the_waiting_list(fresh_db):
    course_id = new_course(capacity=1)
    add(course_id, 3)
    course = courses.get_course(NSJ_ORG, course_id)
    draft = CourseDraft("NSJ", course.starts_at, course.place, 2, course.trainers, "2018")
    assert len(courses.update_course(NSJ_ORG, course_id, draft, course.row_version,
                                     today=TODAY)) == 1
    assert courses.get_course(NSJ_ORG, course_id).waiting == 1


def test_capacity_below_the_registered_count_changes_nothing(fresh_db):
    course_id = new_course(capacity=3)
    add(course_id, 3)
    course = courses.get_course(NSJ_ORG, course_id)
    draft = CourseDraft("NSJ", course.starts_at, "Nyt sted", 2, course.trainers, "2018")
    with pytest.raises(ValidationError, match="allerede 3 tilmeldte"):
        courses.update_course(NSJ_ORG, course_id, draft, course.row_version, today=TODAY)
    assert courses.get_course(NSJ_ORG, course_id) == course


def test_a_stale_form_cannot_overwrite_a_newer_change(fresh_db):
    course_id = new_course()
    stale = courses.get_course(NSJ_ORG, course_id)
    add(course_id, 1)
    draft = CourseDraft("NSJ", stale.starts_at, "Andet sted", 5, stale.trainers, "2018")
    with pytest.raises(ConflictError):
        courses.update_course(NSJ_ORG, course_id, draft, stale.row_version, today=TODAY)


def test_the_same_email_twice_on_a_course_is_refused(fresh_db):
    course_id = new_course()
    add(course_id, 1)
    with pytest.raises(ValidationError, match="allerede tilmeldt"):
        participants.register(NSJ_ORG, course_id, name="Igen", email="D0@Example.com",
                              role="andet")
    assert count("SELECT count(*) FROM participants") == 1


def sheet(*lines: str) -> bytes:
    return "\n".join(["Navn;E-mail;Rolle", *lines]).encode("cp1252")


def test_a_file_with_errors_saves_nothing_unless_only_valid_rows_are_chosen(fresh_db):
    course_id = new_course(capacity=5)
    data = sheet("Åse Ø;aase@example.com;SSP-konsulent", "Bo;bo@;Andet")
    preview = preview_import(data, "l.csv", capacity=5, registered=0, waiting=0)
    with pytest.raises(ValidationError):
        participants.import_participants(NSJ_ORG, course_id, preview)
    assert count("SELECT count(*) FROM participants") == 0
    participants.import_participants(NSJ_ORG, course_id, preview, only_valid=True)
    assert [p.name for p in participants.list_participants(NSJ_ORG, course_id)] == ["Åse Ø"]


def test_importing_the_same_file_twice_adds_no_one_the_second_time(fresh_db):
    course_id = new_course(capacity=5)
    preview = preview_import(sheet("A;a@example.com;Andet", "B;b@example.com;Andet"), "l.csv",
                             capacity=5, registered=0, waiting=0)
    participants.import_participants(NSJ_ORG, course_id, preview)
    with pytest.raises(ValidationError, match="Indlæs filen igen"):
        participants.import_participants(NSJ_ORG, course_id, preview)
    assert count("SELECT count(*) FROM participants") == 2


def test_an_import_over_capacity_fills_the_seats_and_queues_the_rest(fresh_db):
    course_id = new_course(capacity=2)
    data = sheet(*(f"P{i};p{i}@example.com;Andet" for i in range(5)))
    preview = preview_import(data, "l.csv", capacity=2, registered=0, waiting=0)
    placed = participants.import_participants(NSJ_ORG, course_id, preview)
    assert [p.waiting_position for p in placed] == [None, None, 1, 2, 3]


def test_attendance_marks_the_course_held_and_is_audited_without_names(fresh_db):
    course_id = new_course()
    add(course_id, 2)
    people = participants.list_participants(NSJ_ORG, course_id)
    marks = {people[0].participant_id: True, people[1].participant_id: False}
    with pytest.raises(ValidationError, match="kursusdagen"):
        attendance.save_attendance(NSJ_ORG, course_id, marks, today=TODAY)
    assert attendance.save_attendance(NSJ_ORG, course_id, marks, today=date(2026, 4, 1)) == 2
    course = courses.get_course(NSJ_ORG, course_id)
    assert (course.status, course.attended) == ("held", 1)
    with cursor() as cur:
        details = " ".join(r[0] or "" for r in cur.execute("SELECT details FROM audit_log"
                                                           ).fetchall())
    assert "Deltager" not in details and "@example.com" not in details


def test_every_export_is_audited(fresh_db):
    course_id = new_course()
    add(course_id, 2)
    heading, people, first = attendance.export_participants(NSJ_ORG, course_id, "signin")
    _, _, second = attendance.export_participants(NSJ_ORG, course_id, "signin")
    assert heading.district_name == "Nordsjællands Politi" and len(people) == 2
    assert count("SELECT count(*) FROM audit_log WHERE action = 'participant.export'"
                 " AND district_code = 'NSJ'") == 2
    assert first != second
    assert count(f"SELECT count(*) FROM audit_log WHERE export_id IN ('{first}', '{second}')") == 2


def test_a_cancelled_course_takes_no_registrations(fresh_db):
    course_id = new_course()
    course = courses.get_course(NSJ_ORG, course_id)
    courses.set_status(NSJ_ORG, course_id, "cancelled", course.row_version)
    with pytest.raises(ValidationError, match="planlagte"):
        add(course_id, 1)


DISTRICT_CODES = ["NJY", "OJY", "MVJ", "SOJ", "SSJ", "FYN", "SSL", "MVS", "NSJ", "KVE", "KBH",
                  "BOR", "GRL", "FAR"]


@settings(deadline=None, max_examples=15,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pair=st.lists(st.sampled_from(DISTRICT_CODES), min_size=2, max_size=2, unique=True))
def test_an_organiser_never_reaches_a_course_of_any_other_district(fresh_db, pair):
    own, other = pair
    mine = scope_of(21, "a@example.com", (Role.COURSE_ORGANISER, own))
    theirs = scope_of(22, "b@example.com", (Role.COURSE_ORGANISER, other))
    course_id = new_course(theirs, other, key=f"{own}-{other}")
    assert all(c.district == own for c in courses.list_courses(mine))
    with pytest.raises(NotFound):
        participants.list_participants(mine, course_id)
    with pytest.raises(NotFound):
        participants.register(mine, course_id, name="X", email="x@example.com", role="andet")
