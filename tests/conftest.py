"""Shared fixtures: a fresh, migrated database per test and scopes for each role."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from db import connection
from db.migrate import migrate
from model.access import Membership, Role, Scope

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def fresh_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A migrated, empty database file of this test's own; the connection is closed afterwards."""
    path = tmp_path / "test.duckdb"
    monkeypatch.setenv("HMD_DB_PATH", str(path))
    connection.configure(path)
    migrate()
    yield path
    connection.close()


def scope_of(user_id: int, email: str, *memberships: tuple[Role, str | None]) -> Scope:
    """A Scope built directly (no database row), for testing scoped queries."""
    return Scope(user_id, email, tuple(Membership(r, d) for r, d in memberships))


@pytest.fixture
def admin_scope() -> Scope:
    return scope_of(9001, "admin@example.com", (Role.ADMIN, None))


@pytest.fixture
def member(fresh_db: Path, admin_scope: Scope):
    """Create a user with the given memberships (invitation by e-mail); returns nothing."""
    from db.users import assign

    def _make(email: str, *memberships: tuple[Role, str | None]) -> None:
        for role, district in memberships:
            assign(admin_scope, email, role.value, district)

    return _make
