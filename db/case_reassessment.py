"""Re-assessing a saved case: new facts, a new proposal, the chosen level, and the plan that follows.

One transaction: the actor's rights read again, the row version the user saw checked, the proposal
recomputed here from the facts (never taken from the form), the plan as it was kept (a snapshot, so
released statistics keep counting it), the measures re-planned, the history line added and the audit
entry written. Only open cases of the caller's own district.
"""

from __future__ import annotations

from datetime import date

import duckdb

from db import audit, rights
from db.case_queries import CaseRow, locate
from db.case_updates import bumped
from db.cases import check_version_unchanged
from db.connection import transaction
from db.model_registry import current_version, model_of
from model.access import Scope
from model.errors import ConflictError, ValidationError
from model.follow_up import CLOSED_MESSAGE
from model.reassessment import Reassessment, StoredMeasure, reassessment_problems, replan
from model.triage import assess, plan


def allowed_versions(case_version: str, today: date) -> list[str]:
    """Re-assess under the case's own version, or the one in force now (by choice)."""
    return list(dict.fromkeys([case_version, current_version(today)]))


def _measures(cur: duckdb.DuckDBPyConnection, case: CaseRow) -> list[StoredMeasure]:
    return [StoredMeasure(*r) for r in cur.execute(
        "SELECT measure_key, strength, status, done_month, due_month FROM case_measures"
        " WHERE case_id = ? ORDER BY position", [case.case_id]).fetchall()]


def _snapshot(cur: duckdb.DuckDBPyConnection, case: CaseRow) -> None:
    """Keep the plan as it is before the re-assessment changes it (released statistics count it)."""
    cur.execute("INSERT INTO case_plan_snapshots SELECT case_id, current_timestamp, measure_key,"
                " status FROM case_measures WHERE case_id = ?", [case.case_id])
    cur.execute("INSERT INTO case_takedown_snapshots SELECT case_id, current_timestamp, platform,"
                " outcome FROM case_takedowns WHERE case_id = ?", [case.case_id])


def _store_plan(cur: duckdb.DuckDBPyConnection, case: CaseRow, rows, dropped: list[str]) -> None:
    """Update kept measures, delete dropped ones, insert new ones (no key deleted and re-added)."""
    existing = {r[0] for r in cur.execute("SELECT measure_key FROM case_measures WHERE case_id = ?",
                                          [case.case_id]).fetchall()}
    for key in dropped:
        cur.execute("DELETE FROM case_measures WHERE case_id = ? AND measure_key = ?",
                    [case.case_id, key])
    for r in rows:
        if r.key in existing:
            cur.execute("UPDATE case_measures SET position = ?, strength = ?, status = ?,"
                        " done_month = ?, due_month = ? WHERE case_id = ? AND measure_key = ?",
                        [r.position, r.strength, r.status, r.done_month, r.due_month,
                         case.case_id, r.key])
        else:
            cur.execute("INSERT INTO case_measures (case_id, measure_key, position, strength,"
                        " status, done_month, due_month) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [case.case_id, r.key, r.position, r.strength, r.status, r.done_month,
                         r.due_month])


def _store_platforms(cur: duckdb.DuckDBPyConnection, case: CaseRow, platforms: tuple[str, ...]) -> None:
    """Takedown rows follow the platforms: new ones not yet requested; a platform no longer named
    keeps its row only if something was done there."""
    rows = dict(cur.execute("SELECT platform, outcome FROM case_takedowns WHERE case_id = ?",
                            [case.case_id]).fetchall())
    for platform, outcome in rows.items():
        if platform not in platforms and outcome == "not_requested":
            cur.execute("DELETE FROM case_takedowns WHERE case_id = ? AND platform = ?",
                        [case.case_id, platform])
    for platform in platforms:
        if platform not in rows:
            cur.execute("INSERT INTO case_takedowns (case_id, platform) VALUES (?, ?)",
                        [case.case_id, platform])


def reassess(scope: Scope, code: str, expected_version: int, change: Reassessment, *,
             today: date | None = None) -> int:
    """Re-assess case `code` as the user saw it at `expected_version`; returns the new row version."""
    today = today or date.today()
    month = today.replace(day=1)
    with transaction() as cur:
        scope = rights.recheck(cur, scope)
        case = locate(cur, scope, code)
        if case.row_version != expected_version:
            raise ConflictError()
        if case.status != "open":
            raise ValidationError(CLOSED_MESSAGE)
        old = cur.execute("SELECT model_version, chosen_level FROM cases WHERE case_id = ?",
                          [case.case_id]).fetchone()
        if change.model_version not in allowed_versions(old[0], today):
            raise ValidationError("Genvurdér efter sagens egen version eller den gældende version.")
        model = model_of(change.model_version)
        proposed = assess(change.facts, model).proposed_level
        problems = reassessment_problems(change, model, proposed)
        if problems:
            raise ValidationError(problems)
        check_version_unchanged(cur, model)
        new_plan = plan(change.facts, model, change.chosen_level)
        rows, dropped = replan(_measures(cur, case), new_plan.measures, model, month)
        _snapshot(cur, case)
        _store_plan(cur, case, rows, dropped)
        _store_platforms(cur, case, change.facts.platforms)
        facts = change.facts
        version = bumped(cur.execute(
            "UPDATE cases SET facts = ?, age_band = ?, platforms = ?, model_version = ?,"
            " proposed_level = ?, chosen_level = ?, override_reason = ?, notices = ?,"
            " row_version = row_version + 1, updated_at = current_timestamp"
            " WHERE case_id = ? AND row_version = ? RETURNING row_version",
            [facts.to_json(), facts.age_band, list(facts.platforms), model.version, proposed,
             change.chosen_level, change.override_reason, list(new_plan.notice_keys), case.case_id,
             expected_version]).fetchone())
        seq = cur.execute("SELECT coalesce(max(seq), 0) + 1 FROM case_assessments WHERE case_id = ?",
                          [case.case_id]).fetchone()[0]
        cur.execute(
            "INSERT INTO case_assessments (case_id, seq, assessed_month, model_version,"
            " proposed_level, chosen_level, override_reason, facts, created_by)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [case.case_id, seq, month, model.version, proposed, change.chosen_level,
             change.override_reason, facts.to_json(), scope.user_id])
        audit.record(cur, scope, "case.reassess", district=case.district, object_type="case",
                     object_id=case.code,
                     details={"model_version": model.version, "proposed_level": proposed,
                              "from_level": old[1], "chosen_level": change.chosen_level,
                              "reason": change.override_reason, "dropped": dropped})
        return version
