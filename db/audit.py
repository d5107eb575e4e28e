"""The append-only audit log: written inside the caller's transaction, read by administrators."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import duckdb

from db.connection import cursor
from model.access import Role, Scope
from model.errors import AccessDenied


def record(
    cur: duckdb.DuckDBPyConnection,
    scope: Scope,
    action: str,
    *,
    district: str | None = None,
    object_type: str | None = None,
    object_id: str | int | None = None,
    details: dict[str, Any] | None = None,
    export_id: str | None = None,
) -> None:
    """Append one entry on `cur`, so that it commits or rolls back with the change it records.

    An export passes the random `export_id` written into its file, so the file leads to it.
    """
    cur.execute(
        "INSERT INTO audit_log (actor_user_id, actor_email, action, district_code,"
        " object_type, object_id, details, export_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            scope.user_id,
            scope.email,
            action,
            district,
            object_type,
            None if object_id is None else str(object_id),
            json.dumps(details, ensure_ascii=False, default=str) if details else None,
            export_id,
        ],
    )


@dataclass(frozen=True)
class AuditFilter:
    district: str | None = None
    actor_email: str | None = None
    action: str | None = None
    since: date | None = None
    until: date | None = None
    export_id: str | None = None
    limit: int = 500


def entries(scope: Scope, flt: AuditFilter = AuditFilter()) -> list[dict[str, Any]]:
    """Audit entries matching `flt`, newest first; administrators only."""
    if not scope.has(Role.ADMIN):
        raise AccessDenied()
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
    sql.append("ORDER BY audit_id DESC LIMIT ?")
    params.append(flt.limit)
    with cursor() as cur:
        cur.execute(" ".join(sql), params)
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def actions(scope: Scope) -> list[str]:
    """The distinct actions logged so far, for the filter menu; administrators only."""
    if not scope.has(Role.ADMIN):
        raise AccessDenied()
    with cursor() as cur:
        return [r[0] for r in cur.execute(
            "SELECT DISTINCT action FROM audit_log ORDER BY action").fetchall()]
