"""Courses, scoped by course-organiser memberships: a district organiser sees and manages their
district's courses, a nationwide organiser all; administrators may read; nobody else.

A course of another district looks exactly like a course that does not exist (NotFound).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import duckdb

from db import audit, rights
from db.connection import cursor, transaction
from db.districts import district_names
from db.model_registry import version_names
from model.access import Role, Scope
from model.courses import (
    CourseDraft,
    check_editable,
    check_transition,
    promotions,
    renumber,
    validate_course,
)
from model.errors import AccessDenied, ConflictError, NotFound

Cursor = duckdb.DuckDBPyConnection


@dataclass(frozen=True)
class Course:
    course_id: int
    district: str
    starts_at: datetime
    place: str
    capacity: int
    trainers: str
    model_version: str
    status: str
    row_version: int
    registered: int
    waiting: int
    attended: int
    anonymised: bool

    @property
    def free(self) -> int:
        return max(self.capacity - self.registered, 0)


def districts_for(scope: Scope, *, write: bool) -> list[str] | None:
    """The districts whose courses `scope` may manage (write) or read; None means all."""
    if scope.is_nationwide(Role.COURSE_ORGANISER) or (not write and scope.has(Role.ADMIN)):
        return None
    districts = sorted(scope.districts(Role.COURSE_ORGANISER))
    if not districts:
        raise AccessDenied()
    return districts


_SELECT = (
    "SELECT c.course_id, c.district_code, c.starts_at, c.place, c.capacity, c.trainers,"
    " c.model_version, c.status, c.row_version,"
    " count(r.participant_id) FILTER (WHERE r.status = 'registered'),"
    " count(r.participant_id) FILTER (WHERE r.status = 'waiting'),"
    " count(r.participant_id) FILTER (WHERE r.status = 'registered' AND r.attended),"
    " c.anonymised_at IS NOT NULL"
    " FROM courses c LEFT JOIN registrations r ON r.course_id = c.course_id"
    " WHERE (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], c.district_code))"
)
_GROUP = " GROUP BY ALL"


def fetch_course(cur: Cursor, scope: Scope, course_id: int, *, write: bool) -> Course:
    """The course if `scope` may read (or manage) it; NotFound otherwise, whatever the reason."""
    allowed = districts_for(scope, write=write)
    row = cur.execute(_SELECT + " AND c.course_id = ?" + _GROUP,
                      [allowed, allowed, course_id]).fetchone()
    if row is None:
        raise NotFound("Kurset findes ikke, eller du har ikke adgang til det.")
    return Course(*row)


def list_courses(scope: Scope, district: str | None = None) -> list[Course]:
    """Courses the caller may read, newest start first; `district` narrows the list."""
    allowed = districts_for(scope, write=False)
    sql, params = _SELECT, [allowed, allowed]
    if district:
        sql += " AND c.district_code = ?"
        params.append(district)
    with cursor() as cur:
        rows = cur.execute(sql + _GROUP + " ORDER BY c.starts_at DESC, c.course_id DESC",
                           params).fetchall()
    return [Course(*r) for r in rows]


def get_course(scope: Scope, course_id: int) -> Course:
    with cursor() as cur:
        return fetch_course(cur, scope, course_id, write=False)


def _manageable(scope: Scope) -> list[str]:
    allowed = districts_for(scope, write=True)
    return list(district_names()) if allowed is None else allowed


def create_course(scope: Scope, draft: CourseDraft, submission_id: str,
                  today: date | None = None) -> int:
    """Create a planned course; the same submission id twice returns the first course's id."""
    with transaction() as cur:
        scope = rights.recheck(cur, scope)
        clean = validate_course(draft, today=today or date.today(), districts=_manageable(scope),
                                model_versions=version_names())
        done = cur.execute("SELECT course_id, created_by FROM courses WHERE submission_id = ?",
                           [submission_id]).fetchone()
        if done is not None:
            if done[1] != scope.user_id:
                raise ConflictError()
            return done[0]
        course_id = cur.execute(
            "INSERT INTO courses (district_code, starts_at, place, capacity, trainers,"
            " model_version, submission_id, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            " RETURNING course_id",
            [clean.district, clean.starts_at, clean.place, clean.capacity, clean.trainers,
             clean.model_version, submission_id, scope.user_id],
        ).fetchone()[0]
        audit.record(cur, scope, "course.create", district=clean.district, object_type="course",
                     object_id=course_id, details=_details(clean))
    return course_id


