"""Anonymise course participants once the retention period after their course has passed.

Names, e-mails, organisations and municipalities are cleared; the role, the registration status and
attendance stay, so coverage by role and district survives. Run it with `python -m db.retention`
(daily, e.g. from cron) or let the course pages run it once a day.
"""

from __future__ import annotations

import argparse
import os
from datetime import date, datetime, time, timedelta

from db import audit, rights
from db.connection import transaction
from db.courses import districts_for
from db.users import SYSTEM
from model.access import Role, Scope
from model.errors import AccessDenied
from model.retention import DEFAULT_MONTHS, check_months, latest_expired_course_day


def configured_months() -> int:
    """The retention period in months: $HMD_COURSE_RETENTION_MONTHS, else 24."""
    raw = os.environ.get("HMD_COURSE_RETENTION_MONTHS", "").strip()
    return check_months(int(raw)) if raw else DEFAULT_MONTHS


def _districts(scope: Scope) -> list[str] | None:
    """All districts for the system job and administrators; else the organiser's own."""
    if scope.user_id == SYSTEM.user_id or scope.has(Role.ADMIN):
        return None
    if not scope.has(Role.COURSE_ORGANISER):
        raise AccessDenied()
    return districts_for(scope, write=True)


def anonymise_expired(scope: Scope, today: date, months: int = DEFAULT_MONTHS) -> int:
    """Anonymise every participant of an expired course within `scope`; returns how many.

    One transaction: every course's clearing and its audit entry (role counts, never names)
    are written together, or none of them.
    """
    cutoff = datetime.combine(latest_expired_course_day(today, months) + timedelta(days=1), time())
    total = 0
    with transaction() as cur:
        scope = rights.recheck(cur, scope)
        allowed = _districts(scope)
        courses = cur.execute(
            "SELECT DISTINCT c.course_id, c.district_code FROM courses c"
            " JOIN participants p ON p.course_id = c.course_id"
            " WHERE c.starts_at < ? AND p.anonymised_at IS NULL"
            " AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], c.district_code))"
            " ORDER BY c.course_id",
            [cutoff, allowed, allowed],
        ).fetchall()
        for course_id, district in courses:
            roles = dict(cur.execute(
                "SELECT resource_role, count(*) FROM participants"
                " WHERE course_id = ? AND anonymised_at IS NULL GROUP BY ALL ORDER BY 1",
                [course_id]).fetchall())
            cur.execute(
                "UPDATE participants SET name = NULL, email = NULL, organisation = NULL,"
                " municipality = NULL, anonymised_at = current_timestamp"
                " WHERE course_id = ? AND anonymised_at IS NULL", [course_id])
            cur.execute("UPDATE courses SET anonymised_at = current_timestamp WHERE course_id = ?",
                        [course_id])
            audit.record(cur, scope, "participant.anonymise", district=district,
                         object_type="course", object_id=course_id,
                         details={"months": months, "by_role": roles})
            total += sum(roles.values())
    return total


def main(argv: list[str] | None = None) -> int:
    from db.migrate import migrate

    parser = argparse.ArgumentParser(description="Anonymise course participants past retention.")
    parser.add_argument("--months", type=int, default=None,
                        help=f"retention in months (default $HMD_COURSE_RETENTION_MONTHS or "
                             f"{DEFAULT_MONTHS})")
    parser.add_argument("--today", type=date.fromisoformat, default=None)
    args = parser.parse_args(argv)
    migrate()
    months = check_months(args.months) if args.months is not None else configured_months()
    count = anonymise_expired(SYSTEM, args.today or date.today(), months)
    print(f"anonymised {count} participant(s) of courses more than {months} months ago")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
