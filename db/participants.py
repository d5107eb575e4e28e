"""Participants of a course: register, cancel, import a sign-up sheet, and read the list.

Names and e-mails are personal data: only organisers of the course's district (or nationwide) and
administrators read them, and only organisers write them. The audit log never holds a name or an
e-mail (it cannot be anonymised), only ids, roles and counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from db import audit, rights
from db.collation import collate_da
from db.connection import cursor, transaction
from db.courses import Course, Cursor, bump, fetch_course, promote
from model.access import Scope
from model.course_vocab import RESOURCE_ROLES
from model.courses import MAX_TEXT, Placement, check_registration_open, place
from model.email import normalise_email
from model.errors import ValidationError
from model.participant_import import ImportPreview, ImportRow


@dataclass(frozen=True)
class Participant:
    participant_id: int
    name: str
    email: str
    organisation: str
    municipality: str
    role: str
    status: str
    waiting_position: int | None
    attended: bool | None


def list_participants(scope: Scope, course_id: int) -> list[Participant]:
    """Everyone on the course (seated, then waiting in order, then cancelled)."""
    with cursor() as cur:
        fetch_course(cur, scope, course_id, write=False)
        return fetch_participants(cur, course_id)


def fetch_participants(cur: Cursor, course_id: int) -> list[Participant]:
    rows = cur.execute(
        "SELECT p.participant_id, coalesce(p.name, 'Anonymiseret'), coalesce(p.email, ''),"
        " coalesce(p.organisation, ''), coalesce(p.municipality, ''), p.resource_role, r.status,"
        " r.waiting_position, r.attended FROM participants p"
        " JOIN registrations r USING (participant_id) WHERE p.course_id = ?"
        " ORDER BY CASE r.status WHEN 'registered' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END,"
        f" r.waiting_position, {collate_da('p.name')}, p.participant_id",
        [course_id],
    ).fetchall()
    return [Participant(*r) for r in rows]


def _emails_on(cur: Cursor, course_id: int) -> set[str]:
    rows = cur.execute("SELECT email FROM participants WHERE course_id = ? AND email IS NOT NULL",
                       [course_id]).fetchall()
    return {r[0] for r in rows}


def _insert(cur: Cursor, scope: Scope, course: Course, row: ImportRow, where: Placement) -> int:
    pid = cur.execute(
        "INSERT INTO participants (course_id, name, email, organisation, municipality,"
        " resource_role, created_by) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING participant_id",
        [course.course_id, row.name, row.email, row.organisation or None,
         row.municipality or None, row.role, scope.user_id],
    ).fetchone()[0]
    cur.execute(
        "INSERT INTO registrations (participant_id, course_id, status, waiting_position)"
        " VALUES (?, ?, ?, ?)",
        [pid, course.course_id, where.status, where.waiting_position],
    )
    return pid


def _checked(name: str, email: str, organisation: str, municipality: str, role: str) -> ImportRow:
    problems = []
    name = " ".join((name or "").split())
    if not name:
        problems.append("Skriv deltagerens navn.")
    try:
        email = normalise_email(email)
    except ValidationError as exc:
        problems.append(exc.user_message)
    if role not in RESOURCE_ROLES:
        problems.append("Vælg deltagerens rolle.")
    texts = (name, (organisation or "").strip(), (municipality or "").strip())
    if any(len(t) > MAX_TEXT for t in texts):
        problems.append(f"Navn, organisation og kommune må højst fylde {MAX_TEXT} tegn hver.")
    if problems:
        raise ValidationError(problems)
    return ImportRow(0, texts[0], email, texts[1], texts[2], role)


def register(scope: Scope, course_id: int, *, name: str, email: str, organisation: str = "",
             municipality: str = "", role: str) -> Placement:
    """Register one participant: a seat if one is free, else the end of the waiting list."""
    row = _checked(name, email, organisation, municipality, role)
    with transaction() as cur:
        scope = rights.recheck(cur, scope)
        course = fetch_course(cur, scope, course_id, write=True)
        check_registration_open(course.status)
        if row.email in _emails_on(cur, course_id):
            raise ValidationError(f"{row.email} er allerede tilmeldt kurset.")
        bump(cur, course)
        where = place(course.capacity, course.registered, course.waiting)[0]
        pid = _insert(cur, scope, course, row, where)
        audit.record(cur, scope, "participant.register", district=course.district,
                     object_type="participant", object_id=pid,
                     details={"course_id": course_id, "role": row.role, "status": where.status})
    return where


def import_participants(scope: Scope, course_id: int, preview: ImportPreview, *,
                        only_valid: bool = False) -> list[Placement]:
    """Save a previewed sign-up sheet in one transaction: all valid rows, or nothing.

    A file with errors is refused unless `only_valid`; a row that has become a duplicate since
    the preview (someone registered meanwhile) refuses the whole file, so nothing is half-saved.
    """
    if preview.has_errors and not only_valid:
        raise ValidationError("Filen har fejl. Ret filen, eller vælg at indlæse kun de gyldige "
                              "rækker.")
    rows = preview.valid
    if not rows:
        raise ValidationError("Filen har ingen gyldige deltagere at indlæse.")
    with transaction() as cur:
        scope = rights.recheck(cur, scope)
        course = fetch_course(cur, scope, course_id, write=True)
        check_registration_open(course.status)
        taken = _emails_on(cur, course_id) & {r.email for r in rows}
        if taken:
            raise ValidationError(f"{len(taken)} af deltagerne er tilmeldt kurset, siden filen "
                                  "blev indlæst. Indlæs filen igen for en ny forhåndsvisning.")
        bump(cur, course)
        placements = place(course.capacity, course.registered, course.waiting, len(rows))
        ids = [_insert(cur, scope, course, r, p) for r, p in zip(rows, placements, strict=True)]
        audit.record(cur, scope, "participant.import", district=course.district,
                     object_type="course", object_id=course_id,
                     details={"participant_ids": ids, "skipped_rows": len(preview.invalid),
                              "waiting": sum(p.status == "waiting" for p in placements)})
    return placements


def cancel_registration(scope: Scope, course_id: int, participant_id: int) -> list[int]:
    """Take a participant off the course and delete their personal data; the first waiting moves up.

    Returns the ids of the participants given a seat by the cancellation.
    """
    with transaction() as cur:
        scope = rights.recheck(cur, scope)
        course = fetch_course(cur, scope, course_id, write=True)
        check_registration_open(course.status)
        found = cur.execute(
            "SELECT status FROM registrations WHERE participant_id = ? AND course_id = ?",
            [participant_id, course_id]).fetchone()
        if found is None or found[0] == "cancelled":
            raise ValidationError("Deltageren er ikke tilmeldt kurset længere. Genindlæs siden.")
        bump(cur, course)
        cur.execute("UPDATE registrations SET status = 'cancelled', waiting_position = NULL,"
                    " updated_at = current_timestamp WHERE participant_id = ?", [participant_id])
        cur.execute("UPDATE participants SET name = NULL, email = NULL, organisation = NULL,"
                    " municipality = NULL, anonymised_at = current_timestamp"
                    " WHERE participant_id = ?", [participant_id])
        moved = promote(cur, course_id, course.capacity)
        audit.record(cur, scope, "participant.cancel", district=course.district,
                     object_type="participant", object_id=participant_id,
                     details={"course_id": course_id, "was": found[0], "promoted": moved})
    return moved
