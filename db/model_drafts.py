"""Drafts of a model version, edited by project leaders, and their publication.

A draft is TOML text in the shipped format (model/model_toml.py). Every write re-reads the actor's
rights inside its transaction, checks the row version the user saw (a colleague's edit meanwhile is
a conflict, never overwritten) and is audited in the same transaction. Publishing copies the draft,
under its version name and effective date, into `model_releases`, which nothing ever updates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime

import duckdb

from db import audit, rights
from db.connection import cursor, transaction
from db.model_registry import model_of, version_names
from model.access import Role, Scope
from model.errors import AccessDenied, ConflictError, NotFound, ValidationError
from model.export_ids import export_line, new_export_id
from model.handling_model import HandlingModel, text_checksum
from model.model_edit import renamed
from model.model_rules import identifiers_in, model_problems
from model.model_toml import dump_model, read_model
from model.privacy import identifier_problems

DRAFT_VERSION = "kladde"  # the `version` of a draft's text until it is published
NAME_MAX = 80
_VERSION_NAME = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,19}$")


@dataclass(frozen=True)
class Draft:
    draft_id: int
    name: str
    parent_version: str
    model: HandlingModel
    row_version: int
    updated_at: datetime


def _require_leader(scope: Scope) -> None:
    if not scope.has(Role.PROJECT_LEADER):
        raise AccessDenied()


def _acting_leader(cur: duckdb.DuckDBPyConnection, scope: Scope) -> Scope:
    """The actor's rights as they are now, inside the write's transaction."""
    scope = rights.recheck(cur, scope)
    _require_leader(scope)
    return scope


def _name(name: str) -> str:
    clean = " ".join((name or "").split())
    problems = [] if clean else ["Giv kladden et navn."]
    if len(clean) > NAME_MAX:
        problems.append(f"Navnet må højst være {NAME_MAX} tegn.")
    problems += identifier_problems(clean)
    if problems:
        raise ValidationError(problems)
    return clean


def _parent(version: str) -> HandlingModel:
    if version not in version_names():
        raise ValidationError("Vælg en udgivet version at tage udgangspunkt i.")
    return model_of(version)


def list_drafts(scope: Scope) -> list[Draft]:
    """The open drafts, newest change first."""
    _require_leader(scope)
    with cursor() as cur:
        ids = [r[0] for r in cur.execute("SELECT draft_id FROM model_drafts WHERE status = 'open'"
                                         " ORDER BY updated_at DESC, draft_id DESC").fetchall()]
        return [_fetch(cur, i) for i in ids]


def _fetch(cur: duckdb.DuckDBPyConnection, draft_id: int) -> Draft:
    row = cur.execute("SELECT draft_id, name, parent_version, definition, row_version, updated_at"
                      " FROM model_drafts WHERE draft_id = ? AND status = 'open'",
                      [draft_id]).fetchone()
    if row is None:
        raise NotFound("Kladden findes ikke (længere). Den kan være udgivet eller slettet.")
    return Draft(row[0], row[1], row[2], read_model(row[3]), row[4], row[5])


def get_draft(scope: Scope, draft_id: int) -> Draft:
    _require_leader(scope)
    with cursor() as cur:
        return _fetch(cur, draft_id)


def _storable(model: HandlingModel) -> str:
    """The draft's text; ValidationError (nothing stored) for identifiers or an unreadable text."""
    problems = identifiers_in(model)
    if problems:
        raise ValidationError(problems)
    text = dump_model(renamed(model, DRAFT_VERSION))
    read_model(text)  # it must read back (no empty or repeated measure keys ...)
    return text


def _insert(scope: Scope, name: str, parent: str, model: HandlingModel, action: str,
            details: dict) -> int:
    text = _storable(model)
    with transaction() as cur:
        scope = _acting_leader(cur, scope)
        draft_id = cur.execute(
            "INSERT INTO model_drafts (name, parent_version, definition, created_by)"
            " VALUES (?, ?, ?, ?) RETURNING draft_id", [name, parent, text, scope.user_id],
        ).fetchone()[0]
        audit.record(cur, scope, action, object_type="model_draft", object_id=draft_id,
                     details={"name": name, "parent": parent, **details})
    return draft_id


def create_draft(scope: Scope, parent_version: str, name: str) -> int:
    """A new draft, a copy of the published `parent_version`; returns its id."""
    _require_leader(scope)
    return _insert(scope, _name(name), parent_version, _parent(parent_version), "model.draft_create",
                   {})


def import_draft(scope: Scope, text: str, parent_version: str, name: str) -> int:
    """A new draft from a TOML file (e.g. one reviewed outside the app), compared with
    `parent_version`; ValidationError in Danish when the file is not a model definition."""
    _require_leader(scope)
    name, model = _name(name), read_model(text)
    _parent(parent_version)
    return _insert(scope, name, parent_version, model, "model.draft_import",
                   {"checksum": text_checksum(text)})


def _locked(cur: duckdb.DuckDBPyConnection, draft_id: int, expected: int) -> None:
    row = cur.execute("SELECT row_version FROM model_drafts WHERE draft_id = ? AND status = 'open'",
                      [draft_id]).fetchone()
    if row is None:
        raise NotFound("Kladden findes ikke (længere). Den kan være udgivet eller slettet.")
    if row[0] != expected:
        raise ConflictError("Kladden er ændret af en anden i mellemtiden. Genindlæs siden.")


