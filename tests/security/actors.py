"""Real actors for the attacks: users invited by an administrator and logged in through
`resolve_login` with ID-token claims, as the app does on every run."""

from __future__ import annotations

from dataclasses import dataclass

from db import users
from db.connection import cursor
from model.access import Role, Scope
from tests.conftest import id_token

ROOT_ADMIN = "root@example.com"


@dataclass(frozen=True)
class Actor:
    scope: Scope
    membership_id: int


def root_admin() -> Scope:
    """The bootstrapped first administrator, logged in."""
    users.bootstrap_admins([ROOT_ADMIN])
    scope = users.resolve_login(id_token(f"sub-{ROOT_ADMIN}", ROOT_ADMIN))
    assert scope is not None and scope.has(Role.ADMIN)
    return scope


def logged_in(admin: Scope, email: str, role: Role, district: str | None, **claims) -> Actor:
    """Invite `email` with `role`, then log them in: their scope as a page would hold it."""
    membership_id = users.assign(admin, email, role.value, district)
    scope = users.resolve_login(id_token(f"sub-{email}", email, **claims))
    assert scope is not None and scope.has(role)
    return Actor(scope, membership_id)


TABLES = ("users", "memberships", "cases", "case_measures", "case_takedowns", "courses",
          "participants", "registrations", "help_contacts", "audit_log")


def snapshot() -> dict[str, list[tuple]]:
    """Every row of the tables an action could touch: equal snapshots mean nothing changed."""
    with cursor() as cur:
        return {t: cur.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}
