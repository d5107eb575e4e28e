"""Shared fixtures: a fresh, migrated database per test and scopes for each role.

A scope acts only for a user who exists: every write re-reads the actor's memberships in its own
transaction (db/rights.py). So `scope_of` builds a scope with a live test login, and `fresh_db`
creates, in the new database, the user and memberships of every scope the test module holds at
module level; a scope made inside a test (after `fresh_db`) is created at once.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from db import connection
from db.migrate import migrate
from model.access import Membership, Role, Scope
from model.session import Session

# Property tests draw the same examples in every run (CI must not meet a new example by chance);
# a failure found once stays a test case of its own.
settings.register_profile("deterministic", derandomize=True)
settings.load_profile("deterministic")

pytest_plugins = ["tests.e2e.browser"]  # the browser and page fixtures, one Playwright per run

ROOT = Path(__file__).resolve().parent.parent
TEST_ISSUER = "https://issuer.test"
os.environ.setdefault("HMD_TRUSTED_ISSUERS", TEST_ISSUER)

_db_ready = False


def test_session(email: str, *, issued_at: float | None = None) -> Session:
    """A login from the test issuer, issued now (or at `issued_at`), valid for an hour."""
    issued = int(time.time() if issued_at is None else issued_at)
    return Session(TEST_ISSUER, f"sub-{email}", issued, issued + 3600)


def id_token(sub: str, email: str | None, *, issuer: str = TEST_ISSUER, verified: bool = True,
             issued_ago: float = 0, expires_in: float = 3600) -> dict[str, Any]:
    """ID-token claims as a provider issues them (what `st.user` carries after a login)."""
    now = time.time()
    claims: dict[str, Any] = {"iss": issuer, "sub": sub, "email_verified": verified,
                              "iat": int(now - issued_ago), "exp": int(now + expires_in)}
    if email is not None:
        claims["email"] = email
    return claims


def add_user(scope: Scope) -> None:
    """Create the scope's user (bound to its test login) and memberships in the open database."""
    from db.connection import transaction

    with transaction() as cur:  # again for the same scope (hypothesis reruns): same rows
        cur.execute("INSERT INTO users (user_id, email, issuer, subject) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT DO NOTHING",
                    [scope.user_id, scope.email, TEST_ISSUER, f"sub-{scope.email}"])
        cur.execute("DELETE FROM memberships WHERE user_id = ?", [scope.user_id])
        for m in scope.memberships:
            cur.execute("INSERT INTO memberships (user_id, role, district_code) VALUES (?, ?, ?)",
                        [scope.user_id, m.role.value, m.district])


def scope_of(user_id: int, email: str, *memberships: tuple[Role, str | None]) -> Scope:
    """A scope with a live test login; its user exists in the test's database (see module doc)."""
    scope = Scope(user_id, email, tuple(Membership(r, d) for r, d in memberships),
                  session=test_session(email))
    if _db_ready:
        add_user(scope)
    return scope


@pytest.fixture
def fresh_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
             request: pytest.FixtureRequest) -> Iterator[Path]:
    """A migrated database file of this test's own, holding the users of the module's scopes."""
    global _db_ready
    path = tmp_path / "test.duckdb"
    monkeypatch.setenv("HMD_DB_PATH", str(path))
    connection.configure(path)
    migrate()
    module_scopes = {v.user_id: v for v in vars(request.module).values()
                     if isinstance(v, Scope) and v.user_id != 0}
    for scope in module_scopes.values():
        add_user(scope)
    _db_ready = True
    yield path
    _db_ready = False
    connection.close()


@pytest.fixture
def admin_scope(fresh_db: Path) -> Scope:
    return scope_of(9001, "admin@example.com", (Role.ADMIN, None))


@pytest.fixture
def member(fresh_db: Path, admin_scope: Scope):
    """Create a user with the given memberships (invitation by e-mail); returns nothing."""
    from db.users import assign

    def _make(email: str, *memberships: tuple[Role, str | None]) -> None:
        for role, district in memberships:
            assign(admin_scope, email, role.value, district)

    return _make