def save_draft(scope: Scope, draft_id: int, expected: int, model: HandlingModel,
               name: str | None = None) -> int:
    """Store the edited model (problems allowed: a draft is work in progress); new row version."""
    _require_leader(scope)
    text = _storable(model)
    clean_name = _name(name) if name is not None else None
    with transaction() as cur:
        scope = _acting_leader(cur, scope)
        _locked(cur, draft_id, expected)
        version = cur.execute(
            "UPDATE model_drafts SET definition = ?, name = coalesce(?, name),"
            " row_version = row_version + 1, updated_at = current_timestamp"
            " WHERE draft_id = ? AND status = 'open' AND row_version = ? RETURNING row_version",
            [text, clean_name, draft_id, expected]).fetchone()
        if version is None:
            raise ConflictError("Kladden er ændret af en anden i mellemtiden. Genindlæs siden.")
        audit.record(cur, scope, "model.draft_edit", object_type="model_draft", object_id=draft_id,
                     details={"levels": len(model.levels), "checksum": text_checksum(text)})
        return version[0]


def delete_draft(scope: Scope, draft_id: int, expected: int) -> None:
    _require_leader(scope)
    with transaction() as cur:
        scope = _acting_leader(cur, scope)
        _locked(cur, draft_id, expected)
        cur.execute("UPDATE model_drafts SET status = 'deleted', row_version = row_version + 1,"
                    " updated_at = current_timestamp WHERE draft_id = ?", [draft_id])
        audit.record(cur, scope, "model.draft_delete", object_type="model_draft",
                     object_id=draft_id)


def version_name_problems(version: str, effective_from: date, today: date) -> list[str]:
    problems = []
    if not _VERSION_NAME.match(version or ""):
        problems.append("Versionsnavnet skal være 1-20 tegn: bogstaver, tal, punktum, bindestreg "
                        "(fx 2019 eller 2019.1).")
    elif version == DRAFT_VERSION or version in version_names():
        problems.append(f"Versionsnavnet »{version}« er allerede brugt. Vælg et andet.")
    if not isinstance(effective_from, date) or effective_from < today:
        problems.append("Ikrafttrædelsesdatoen kan ikke ligge før i dag.")
    return problems


def publish(scope: Scope, draft_id: int, expected: int, version: str, effective_from: date, *,
            today: date | None = None) -> str:
    """Publish the draft as `version`, in force from `effective_from` (today or later): new cases
    use it from then on. Refused while the draft has any problem. A draft still titled as its
    parent is titled "Håndteringsmodellen <version>". Returns the version."""
    _require_leader(scope)
    today = today or date.today()
    version = (version or "").strip()
    with transaction() as cur:
        scope = _acting_leader(cur, scope)
        _locked(cur, draft_id, expected)
        draft = _fetch(cur, draft_id)
        problems = version_name_problems(version, effective_from, today)
        problems += model_problems(draft.model)
        if problems:
            raise ValidationError(problems)
        model = renamed(draft.model, version)
        if model.title == model_of(draft.parent_version).title:  # not retitled: name the version
            model = replace(model, title=f"Håndteringsmodellen {version}")
        text = dump_model(model)
        checksum = text_checksum(text)
        cur.execute("INSERT INTO model_releases (version, definition, checksum, parent_version,"
                    " effective_from, draft_id, published_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [version, text, checksum, draft.parent_version, effective_from, draft_id,
                     scope.user_id])
        cur.execute("INSERT INTO model_versions (version, checksum) VALUES (?, ?)",
                    [version, checksum])
        cur.execute("UPDATE model_drafts SET status = 'published', published_version = ?,"
                    " row_version = row_version + 1, updated_at = current_timestamp"
                    " WHERE draft_id = ?", [version, draft_id])
        audit.record(cur, scope, "model.publish", object_type="model_version", object_id=version,
                     details={"draft": draft_id, "parent": draft.parent_version,
                              "effective_from": effective_from.isoformat(), "checksum": checksum,
                              "levels": len(draft.model.levels)})
    return version


def export_definition(scope: Scope, *, version: str | None = None,
                      draft_id: int | None = None) -> tuple[str, str]:
    """The TOML of a published version or a draft, and its export id; audited first (called when
    the user clicks, so the entry exists before the file does)."""
    _require_leader(scope)
    export_id = new_export_id()
    with transaction() as cur:
        scope = _acting_leader(cur, scope)
        if draft_id is not None:
            draft = _fetch(cur, draft_id)
            model, what, name = draft.model, "model_draft", str(draft_id)
            title = f"Kladde »{draft.name}« (fra version {draft.parent_version})"
        else:
            model, what, name = model_of(version or ""), "model_version", version or ""
            title = f"Håndteringsmodellen, version {version}"
        audit.record(cur, scope, "model.export", object_type=what, object_id=name,
                     export_id=export_id)
    return dump_model(model, header=f"{title}\n{export_line(export_id)}"), export_id
