"""Creating cases: validated, idempotent by submission id, numbered per district and year.

The proposal and the measures are recomputed here from the facts (never taken from the form), saved in
one transaction with the audit entry, in the caller's own district only. Changes to saved cases are in
db/case_updates.py.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import duckdb

from db import audit, rights
from db.case_queries import contact_districts
from db.connection import insert_rows, transaction
from db.group_commit import GroupCommit
from db.model_registry import current_version, model_of, published
from db.record_keys import new_key
from model.access import Scope
from model.case import CaseDraft, check_draft
from model.errors import (
    AccessDenied,
    ConflictError,
    DomainError,
    NotFound,
    StorageError,
    ValidationError,
)
from model.follow_up import due_month
from model.handling_model import HandlingModel
from model.triage import Plan, assess, plan

MAX_ATTEMPTS = 60
_OTHER_VERSION = ("Sagen er vurderet efter en anden version af modellen end den, der gælder nu. "
                  "Genindlæs siden.")
_CHANGED_VERSION = ("Modelversion {} er ændret, efter at sager er registreret med den. Intet er "
                    "gemt; kontakt administratoren.")


@dataclass(frozen=True)
class CreatedCase:
    code: str
    created: bool  # False: the submission was already saved (double click); same case returned


@dataclass(frozen=True)
class _Save:
    """One validated submission waiting for the writer: everything but what the database decides."""

    scope: Scope
    district: str
    draft: CaseDraft
    model: HandlingModel
    proposed: int
    today: date
    chosen: Plan  # the measures of the chosen level
    facts_json: str


def case_code(district: str, year: int, number: int) -> str:
    return f"{district}-{year}-{number:04d}"


def _model_named(version: str) -> HandlingModel:
    """The published model the form was filled in under (whether it is still the one in force is
    checked by the writer, in the transaction)."""
    try:
        return model_of(version)
    except NotFound:
        raise ValidationError(_OTHER_VERSION) from None


def changed_versions(cur: duckdb.DuckDBPyConnection, models: Sequence[HandlingModel]) -> set[str]:
    """Record each definition's checksum at first use; the versions whose file changed since."""
    wanted = {m.version: m.checksum for m in models}
    recorded = dict(cur.execute("SELECT version, checksum FROM model_versions"
                                " WHERE list_contains(?, version)", [sorted(wanted)]).fetchall())
    insert_rows(cur, "model_versions (version, checksum)",
                [[v, c] for v, c in sorted(wanted.items()) if v not in recorded])
    return {v for v, c in recorded.items() if c != wanted[v]}


def check_version_unchanged(cur: duckdb.DuckDBPyConnection, model: HandlingModel) -> None:
    """StorageError when the definition of a version in use has changed (see changed_versions)."""
    if changed_versions(cur, [model]):
        raise StorageError(_CHANGED_VERSION.format(model.version))


def _insert_all(cur: duckdb.DuckDBPyConnection,
                saves: Sequence[_Save]) -> list[CreatedCase | DomainError]:
    """Write `saves` on `cur` (one transaction) with a fixed number of statements whatever their
    number. Each is checked as create_case alone would (rights now, district, double submit,
    model version); a refused one is returned as its error and nothing of it is written."""
    outcomes: list[CreatedCase | DomainError | None] = [None] * len(saves)
    for i, fresh in enumerate(rights.recheck_all(cur, [s.scope for s in saves])):
        if isinstance(fresh, DomainError):
            outcomes[i] = fresh
        elif saves[i].district not in contact_districts(fresh):
            outcomes[i] = AccessDenied()
    seen = {sid: (code, district, user) for sid, code, district, user in cur.execute(
        "SELECT submission_id, case_code, district_code, created_by FROM cases"
        " WHERE list_contains(?, submission_id)", [[s.draft.submission_id for s in saves]]).fetchall()}
    versions = published(cur)
    in_force = {day: current_version(day, versions=versions) for day in {s.today for s in saves}}
    candidates = [i for i, o in enumerate(outcomes) if o is None and saves[i].draft.submission_id
                  not in seen and saves[i].model.version == in_force[saves[i].today]]
    changed = changed_versions(cur, [saves[i].model for i in candidates]) if candidates else set()
    last = {(d, y): n for d, y, n in cur.execute(
        "SELECT district_code, case_year, max(case_number) FROM cases WHERE list_contains(?, district_code)"
        " AND list_contains(?, case_year) GROUP BY ALL",
        [sorted({saves[i].district for i in candidates}),
         sorted({saves[i].today.year for i in candidates})]).fetchall()} if candidates else {}
    new: list[tuple[_Save, str]] = []
    for i, save in enumerate(saves):
        if outcomes[i] is not None:
            continue
        sid = save.draft.submission_id
        if sid in seen:  # saved before, or earlier in this batch (a double click)
            code, district, user = seen[sid]
            outcomes[i] = CreatedCase(code, created=False) if (district, user) == (
                save.district, save.scope.user_id) else ValidationError(
                "Formularen er allerede brugt. Genindlæs siden for at oprette en ny sag.")
        elif save.model.version != in_force[save.today]:  # e.g. a version published meanwhile
            outcomes[i] = ValidationError(_OTHER_VERSION)
        elif save.model.version in changed:
            outcomes[i] = StorageError(_CHANGED_VERSION.format(save.model.version))
        else:
            key = (save.district, save.today.year)
            last[key] = last.get(key, 0) + 1
            code = case_code(save.district, save.today.year, last[key])
            seen[sid] = (code, save.district, save.scope.user_id)
            new.append((save, code))
            outcomes[i] = CreatedCase(code, created=True)
    if new:
        _write(cur, new)
    return outcomes  # type: ignore[return-value] # every entry is set above


