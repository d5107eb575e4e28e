"""Changing saved cases: follow-up, reopening, and the audited export of a handling plan.

Closing (with the contact's answers) is db/case_closing.py, re-assessment db/case_reassessment.py.

Each change carries the `row_version` the user saw: a stale one is a ConflictError ("reload"), never
an overwrite. Everything runs in one transaction with its audit entry, on the caller's district only.
The value a change replaces is kept in a history table (migration 0007), so released statistics count
a case as it was at the release's cutoff, not as it is today.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb

from db import audit, rights
from db.case_queries import CaseDetail, fetch_case, locate
from db.connection import transaction
from model.access import Scope
from model.errors import ConflictError, ValidationError
from model.export_ids import new_export_id
from model.follow_up import FollowUp, done_month, follow_up_problems, with_police_facts


def remember(cur: duckdb.DuckDBPyConnection, case_id: int) -> None:
    """Keep the case's counted follow-up fields as they are before a change (see module doc);
    every write that changes them (here, closing, re-assessment) calls this first."""
    cur.execute("INSERT INTO case_history SELECT case_id, current_timestamp, police_consulted,"
                " police_report_filed, status FROM cases WHERE case_id = ?", [case_id])


def bumped(row: tuple | None) -> int:
    """The new row version from an `UPDATE ... AND row_version = ? RETURNING row_version`."""
    if row is None:
        raise ConflictError()
    return row[0]


def update_follow_up(scope: Scope, code: str, expected_version: int, change: FollowUp, *,
                     today: date | None = None) -> int:
    """Apply the follow-up the user saw at `expected_version`; returns the new row version."""
    today = today or date.today()
    with transaction() as cur:
        scope = rights.recheck(cur, scope)
        case = locate(cur, scope, code)
        if case.row_version != expected_version:
            raise ConflictError()
        current = {k: (s, m) for k, s, m in cur.execute(
            "SELECT measure_key, status, done_month FROM case_measures WHERE case_id = ?",
            [case.case_id]).fetchall()}
        takedowns = dict(cur.execute("SELECT platform, outcome FROM case_takedowns WHERE case_id = ?",
                                     [case.case_id]).fetchall())
        problems = follow_up_problems(change, measure_keys=set(current), platforms=set(takedowns),
                                      case_status=case.status)
        if problems:
            raise ValidationError(problems)
        change = with_police_facts(change)
        changed: dict[str, Any] = {}
        for key, status in change.measures.items():
            old_status, old_month = current[key]
            if status != old_status:
                cur.execute("INSERT INTO case_measure_history VALUES (?, ?, current_timestamp, ?)",
                            [case.case_id, key, old_status])
                cur.execute("UPDATE case_measures SET status = ?, done_month = ?"
                            " WHERE case_id = ? AND measure_key = ?",
                            [status, done_month(old_status, status, old_month, today),
                             case.case_id, key])
                changed[f"measure.{key}"] = status
        for platform, outcome in change.takedowns.items():
            if outcome != takedowns[platform]:
                cur.execute("INSERT INTO case_takedown_history VALUES (?, ?, current_timestamp, ?)",
                            [case.case_id, platform, takedowns[platform]])
                cur.execute("UPDATE case_takedowns SET outcome = ? WHERE case_id = ? AND platform = ?",
                            [outcome, case.case_id, platform])
                changed[f"takedown.{platform}"] = outcome
        if change.police_consulted != case.police_consulted:
            changed["police_consulted"] = change.police_consulted
        if change.police_report_filed != case.police_report_filed:
            changed["police_report_filed"] = change.police_report_filed
        if not changed:
            return case.row_version
        remember(cur, case.case_id)
        version = bumped(cur.execute(
            "UPDATE cases SET police_consulted = ?, police_report_filed = ?,"
            " row_version = row_version + 1, updated_at = current_timestamp"
            " WHERE case_id = ? AND row_version = ? RETURNING row_version",
            [change.police_consulted, change.police_report_filed, case.case_id, expected_version],
        ).fetchone())
        audit.record(cur, scope, "case.follow_up", district=case.district, object_type="case",
                     object_id=code, details=changed)
        return version


def reopen_case(scope: Scope, code: str, expected_version: int) -> int:
    """Reopen a closed case (closing is db/case_closing.py); returns the new row version."""
    with transaction() as cur:
        scope = rights.recheck(cur, scope)
        case = locate(cur, scope, code)
        if case.row_version != expected_version:
            raise ConflictError()
        if case.status == "open":
            raise ValidationError("Sagen er allerede åben.")
        remember(cur, case.case_id)
        version = bumped(cur.execute(
            "UPDATE cases SET status = 'open', closed_month = NULL, row_version = row_version + 1,"
            " updated_at = current_timestamp WHERE case_id = ? AND row_version = ?"
            " RETURNING row_version",
            [case.case_id, expected_version],
        ).fetchone())
        audit.record(cur, scope, "case.reopen", district=case.district, object_type="case",
                     object_id=code)
        return version


def export_plan(scope: Scope, code: str) -> tuple[CaseDetail, str]:
    """The case for its printable handling plan, and the plan's export id; audited first.

    Called when the user clicks (a download's data callable), so the audit entry exists before
    the file does, and every click is its own entry with its own id.
    """
    export_id = new_export_id()
    with transaction() as cur:
        scope = rights.recheck(cur, scope)
        case = fetch_case(cur, scope, code)
        audit.record(cur, scope, "case.plan_download", district=case.district, object_type="case",
                     object_id=case.code, export_id=export_id)
    return case, export_id
