"""Closing a case with the contact's experience: structured answers stored with the close.

The answers go into `case_closings` in the same transaction as the close and its audit entry. A case
with "must" measures still planned closes only with the contact's explicit confirmation, checked here
(not just in the page), so no path closes such a case on one click.
"""

from __future__ import annotations

from datetime import date

from db import audit, rights
from db.case_queries import locate
from db.case_updates import bumped, remember
from db.connection import transaction
from model.access import Scope
from model.closing import Closing, OpenMeasure, closing_problems, open_musts
from model.errors import ConflictError, ValidationError


def close_case(scope: Scope, code: str, expected_version: int, closing: Closing, *,
               today: date | None = None) -> int:
    """Close case `code` as the user saw it at `expected_version`; returns the new row version."""
    month = (today or date.today()).replace(day=1)
    with transaction() as cur:
        scope = rights.recheck(cur, scope)
        case = locate(cur, scope, code)
        if case.row_version != expected_version:
            raise ConflictError()
        if case.status != "open":
            raise ValidationError("Sagen er allerede lukket.")
        measures = [OpenMeasure(*r) for r in cur.execute(
            "SELECT measure_key, strength, status FROM case_measures WHERE case_id = ?",
            [case.case_id]).fetchall()]
        musts = open_musts(measures)
        done = {m.key for m in measures if m.status == "done"}
        problems = closing_problems(closing, done=done, musts_open=len(musts))
        if problems:
            raise ValidationError(problems)
        version, level = cur.execute("SELECT model_version, chosen_level FROM cases"
                                     " WHERE case_id = ?", [case.case_id]).fetchone()
        remember(cur, case.case_id)
        row_version = bumped(cur.execute(
            "UPDATE cases SET status = 'closed', closed_month = ?, row_version = row_version + 1,"
            " updated_at = current_timestamp WHERE case_id = ? AND row_version = ?"
            " RETURNING row_version", [month, case.case_id, expected_version]).fetchone())
        seq = cur.execute("SELECT coalesce(max(seq), 0) + 1 FROM case_closings WHERE case_id = ?",
                          [case.case_id]).fetchone()[0]
        note = (closing.note or "").strip() or None
        cur.execute(
            "INSERT INTO case_closings (case_id, seq, closed_month, model_version, chosen_level,"
            " level_fit, situation, helped, open_musts, note, created_by)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [case.case_id, seq, month, version, level, closing.level_fit, closing.situation,
             list(closing.helped), len(musts), note, scope.user_id])
        audit.record(cur, scope, "case.close", district=case.district, object_type="case",
                     object_id=code,
                     details={"level_fit": closing.level_fit, "situation": closing.situation,
                              "helped": list(closing.helped), "open_musts": musts})
        return row_version
