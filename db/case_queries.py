"""Reading cases: a district contact's own district only; another district's case is NotFound.

Single case rows are for district contacts of that district; project leaders get aggregates elsewhere
(db/stats), never these rows. Every query filters by the caller's districts in SQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from db.connection import cursor
from model.access import Role, Scope
from model.case import CaseFacts
from model.errors import AccessDenied, NotFound

_CODE = re.compile(r"^[A-Z]{3}-\d{4}-\d{4,}$")


@dataclass(frozen=True)
class CaseRow:
    """The parts of a case a write needs to check scope, state and version."""

    case_id: int
    code: str
    district: str
    status: str
    row_version: int
    police_consulted: bool
    police_report_filed: bool


@dataclass(frozen=True)
class CaseMeasure:
    key: str
    position: int
    strength: str
    status: str
    done_month: date | None
    due_month: date | None
    overdue: bool


@dataclass(frozen=True)
class Assessment:
    """One line of a case's level history: the triage (seq 1) or a re-assessment."""

    seq: int
    month: date
    model_version: str
    proposed_level: int
    chosen_level: int
    override_reason: str | None


@dataclass(frozen=True)
class CaseDetail:
    code: str
    district: str
    month: date
    age_band: str
    gender: str | None
    institution_type: str
    platforms: tuple[str, ...]
    facts: CaseFacts
    model_version: str
    proposed_level: int
    chosen_level: int
    override_reason: str | None
    police_consulted: bool
    police_report_filed: bool
    status: str
    closed_month: date | None
    note: str | None
    row_version: int
    notices: tuple[str, ...] | None  # prompt keys given at the last assessment (None: older case)
    measures: tuple[CaseMeasure, ...]
    takedowns: dict[str, str]
    history: tuple[Assessment, ...] = ()


@dataclass(frozen=True)
class CaseFilter:
    status: str | None = None
    level: int | None = None
    month: date | None = None
    overdue_only: bool = False


@dataclass(frozen=True)
class CaseSummary:
    code: str
    month: date
    age_band: str
    institution_type: str
    chosen_level: int
    status: str
    measures: int
    done: int
    overdue: int


def contact_districts(scope: Scope) -> list[str]:
    """The districts whose single cases the caller may see and write: district-contact roles only."""
    return sorted(scope.districts(Role.DISTRICT_CONTACT))


def normalise_code(text: str | None) -> str | None:
    code = (text or "").strip().upper()
    return code if _CODE.match(code) else None


def _this_month(today: date | None) -> date:
    return (today or date.today()).replace(day=1)


def locate(cur: duckdb.DuckDBPyConnection, scope: Scope, code: str) -> CaseRow:
    """The case `code` if it is in one of the caller's districts; NotFound otherwise (or unknown)."""
    normal = normalise_code(code)
    row = None if normal is None else cur.execute(
        "SELECT case_id, case_code, district_code, status, row_version, police_consulted,"
        " police_report_filed FROM cases WHERE case_code = ? AND list_contains(?, district_code)",
        [normal, contact_districts(scope)]).fetchone()
    if row is None:
        raise NotFound("Sagen findes ikke, eller du har ikke adgang til den. Tjek sagsnummeret.")
    return CaseRow(*row)


def get_case(scope: Scope, code: str, *, today: date | None = None) -> CaseDetail:
    """One case with its measures and takedowns, for the follow-up page."""
    with cursor() as cur:
        return fetch_case(cur, scope, code, today=today)


def fetch_case(cur: duckdb.DuckDBPyConnection, scope: Scope, code: str, *,
               today: date | None = None) -> CaseDetail:
    """get_case on the caller's cursor (e.g. inside an export's transaction)."""
    month_now = _this_month(today)
    found = locate(cur, scope, code)
    row = cur.execute(
        "SELECT case_code, district_code, case_month, age_band, gender, institution_type,"
        " platforms, facts, model_version, proposed_level, chosen_level, override_reason,"
        " police_consulted, police_report_filed, status, closed_month, note, row_version, notices"
        " FROM cases WHERE case_id = ?", [found.case_id]).fetchone()
    measures = tuple(
        CaseMeasure(*m, overdue=row[14] == "open" and m[3] == "planned"
                    and m[5] is not None and m[5] < month_now)
        for m in cur.execute(
            "SELECT measure_key, position, strength, status, done_month, due_month"
            " FROM case_measures WHERE case_id = ? ORDER BY position", [found.case_id]).fetchall())
    takedowns = dict(cur.execute(
        "SELECT platform, outcome FROM case_takedowns WHERE case_id = ? ORDER BY platform",
        [found.case_id]).fetchall())
    history = tuple(Assessment(*a) for a in cur.execute(
        "SELECT seq, assessed_month, model_version, proposed_level, chosen_level, override_reason"
        " FROM case_assessments WHERE case_id = ? ORDER BY seq", [found.case_id]).fetchall())
    values: list[Any] = list(row)
    values[6] = tuple(values[6])
    values[7] = CaseFacts.from_json(values[7])
    values[18] = None if values[18] is None else tuple(values[18])
    return CaseDetail(*values, measures=measures, takedowns=takedowns, history=history)


def _check_district(scope: Scope, district: str) -> None:
    if district not in contact_districts(scope):
        raise AccessDenied()


def list_cases(scope: Scope, district: str, flt: CaseFilter = CaseFilter(), *,
               today: date | None = None) -> list[CaseSummary]:
    """The district's cases matching `flt`, newest first, with measure counts and overdue count."""
    _check_district(scope, district)
    sql = [
        "SELECT c.case_code, c.case_month, c.age_band, c.institution_type, c.chosen_level, c.status,"
        " count(m.measure_key),"
        " count(m.measure_key) FILTER (WHERE m.status = 'done'),"
        " count(m.measure_key) FILTER (WHERE c.status = 'open' AND m.status = 'planned'"
        "   AND m.due_month < ?) AS overdue"
        " FROM cases c LEFT JOIN case_measures m USING (case_id)"
        " WHERE c.district_code = ? AND list_contains(?, c.district_code)"
    ]
    params: list[Any] = [_this_month(today), district, contact_districts(scope)]
    if flt.status:
        sql.append("AND c.status = ?")
        params.append(flt.status)
    if flt.level is not None:
        sql.append("AND c.chosen_level = ?")
        params.append(flt.level)
    if flt.month is not None:
        sql.append("AND c.case_month = ?")
        params.append(flt.month.replace(day=1))
    sql.append("GROUP BY c.case_id, c.case_code, c.case_month, c.age_band, c.institution_type,"
               " c.chosen_level, c.status, c.case_year, c.case_number")
    if flt.overdue_only:
        sql.append("HAVING overdue > 0")
    sql.append("ORDER BY c.case_year DESC, c.case_number DESC")
    with cursor() as cur:
        rows = cur.execute(" ".join(sql), params).fetchall()
    return [CaseSummary(*r) for r in rows]


def case_months(scope: Scope, district: str) -> list[date]:
    """The months the district has cases in, newest first (for the month filter)."""
    _check_district(scope, district)
    with cursor() as cur:
        rows = cur.execute(
            "SELECT DISTINCT case_month FROM cases WHERE district_code = ?"
            " AND list_contains(?, district_code) ORDER BY case_month DESC",
            [district, contact_districts(scope)]).fetchall()
    return [r[0] for r in rows]
