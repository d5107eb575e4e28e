"""Creating cases: validated, idempotent by submission id, numbered per district and year.

The proposal and the measures are recomputed here from the facts (never taken from the form), saved in
one transaction with the audit entry, in the caller's own district only. Changes to saved cases are in
db/case_updates.py.
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass
from datetime import date

import duckdb

from db import audit, rights
from db.case_queries import contact_districts
from db.connection import insert_rows, transaction
from db.model_registry import current_version, model_of
from db.record_keys import new_key
from model.access import Scope
from model.case import CaseDraft, check_draft
from model.errors import AccessDenied, ConflictError, StorageError, ValidationError
from model.follow_up import due_month
from model.handling_model import HandlingModel
from model.triage import assess, plan

MAX_ATTEMPTS = 60
_district_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


@dataclass(frozen=True)
class CreatedCase:
    code: str
    created: bool  # False: the submission was already saved (double click); same case returned


def case_code(district: str, year: int, number: int) -> str:
    return f"{district}-{year}-{number:04d}"


def _district_lock(district: str) -> threading.Lock:
    """Creates in one district queue in-process, so numbering conflicts are rare (retry covers them)."""
    with _locks_guard:
        return _district_locks.setdefault(district, threading.Lock())


def _model_for(version: str, today: date) -> HandlingModel:
    """The model a new case is triaged under: the version in force today, nothing else."""
    if version != current_version(today):
        raise ValidationError("Sagen er vurderet efter en anden version af modellen end den, der "
                              "gælder nu. Genindlæs siden.")
    return model_of(version)


def check_version_unchanged(cur: duckdb.DuckDBPyConnection, model: HandlingModel) -> None:
    """Record the definition's checksum at first use; refuse a changed file for a version in use."""
    row = cur.execute("SELECT checksum FROM model_versions WHERE version = ?",
                      [model.version]).fetchone()
    if row is None:
        cur.execute("INSERT INTO model_versions (version, checksum) VALUES (?, ?)",
                    [model.version, model.checksum])
    elif row[0] != model.checksum:
        raise StorageError(f"Modelversion {model.version} er ændret, efter at sager er registreret "
                           "med den. Intet er gemt; kontakt administratoren.")


def _existing(cur: duckdb.DuckDBPyConnection, scope: Scope, district: str,
              submission_id: str) -> str | None:
    row = cur.execute("SELECT case_code, district_code, created_by FROM cases WHERE submission_id = ?",
                      [submission_id]).fetchone()
    if row is None:
        return None
    if row[1] != district or row[2] != scope.user_id:
        raise ValidationError("Formularen er allerede brugt. Genindlæs siden for at oprette en ny sag.")
    return row[0]


def _insert(cur: duckdb.DuckDBPyConnection, scope: Scope, district: str, draft: CaseDraft,
            model: HandlingModel, proposed: int, today: date) -> CreatedCase:
    scope = rights.recheck(cur, scope)
    if district not in contact_districts(scope):
        raise AccessDenied()
    existing = _existing(cur, scope, district, draft.submission_id)
    if existing:
        return CreatedCase(existing, created=False)
    check_version_unchanged(cur, model)
    number = cur.execute(
        "SELECT coalesce(max(case_number), 0) + 1 FROM cases WHERE district_code = ? AND case_year = ?",
        [district, today.year]).fetchone()[0]
    code = case_code(district, today.year, number)
    facts = draft.facts
    chosen = plan(facts, model, draft.chosen_level)
    case_id = cur.execute(
        "INSERT INTO cases (case_code, district_code, case_year, case_number, case_month, age_band,"
        " gender, institution_type, platforms, facts, model_version, proposed_level, chosen_level,"
        " override_reason, note, submission_id, created_by, record_key, notices, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp,"
        " current_timestamp) RETURNING case_id",
        [code, district, today.year, number, draft.month, facts.age_band, draft.gender,
         draft.institution_type, list(facts.platforms), facts.to_json(), model.version, proposed,
         draft.chosen_level, draft.override_reason, draft.note, draft.submission_id, scope.user_id,
         new_key(), list(chosen.notice_keys)],
    ).fetchone()[0]
    measures = chosen.measures
    insert_rows(cur, "case_measures (case_id, measure_key, position, strength, due_month)",
                [[case_id, m.key, i, m.strength.value, due_month(draft.month, m)]
                 for i, m in enumerate(measures)])
    cur.execute(
        "INSERT INTO case_assessments (case_id, seq, assessed_month, model_version, proposed_level,"
        " chosen_level, override_reason, facts, created_by) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)",
        [case_id, draft.month, model.version, proposed, draft.chosen_level, draft.override_reason,
         facts.to_json(), scope.user_id])
    insert_rows(cur, "case_takedowns (case_id, platform)", [[case_id, p] for p in facts.platforms])
    audit.record(cur, scope, "case.create", district=district, object_type="case", object_id=code,
                 details={"model_version": model.version, "proposed_level": proposed,
                          "chosen_level": draft.chosen_level, "measures": len(measures)})
    return CreatedCase(code, created=True)


def _retryable(exc: BaseException) -> bool:
    """A lost race (number or submission taken by a concurrent commit): try again."""
    if isinstance(exc, ConflictError):
        return True
    return isinstance(exc, StorageError) and isinstance(exc.__cause__, duckdb.ConstraintException)


def create_case(scope: Scope, district: str, draft: CaseDraft, *,
                today: date | None = None) -> CreatedCase:
    """Validate and save a new case of `district` (the caller's membership, never a form field).

    The same `submission_id` twice gives the same case. `today` (default: now) sets the case year and
    bounds the month; demo seeding passes past dates.
    """
    if district not in contact_districts(scope):
        raise AccessDenied()
    today = today or date.today()
    model = _model_for(draft.model_version, today)
    proposed = assess(draft.facts, model).proposed_level
    check_draft(draft, model, proposed, today)
    for attempt in range(MAX_ATTEMPTS):
        try:
            with _district_lock(district), transaction() as cur:
                return _insert(cur, scope, district, draft, model, proposed, today)
        except (ConflictError, StorageError) as exc:
            if not _retryable(exc) or attempt == MAX_ATTEMPTS - 1:
                raise
            time.sleep(random.uniform(0, 0.002 * (attempt + 1)))
    raise StorageError()  # pragma: no cover - the loop returns or raises