def _details(draft: CourseDraft) -> dict[str, Any]:
    return {"starts_at": draft.starts_at.isoformat(timespec="minutes"), "place": draft.place,
            "capacity": draft.capacity, "model_version": draft.model_version}


def bump(cur: Cursor, course: Course) -> None:
    """Claim the course row in this transaction: a concurrent change fails, not overbooks."""
    updated = cur.execute(
        "UPDATE courses SET row_version = row_version + 1, updated_at = current_timestamp"
        " WHERE course_id = ? AND row_version = ? RETURNING course_id",
        [course.course_id, course.row_version],
    ).fetchall()
    if not updated:
        raise ConflictError("Kurset er blevet ændret af en anden i mellemtiden. "
                            "Genindlæs siden og prøv igen.")


def promote(cur: Cursor, course_id: int, capacity: int) -> list[int]:
    """Give free seats to the waiting list in order and renumber the rest; returns moved ids."""
    registered = cur.execute(
        "SELECT count(*) FROM registrations WHERE course_id = ? AND status = 'registered'",
        [course_id]).fetchone()[0]
    waiting = [r[0] for r in cur.execute(
        "SELECT participant_id FROM registrations WHERE course_id = ? AND status = 'waiting'"
        " ORDER BY waiting_position, participant_id", [course_id]).fetchall()]
    moved = promotions(capacity, registered, waiting)
    for pid in moved:
        cur.execute("UPDATE registrations SET status = 'registered', waiting_position = NULL,"
                    " updated_at = current_timestamp WHERE participant_id = ?", [pid])
    for pid, position in renumber(waiting[len(moved):]).items():
        cur.execute("UPDATE registrations SET waiting_position = ? WHERE participant_id = ?"
                    " AND waiting_position IS DISTINCT FROM ?", [position, pid, position])
    return moved


def update_course(scope: Scope, course_id: int, draft: CourseDraft, row_version: int,
                  today: date | None = None) -> list[int]:
    """Change a planned course; seats freed by a higher capacity go to the waiting list in order.

    Returns the ids of the participants moved from the waiting list to a seat.
    """
    with transaction() as cur:
        scope = rights.recheck(cur, scope)
        course = fetch_course(cur, scope, course_id, write=True)
        check_editable(course.status)
        if course.row_version != row_version:
            raise ConflictError("Kurset er blevet ændret af en anden i mellemtiden. "
                                "Genindlæs siden og prøv igen.")
        clean = validate_course(draft, today=today or date.today(), districts=_manageable(scope),
                                registered=course.registered, previous_start=course.starts_at,
                                model_versions=version_names())
        bump(cur, course)
        cur.execute(
            "UPDATE courses SET district_code = ?, starts_at = ?, place = ?, capacity = ?,"
            " trainers = ?, model_version = ? WHERE course_id = ?",
            [clean.district, clean.starts_at, clean.place, clean.capacity, clean.trainers,
             clean.model_version, course_id],
        )
        moved = promote(cur, course_id, clean.capacity)
        audit.record(cur, scope, "course.update", district=clean.district, object_type="course",
                     object_id=course_id, details={**_details(clean), "promoted": moved})
    return moved


def set_status(scope: Scope, course_id: int, status: str, row_version: int) -> None:
    """Mark a planned course held or cancelled."""
    with transaction() as cur:
        scope = rights.recheck(cur, scope)
        course = fetch_course(cur, scope, course_id, write=True)
        check_transition(course.status, status)
        if course.row_version != row_version:
            raise ConflictError()
        bump(cur, course)
        cur.execute("UPDATE courses SET status = ? WHERE course_id = ?", [status, course_id])
        audit.record(cur, scope, f"course.{'cancel' if status == 'cancelled' else 'held'}",
                     district=course.district, object_type="course", object_id=course_id)
