"""The actor's rights as they are now, re-read inside the transaction of every write and export.

A page draws with the scope it resolved at the start of its run, and Streamlit runs a button's
callback at the start of the *next* run with that old scope. So a scope is a hint: each write and
export calls `recheck(cur, scope)` first, which reads the user's memberships and logout time in the
same transaction (one statement) and refuses an ended session (expired, too old, logged out) or a
user who is gone. The caller then checks the fresh scope's roles and districts.

Login policy (which issuers may bind invitations, how long a session may last) is configured here
once per process: from the environment, or by the app from its secrets at start-up.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

from model.access import Membership, Role, Scope
from model.errors import AccessDenied, DomainError, SessionEnded
from model.session import DEFAULT_MAX_AGE_SECONDS, Session, session_over

INTERNAL_USER_ID = 0  # the system's own jobs (seeding, retention); no login ever has this id


@dataclass(frozen=True)
class LoginPolicy:
    trusted_issuers: frozenset[str]
    max_age_seconds: int


def _from_environment() -> LoginPolicy:
    issuers = frozenset(i.strip() for i in os.environ.get("HMD_TRUSTED_ISSUERS", "").split(",")
                        if i.strip())
    hours = os.environ.get("HMD_SESSION_MAX_HOURS", "").strip()
    return LoginPolicy(issuers, int(float(hours) * 3600) if hours else DEFAULT_MAX_AGE_SECONDS)


_configured: LoginPolicy | None = None


def configure(*, trusted_issuers: set[str] | frozenset[str] | None = None,
              max_age_seconds: int | None = None) -> LoginPolicy:
    """Set the process's login policy; what is not given comes from the environment."""
    global _configured
    env = _from_environment()
    _configured = LoginPolicy(
        frozenset(trusted_issuers) | env.trusted_issuers if trusted_issuers else env.trusted_issuers,
        max_age_seconds or env.max_age_seconds)
    return _configured


def policy() -> LoginPolicy:
    return _configured or _from_environment()


# A user and their memberships in one statement (one row per membership; one row with a NULL role
# for a user without any): the rights of a write are re-read with one query, and a page's login
# with one (db/users.py), each a consistent snapshot of both tables. `{extra}`: more columns
# (", expr"), after these five; `{join}`: a join to one row at most (" LEFT JOIN ...").
USER_WITH_MEMBERSHIPS = (
    "SELECT u.user_id, u.email, u.sessions_valid_from, m.role, m.district_code{extra} FROM users u"
    " LEFT JOIN memberships m ON m.user_id = u.user_id{join} WHERE {where}"
    " ORDER BY m.role, m.district_code")


def scope_from_rows(rows: Sequence[tuple], session: Session | None, now: float | None = None) -> Scope:
    """The scope of USER_WITH_MEMBERSHIPS's `rows` (leading columns; more may follow) for a login
    of `session`. SessionEnded for an ended login; AccessDenied when there are no rows (no user)."""
    if not rows:
        raise AccessDenied()
    user_id, email, valid_from = rows[0][:3]
    scope = Scope(user_id, email, tuple(Membership(Role(r[3]), r[4]) for r in rows if r[3]),
                  session)
    check_session(scope, valid_from, now)
    return scope


def check_session(scope: Scope, valid_from: int | None, now: float | None = None) -> None:
    """SessionEnded unless the scope's login may still act."""
    if scope.session is None or session_over(scope.session, now=time.time() if now is None else now,
                                             max_age=policy().max_age_seconds,
                                             valid_from=valid_from):
        raise SessionEnded()


def recheck(cur: duckdb.DuckDBPyConnection, scope: Scope, now: float | None = None) -> Scope:
    """The scope as it is now, read on the caller's cursor (inside its transaction).

    SessionEnded for an ended login; AccessDenied for a user who no longer exists. The system's
    own jobs (INTERNAL_USER_ID) are returned as they are.
    """
    if scope.user_id == INTERNAL_USER_ID:
        return scope
    rows = cur.execute(USER_WITH_MEMBERSHIPS.format(extra="", join="", where="u.user_id = ?"),
                       [scope.user_id]).fetchall()
    return scope_from_rows(rows, scope.session, now)


def recheck_all(cur: duckdb.DuckDBPyConnection, scopes: Sequence[Scope],
                now: float | None = None) -> list[Scope | DomainError]:
    """`recheck` for several callers at once (a group commit), in one statement whatever their
    number: each scope as it is now, or the error that refuses it."""
    ids = sorted({s.user_id for s in scopes} - {INTERNAL_USER_ID})
    rows: dict[int, list[tuple]] = {}
    for row in cur.execute(USER_WITH_MEMBERSHIPS.format(
            extra="", join="", where="list_contains(?, u.user_id)"), [ids]).fetchall() if ids else ():
        rows.setdefault(row[0], []).append(row)
    now = time.time() if now is None else now
    fresh: list[Scope | DomainError] = []
    for scope in scopes:
        if scope.user_id == INTERNAL_USER_ID:
            fresh.append(scope)
            continue
        try:
            fresh.append(scope_from_rows(rows.get(scope.user_id, []), scope.session, now))
        except DomainError as exc:
            fresh.append(exc)
    return fresh