def _write(cur: duckdb.DuckDBPyConnection, new: Sequence[tuple[_Save, str]]) -> None:
    """The new cases, their measures, first assessments, takedowns and audit entries: one
    multi-row INSERT each."""
    rows = []
    for save, code in new:
        facts, draft = save.draft.facts, save.draft
        rows.append([code, save.district, save.today.year, int(code.rsplit("-", 1)[1]), draft.month,
                     facts.age_band, draft.gender, draft.institution_type, list(facts.platforms),
                     save.facts_json, save.model.version, save.proposed, draft.chosen_level,
                     draft.override_reason, draft.note, draft.submission_id, save.scope.user_id,
                     new_key(), list(save.chosen.notice_keys)])
    ids = dict(insert_rows(
        cur, "cases (case_code, district_code, case_year, case_number, case_month, age_band, gender,"
        " institution_type, platforms, facts, model_version, proposed_level, chosen_level,"
        " override_reason, note, submission_id, created_by, record_key, notices)", rows,
        returning="case_code, case_id"))
    measures, assessments, takedowns, entries = [], [], [], []
    for save, code in new:
        case_id, draft, chosen = ids[code], save.draft, save.chosen
        measures += [[case_id, m.key, n, m.strength.value, due_month(draft.month, m)]
                     for n, m in enumerate(chosen.measures)]
        assessments.append([case_id, 1, draft.month, save.model.version, save.proposed,
                            draft.chosen_level, draft.override_reason, save.facts_json,
                            save.scope.user_id])
        takedowns += [[case_id, p] for p in draft.facts.platforms]
        entries.append(audit.row(save.scope, "case.create", district=save.district,
                                   object_type="case", object_id=code, details={
                                       "model_version": save.model.version,
                                       "proposed_level": save.proposed,
                                       "chosen_level": draft.chosen_level,
                                       "measures": len(chosen.measures)}))
    insert_rows(cur, "case_measures (case_id, measure_key, position, strength, due_month)", measures)
    insert_rows(cur, "case_assessments (case_id, seq, assessed_month, model_version, proposed_level,"
                " chosen_level, override_reason, facts, created_by)", assessments)
    insert_rows(cur, "case_takedowns (case_id, platform)", takedowns)
    audit.record_all(cur, entries)


def _retryable(exc: BaseException) -> bool:
    """A lost race (number or submission taken by a concurrent commit): try again."""
    if isinstance(exc, ConflictError):
        return True
    return isinstance(exc, StorageError) and isinstance(exc.__cause__, duckdb.ConstraintException)


def _save_batch(saves: Sequence[_Save]) -> list[CreatedCase | DomainError]:
    """One transaction for `saves`, tried again after a lost race."""
    for attempt in range(MAX_ATTEMPTS):
        try:
            with transaction() as cur:
                return _insert_all(cur, saves)
        except (ConflictError, StorageError) as exc:
            if not _retryable(exc) or attempt == MAX_ATTEMPTS - 1:
                raise
            time.sleep(random.uniform(0, 0.002 * (attempt + 1)))
    raise StorageError()  # pragma: no cover - the loop returns or raises


# Every case save in the process goes through this one writer (see db/group_commit.py): saves that
# arrive together share a transaction, and numbering never races within the process.
_saves: GroupCommit[_Save, CreatedCase] = GroupCommit(_save_batch)


def create_case(scope: Scope, district: str, draft: CaseDraft, *,
                today: date | None = None) -> CreatedCase:
    """Validate and save a new case of `district` (the caller's membership, never a form field).

    The same `submission_id` twice gives the same case. `today` (default: now) sets the case year and
    bounds the month; demo seeding passes past dates. Saves made at the same moment by other
    sessions may be committed in the same transaction; each is checked, and fails, on its own.
    """
    if district not in contact_districts(scope):
        raise AccessDenied()
    today = today or date.today()
    model = _model_named(draft.model_version)
    proposed = assess(draft.facts, model).proposed_level
    try:
        check_draft(draft, model, proposed, today)
    except ValidationError:
        if draft.model_version != current_version(today):  # the cause, rather than its symptoms
            raise ValidationError(_OTHER_VERSION) from None
        raise
    return _saves.submit(_Save(scope, district, draft, model, proposed, today,
                               plan(draft.facts, model, draft.chosen_level), draft.facts.to_json()))
