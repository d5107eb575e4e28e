"""Users, their memberships (role per district) and the identity of a logged-in user.

A user is keyed by the OIDC (issuer, subject); the e-mail is the handle an administrator invites by.
An invitation is a user row without subject, bound to the first login from a trusted issuer whose
provider has verified that it presents the invited address.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb

from db import audit, rights
from db.collation import collate_da
from db.connection import cursor, reading, transaction
from db.districts import is_district
from db.read_cache import until_change
from model.access import DISTRICT_REQUIRED, NATIONWIDE_ONLY, ROLE_LABELS, Role, Scope
from model.email import email_key, normalise_email
from model.errors import AccessDenied, ConflictError, NotFound, StorageError, ValidationError
from model.session import Session, email_verified

SYSTEM = Scope(user_id=rights.INTERNAL_USER_ID, email="system")


@dataclass(frozen=True)
class MemberRow:
    membership_id: int
    user_id: int
    email: str
    role: Role
    district: str | None
    logged_in: bool
    last_login: datetime | None = None


def _bind_invitation(cur: duckdb.DuckDBPyConnection, claims: Mapping[str, Any],
                     session: Session) -> tuple[int, str, bool] | None:
    """Bind the pending invitation for the login's address, if the provider verified it."""
    address = claims.get("email")
    if not isinstance(address, str) or not address.strip() or not email_verified(claims):
        return None
    row = cur.execute("SELECT user_id, email FROM users WHERE email = ? AND subject IS NULL",
                      [email_key(address)]).fetchone()
    if row is None:
        return None
    cur.execute("UPDATE users SET issuer = ?, subject = ?, last_login_at = current_timestamp"
                " WHERE user_id = ?",
                [session.issuer, session.subject, row[0]])
    audit.record(cur, Scope(row[0], row[1]), "user.first_login", object_type="user",
                 object_id=row[0], details={"issuer": session.issuer, "subject": session.subject})
    return row[0], row[1], True


def resolve_login(claims: Mapping[str, Any]) -> Scope | None:
    """The scope of the logged-in user whose ID-token `claims` these are; None without access.

    Only logins from a trusted issuer count. A known (issuer, subject) is that user; otherwise a
    pending invitation is bound when the provider says the address is verified (compared after
    NFKC and casefolding). Anything else changes nothing and returns None. SessionEnded when the
    login has expired, is older than the maximum age, or was issued before the user's last logout.
    """
    session = Session.from_claims(claims)
    if session is None or session.issuer not in rights.policy().trusted_issuers:
        return None
    rows = _login_rows(session.issuer, session.subject, session.issued_at)
    if rows:
        scope, new_login = rights.scope_from_rows(rows, session), rows[0][5]
    else:
        with transaction() as cur:
            row = _bind_invitation(cur, claims, session)
            if row is None:
                return None
            scope, new_login = rights.recheck(cur, Scope(row[0], row[1], session=session)), row[2]
    if new_login:
        _note_login(scope, session)
    return scope


@until_change
def _login_rows(issuer: str, subject: str, issued_at: int) -> tuple[tuple, ...]:
    """A known login's user, memberships and whether the login is new: one statement, no
    transaction, on every run of every page; kept until the next change (db/read_cache.py), so a
    revoked role or a logout (each a write) is read at the next run. The session's expiry and age
    are checked on every run (rights.scope_from_rows)."""
    with reading() as cur:
        return tuple(cur.execute(rights.USER_WITH_MEMBERSHIPS.format(
            extra=", l.user_id IS NULL",  # a new login: noted once; a join costs less than NOT EXISTS
            join=" LEFT JOIN user_logins l ON l.user_id = u.user_id AND l.issued_at = ?",
            where="u.issuer = ? AND u.subject = ?"), [issued_at, issuer, subject]).fetchall())


def _note_login(scope: Scope, session: Session) -> None:
    """Record a new login (its token's issue time), audited, for the administrators' user list.

    Once per login, not per page; inserts only (never the user row a logout updates). Best
    effort: two tabs of a fresh login may race, and losing this informational row must never
    refuse the user's page.
    """
    with contextlib.suppress(ConflictError, StorageError), transaction() as cur:
        cur.execute("INSERT INTO user_logins (user_id, issued_at) VALUES (?, ?)"
                    " ON CONFLICT DO NOTHING", [scope.user_id, session.issued_at])
        audit.record(cur, scope, "user.login", object_type="user", object_id=scope.user_id)


