"""The append-only audit log: written inside the caller's transaction, read by administrators."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

import duckdb

from db import rights
from db.connection import cursor, insert_rows, transaction
from model.access import Role, Scope
from model.errors import AccessDenied, ValidationError
from model.export_ids import new_export_id


def row(
    scope: Scope,
    action: str,
    *,
    district: str | None = None,
    object_type: str | None = None,
    object_id: str | int | None = None,
    details: dict[str, Any] | None = None,
    export_id: str | None = None,
) -> list[Any]:
    """One audit row, as `record` writes it (for `record_all`)."""
    return [
        scope.user_id,
        scope.email,
        action,
        district,
        object_type,
        None if object_id is None else str(object_id),
        json.dumps(details, ensure_ascii=False, default=str) if details else None,
        export_id,
    ]


def record_all(cur: duckdb.DuckDBPyConnection, entries: Sequence[Sequence[Any]]) -> None:
    """Append `entries` (rows from `row`) on `cur` with one statement, in the caller's transaction."""
    insert_rows(cur, "audit_log (actor_user_id, actor_email, action, district_code, object_type,"
                " object_id, details, export_id)", entries)


def record(cur: duckdb.DuckDBPyConnection, scope: Scope, action: str, **fields: Any) -> None:
    """Append one entry on `cur`, so that it commits or rolls back with the change it records;
    `fields` are `row`'s (district, object_type, object_id, details, export_id).

    An export passes the random `export_id` written into its file, so the file leads to it.
    """
    record_all(cur, [row(scope, action, **fields)])


@dataclass(frozen=True)
class AuditFilter:
    district: str | None = None
    actor_email: str | None = None
    action: str | None = None
    since: date | None = None
    until: date | None = None
    export_id: str | None = None
    audit_id: int | None = None
    limit: int = 500


def entries(scope: Scope, flt: AuditFilter = AuditFilter()) -> list[dict[str, Any]]:
    """Audit entries matching `flt`, newest first; administrators only."""
    if not scope.has(Role.ADMIN):
        raise AccessDenied()
    with cursor() as cur:
        return _select(cur, flt)


def _select(cur: duckdb.DuckDBPyConnection, flt: AuditFilter) -> list[dict[str, Any]]:
    sql = [
        "SELECT audit_id, logged_at, actor_email, action, district_code, object_type, object_id, details,"
        " export_id"
        " FROM audit_log WHERE 1 = 1"
    ]
    params: list[Any] = []
    if flt.district:
        sql.append("AND district_code = ?")
        params.append(flt.district)
    if flt.actor_email:
        sql.append("AND lower(actor_email) = lower(?)")
        params.append(flt.actor_email.strip())
    if flt.action:
        sql.append("AND action = ?")
        params.append(flt.action)
    if flt.export_id:
        sql.append("AND export_id = ?")
        params.append(flt.export_id.strip().upper())
    if flt.since:
        sql.append("AND logged_at >= ?")
        params.append(datetime.combine(flt.since, datetime.min.time()))
    if flt.until:
        sql.append("AND logged_at < ?")
        params.append(datetime.combine(flt.until + timedelta(days=1), datetime.min.time()))
    if flt.audit_id is not None:
        sql.append("AND audit_id = ?")
        params.append(flt.audit_id)
    sql.append("ORDER BY audit_id DESC LIMIT ?")
    params.append(flt.limit)
    cur.execute(" ".join(sql), params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def entry(scope: Scope, audit_id: int) -> dict[str, Any] | None:
    """One entry by its number, for the detail view; administrators only."""
    found = entries(scope, AuditFilter(audit_id=audit_id, limit=1))
    return found[0] if found else None


EXPORT_LIMIT = 10_000


def export_entries(scope: Scope, flt: AuditFilter, kind: str) -> tuple[list[dict[str, Any]], str]:
    """The entries of `flt` (up to EXPORT_LIMIT) for a file, and its export id.

    Called when the administrator clicks: their rights are re-read and the export itself is
    logged (with the filter and the id printed in the file) before the file is built.
    """
    if kind not in ("csv", "xlsx"):
        raise ValidationError("Vælg et gyldigt filformat.")
    export_id = new_export_id()
    with transaction() as cur:
        fresh = rights.recheck(cur, scope)
        if not fresh.has(Role.ADMIN):
            raise AccessDenied()
        rows = _select(cur, replace(flt, limit=EXPORT_LIMIT))
        record(cur, fresh, "audit.export", district=flt.district, object_type="audit_log",
               details={"format": kind, "rows": len(rows),
                        "filter": {k: v for k, v in asdict(flt).items()
                                   if v not in (None, "") and k != "limit"}},
               export_id=export_id)
    return rows, export_id


def actions(scope: Scope) -> list[str]:
    """The distinct actions logged so far, for the filter menu; administrators only."""
    if not scope.has(Role.ADMIN):
        raise AccessDenied()
    with cursor() as cur:
        return [r[0] for r in cur.execute(
            "SELECT DISTINCT action FROM audit_log ORDER BY action").fetchall()]
