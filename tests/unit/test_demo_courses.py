"""Demo courses: realistic, fictitious, across districts, and loaded only once."""

from __future__ import annotations

from datetime import date

from db.connection import cursor
from db.demo_courses import PLAN, seed_demo_courses


def test_demo_courses_are_created_once_with_fictitious_addresses(fresh_db):
    assert seed_demo_courses(today=date(2026, 3, 10)) == len(PLAN)
    assert seed_demo_courses(today=date(2026, 3, 10)) == 0
    with cursor() as cur:
        domains = {r[0] for r in cur.execute(
            "SELECT DISTINCT split_part(email, '@', 2) FROM participants WHERE email IS NOT NULL"
        ).fetchall()}
        statuses = dict(cur.execute("SELECT status, count(*) FROM courses GROUP BY ALL").fetchall())
        attended = cur.execute("SELECT count(*) FROM registrations WHERE attended").fetchone()[0]
        waiting = cur.execute("SELECT count(*) FROM registrations WHERE status = 'waiting'"
                              ).fetchone()[0]
    assert domains <= {"example.com", "example.org"}
    assert statuses["held"] >= 5 and statuses["planned"] >= 3
    assert attended > 50 and waiting > 0