def record_logout(scope: Scope) -> None:
    """End every session of the user issued up to now: copied cookies and other tabs included.

    Tokens issued in the second of the logout are refused too (`iat` has whole seconds); a new
    login is issued after it.
    """
    with transaction() as cur:
        cur.execute("UPDATE users SET sessions_valid_from = ? WHERE user_id = ?",
                    [int(time.time()) + 1, scope.user_id])
        audit.record(cur, scope, "user.logout", object_type="user", object_id=scope.user_id)


def _require_admin(scope: Scope) -> None:
    if not scope.has(Role.ADMIN):
        raise AccessDenied()


def _admin_now(cur: duckdb.DuckDBPyConnection, scope: Scope) -> Scope:
    """The caller's rights re-read in this transaction; AccessDenied unless still administrator."""
    fresh = rights.recheck(cur, scope)
    _require_admin(fresh)
    return fresh


def _check_role_district(role: str, district: str | None) -> tuple[Role, str | None]:
    try:
        checked = Role(role)
    except ValueError as exc:
        raise ValidationError("Vælg en gyldig rolle.") from exc
    district = district or None
    if district is not None and not is_district(district):
        raise ValidationError("Den valgte politikreds findes ikke.")
    label = ROLE_LABELS[checked]
    if checked in DISTRICT_REQUIRED and district is None:
        raise ValidationError(f"Rollen »{label}« skal knyttes til én politikreds.")
    if checked in NATIONWIDE_ONLY and district is not None:
        raise ValidationError(f"Rollen »{label}« gælder hele landet; vælg ingen politikreds.")
    return checked, district


def _admin_count(cur: duckdb.DuckDBPyConnection) -> int:
    return cur.execute("SELECT count(*) FROM memberships WHERE role = 'admin'").fetchone()[0]


def _has_membership(cur, user_id: int, role: Role, district: str | None) -> bool:
    return cur.execute(
        "SELECT count(*) FROM memberships WHERE user_id = ? AND role = ?"
        " AND district_code IS NOT DISTINCT FROM ?",
        [user_id, role.value, district],
    ).fetchone()[0] > 0


def _user_for_email(cur: duckdb.DuckDBPyConnection, email: str) -> int:
    row = cur.execute("SELECT user_id FROM users WHERE email = ?", [email]).fetchone()
    if row:
        return row[0]
    return cur.execute("INSERT INTO users (email) VALUES (?) RETURNING user_id", [email]).fetchone()[0]


def assign(scope: Scope, email: str, role: str, district: str | None) -> int:
    """Give the user with `email` (invited if new) `role` in `district`; returns the membership id."""
    _require_admin(scope)
    address = normalise_email(email)
    checked, district = _check_role_district(role, district)
    with transaction() as cur:
        scope = _admin_now(cur, scope)
        user_id = _user_for_email(cur, address)
        if _has_membership(cur, user_id, checked, district):
            raise ValidationError(f"{address} har allerede rollen »{ROLE_LABELS[checked]}« her.")
        membership_id = cur.execute(
            "INSERT INTO memberships (user_id, role, district_code, created_by)"
            " VALUES (?, ?, ?, ?) RETURNING membership_id",
            [user_id, checked.value, district, scope.user_id],
        ).fetchone()[0]
        audit.record(cur, scope, "membership.assign", district=district, object_type="membership",
                     object_id=membership_id, details={"email": address, "role": checked.value})
    return membership_id


def _membership(cur, membership_id: int) -> tuple[str, str | None, str]:
    row = cur.execute(
        "SELECT m.role, m.district_code, u.email FROM memberships m JOIN users u USING (user_id)"
        " WHERE m.membership_id = ?",
        [membership_id],
    ).fetchone()
    if row is None:
        raise NotFound("Rollen findes ikke længere. Genindlæs siden.")
    return row


