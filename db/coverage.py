"""Training coverage: courses held and planned per district, and resource persons trained by role.

Aggregates only, never a name. Course counts are not about people and are shown exactly. Counts of
people are exact for an organiser's own district (they can see the names anyway); the table of the
other districts goes through small-count suppression before it leaves this module.
"""

from __future__ import annotations

from datetime import date, datetime, time

import pandas as pd

from db.connection import cursor
from db.districts import all_districts
from model.access import Role, Scope
from model.course_vocab import RESOURCE_ROLES
from model.errors import AccessDenied
from model.suppression import suppress_frame

DISTRICT = "Politikreds"
ROLE = "Rolle"
TRAINED = "Uddannede"


def _require_coverage(scope: Scope) -> None:
    if not (scope.has(Role.COURSE_ORGANISER) or scope.has(Role.PROJECT_LEADER)):
        raise AccessDenied()


def own_districts(scope: Scope) -> list[str]:
    """Districts whose exact figures the caller may see: a district organiser's own districts."""
    _require_coverage(scope)
    return sorted(scope.districts(Role.COURSE_ORGANISER))


def courses_by_district(scope: Scope, today: date | None = None) -> pd.DataFrame:
    """One row per district: courses held, planned ahead, and whether none has been held yet."""
    _require_coverage(scope)
    start_of_today = datetime.combine(today or date.today(), time())
    with cursor() as cur:
        rows = dict((r[0], r[1:]) for r in cur.execute(
            "SELECT district_code,"
            " count(*) FILTER (WHERE status = 'held'),"
            " count(*) FILTER (WHERE status = 'planned' AND starts_at >= ?),"
            " min(starts_at) FILTER (WHERE status = 'planned' AND starts_at >= ?)"
            " FROM courses GROUP BY district_code",
            [start_of_today, start_of_today]).fetchall())
    records = []
    for d in all_districts():
        held, planned, next_start = rows.get(d.code, (0, 0, None))
        records.append({"code": d.code, DISTRICT: d.name, "Afholdte kurser": held,
                        "Planlagte kurser": planned, "Næste kursus": next_start,
                        "Uden kursus": held == 0, "Fastland": d.in_mainland})
    return pd.DataFrame(records)


def _trained_long(district: str | None) -> pd.DataFrame:
    """Attended participants of held courses, by district code and role code."""
    sql = (
        "SELECT c.district_code, p.resource_role, count(*) FROM participants p"
        " JOIN registrations r USING (participant_id) JOIN courses c ON c.course_id = p.course_id"
        " WHERE c.status = 'held' AND r.status = 'registered' AND r.attended"
    )
    params: list[object] = []
    if district is not None:
        sql += " AND c.district_code = ?"
        params.append(district)
    with cursor() as cur:
        rows = cur.execute(sql + " GROUP BY ALL", params).fetchall()
    return pd.DataFrame(rows, columns=["code", "role", "n"])


def trained_in_district(scope: Scope, district: str) -> pd.DataFrame:
    """Exact counts by role for one of the caller's own districts (every role listed, 0 if none)."""
    if district not in own_districts(scope):
        raise AccessDenied()
    counts = _trained_long(district).set_index("role")["n"].to_dict()
    return pd.DataFrame({ROLE: list(RESOURCE_ROLES.values()),
                         TRAINED: [int(counts.get(code, 0)) for code in RESOURCE_ROLES]})


def trained_nationwide(scope: Scope) -> pd.DataFrame:
    """Long frame district x role (plus 'I alt' margins), suppressed: Int64 with NA where hidden.

    A district organiser's own districts are left out: they know those figures exactly (they see
    the names), and exact figures next to a suppressed table would let hidden cells be worked out.
    """
    own = set(own_districts(scope))
    counts = {(c, r): n for c, r, n in _trained_long(None).itertuples(index=False)}
    shown = [d for d in all_districts() if d.code not in own
             and (d.in_mainland or any(k[0] == d.code for k in counts))]
    records = [
        {DISTRICT: d.name, ROLE: label, TRAINED: int(counts.get((d.code, code), 0))}
        for d in shown for code, label in RESOURCE_ROLES.items()
    ]
    return suppress_frame(pd.DataFrame(records), DISTRICT, ROLE, TRAINED)
