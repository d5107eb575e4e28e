"""Attendance of a course and the exports of its participant list (each export audited)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from db import audit, rights
from db.connection import transaction
from db.courses import bump, fetch_course
from db.districts import district_names
from db.participants import fetch_participants
from model.access import Scope
from model.course_exports import CourseHeading, ListedParticipant
from model.courses import check_attendance_allowed
from model.errors import ValidationError
from model.export_ids import new_export_id

EXPORT_KINDS = ("csv", "xlsx", "signin")


def save_attendance(scope: Scope, course_id: int, marks: Mapping[int, bool],
                    today: date | None = None) -> int:
    """Record who attended (seated participants only); a planned course becomes held.

    Returns the number of participants whose mark changed.
    """
    with transaction() as cur:
        scope = rights.recheck(cur, scope)
        course = fetch_course(cur, scope, course_id, write=True)
        check_attendance_allowed(course.status, course.starts_at, today or date.today())
        seated = {p.participant_id: p.attended for p in fetch_participants(cur, course_id)
                  if p.status == "registered"}
        unknown = set(marks) - set(seated)
        if unknown:
            raise ValidationError("Listen er ændret i mellemtiden. Genindlæs siden og prøv igen.")
        changed = {pid: bool(v) for pid, v in marks.items() if seated[pid] is not bool(v)}
        if not changed and course.status == "held":
            return 0
        bump(cur, course)
        for pid, attended in changed.items():
            cur.execute(
                "UPDATE registrations SET attended = ?, attendance_marked_at = current_timestamp,"
                " attendance_marked_by = ?, updated_at = current_timestamp"
                " WHERE participant_id = ?",
                [attended, scope.user_id, pid],
            )
        if course.status == "planned":
            cur.execute("UPDATE courses SET status = 'held' WHERE course_id = ?", [course_id])
        audit.record(cur, scope, "course.attendance", district=course.district,
                     object_type="course", object_id=course_id,
                     details={"attended": sorted(p for p, v in changed.items() if v),
                              "absent": sorted(p for p, v in changed.items() if not v)})
    return len(changed)


def export_participants(scope: Scope, course_id: int,
                        kind: str) -> tuple[CourseHeading, list[ListedParticipant], str]:
    """The course heading, its (not cancelled) participants and the export id for one file.

    Called when the user clicks: the export is audited (with the id) before the file is built.
    """
    if kind not in EXPORT_KINDS:
        raise ValidationError("Vælg et gyldigt filformat.")
    export_id = new_export_id()
    with transaction() as cur:
        scope = rights.recheck(cur, scope)
        course = fetch_course(cur, scope, course_id, write=False)
        people = [
            ListedParticipant(p.name, p.email, p.organisation, p.municipality, p.role, p.status,
                              p.attended)
            for p in fetch_participants(cur, course_id) if p.status != "cancelled"
        ]
        audit.record(cur, scope, "participant.export", district=course.district,
                     object_type="course", object_id=course_id,
                     details={"format": kind, "rows": len(people)}, export_id=export_id)
    heading = CourseHeading(district_names()[course.district], course.starts_at, course.place,
                            course.trainers, course.model_version)
    return heading, people, export_id