def change(scope: Scope, membership_id: int, role: str, district: str | None) -> None:
    """Change a membership's role or district; the last administrator cannot be changed away."""
    _require_admin(scope)
    checked, district = _check_role_district(role, district)
    with transaction() as cur:
        scope = _admin_now(cur, scope)
        old_role, old_district, email = _membership(cur, membership_id)
        if old_role == Role.ADMIN and checked != Role.ADMIN and _admin_count(cur) <= 1:
            raise ValidationError("Den sidste administrator kan ikke fjernes. Udpeg en ny først.")
        if (old_role, old_district) == (checked.value, district):
            return
        user_id = cur.execute("SELECT user_id FROM memberships WHERE membership_id = ?",
                              [membership_id]).fetchone()[0]
        if _has_membership(cur, user_id, checked, district):
            raise ValidationError(f"{email} har allerede rollen »{ROLE_LABELS[checked]}« her.")
        cur.execute("DELETE FROM memberships WHERE membership_id = ?", [membership_id])
        cur.execute(
            "INSERT INTO memberships (membership_id, user_id, role, district_code, created_by)"
            " VALUES (?, ?, ?, ?, ?)",
            [membership_id, user_id, checked.value, district, scope.user_id],
        )
        audit.record(cur, scope, "membership.change", district=district or old_district,
                     object_type="membership", object_id=membership_id,
                     details={"email": email, "from": [old_role, old_district],
                              "to": [checked.value, district]})


def revoke(scope: Scope, membership_id: int) -> None:
    """Remove a membership; the last administrator cannot be revoked."""
    _require_admin(scope)
    with transaction() as cur:
        scope = _admin_now(cur, scope)
        role, district, email = _membership(cur, membership_id)
        if role == Role.ADMIN and _admin_count(cur) <= 1:
            raise ValidationError("Den sidste administrator kan ikke fjernes. Udpeg en ny først.")
        cur.execute("DELETE FROM memberships WHERE membership_id = ?", [membership_id])
        audit.record(cur, scope, "membership.revoke", district=district, object_type="membership",
                     object_id=membership_id, details={"email": email, "role": role})


def members(scope: Scope, district: str | None = None) -> list[MemberRow]:
    """Memberships for the administration page; `district` narrows to one district's roles."""
    _require_admin(scope)
    sql = (
        "SELECT m.membership_id, u.user_id, u.email, m.role, m.district_code,"
        " u.subject IS NOT NULL, (SELECT max(l.logged_at) FROM user_logins l"
        " WHERE l.user_id = u.user_id) FROM memberships m JOIN users u USING (user_id)"
    )
    params: list[object] = []
    if district:
        sql += " WHERE m.district_code = ?"
        params.append(district)
    sql += f" ORDER BY {collate_da('u.email')}, m.role, m.district_code"
    with cursor() as cur:
        rows = cur.execute(sql, params).fetchall()
    return [MemberRow(r[0], r[1], r[2], Role(r[3]), r[4], r[5], r[6]) for r in rows]


def colleagues(scope: Scope, district: str) -> list[tuple[str, Role]]:
    """E-mail and role of everyone with a role in `district`, for members of that district."""
    if not any(m.district == district for m in scope.memberships) and not scope.has(Role.ADMIN):
        raise AccessDenied()
    with cursor() as cur:
        rows = cur.execute(
            "SELECT u.email, m.role FROM memberships m JOIN users u USING (user_id)"
            f" WHERE m.district_code = ? ORDER BY m.role, {collate_da('u.email')}",
            [district],
        ).fetchall()
    return [(email, Role(role)) for email, role in rows]


def bootstrap_admins(emails: list[str]) -> list[str]:
    """Make sure each configured e-mail holds a nationwide administrator role; returns those added."""
    added = []
    for raw in emails:
        address = normalise_email(raw)
        with transaction() as cur:
            user_id = _user_for_email(cur, address)
            if _has_membership(cur, user_id, Role.ADMIN, None):
                continue
            membership_id = cur.execute(
                "INSERT INTO memberships (user_id, role, district_code) VALUES (?, 'admin', NULL)"
                " RETURNING membership_id",
                [user_id],
            ).fetchone()[0]
            audit.record(cur, SYSTEM, "membership.bootstrap_admin", object_type="membership",
                         object_id=membership_id, details={"email": address})
        added.append(address)
    return added
