"""Memberships: assignment rules, the last administrator, login binding and the audit trail."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db import audit, users
from db.connection import cursor
from model.access import Role
from model.errors import AccessDenied, ValidationError
from tests.conftest import id_token, scope_of

DISTRICTS = ["NJY", "OJY", "NSJ", "KBH", "BOR", "GRL"]


def table_counts() -> tuple[int, int, int]:
    with cursor() as cur:
        return tuple(cur.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("users", "memberships", "audit_log"))


def test_assigning_a_role_invites_the_user_and_writes_the_audit_log(fresh_db, admin_scope):
    membership_id = users.assign(admin_scope, " Kontakt@Example.com ", "district_contact", "NSJ")
    rows = users.members(admin_scope, "NSJ")
    assert [(r.email, r.role, r.district, r.logged_in) for r in rows] == [
        ("kontakt@example.com", Role.DISTRICT_CONTACT, "NSJ", False)]
    log = audit.entries(admin_scope)
    assert log[0]["action"] == "membership.assign"
    assert log[0]["object_id"] == str(membership_id)
    assert log[0]["district_code"] == "NSJ"


@pytest.mark.parametrize(("email", "role", "district", "message"), [
    ("ikke-en-mail", "district_contact", "NSJ", "ikke en gyldig e-mailadresse"),
    ("", "district_contact", "NSJ", "Skriv en e-mailadresse"),
    ("a@example.com", "district_contact", "XXX", "politikreds findes ikke"),
    ("a@example.com", "district_contact", None, "skal knyttes til én politikreds"),
    ("a@example.com", "project_leader", "NSJ", "gælder hele landet"),
    ("a@example.com", "superuser", None, "gyldig rolle"),
])
def test_invalid_assignments_are_refused_in_danish_and_change_nothing(
        fresh_db, admin_scope, email, role, district, message):
    before = table_counts()
    with pytest.raises(ValidationError, match=message):
        users.assign(admin_scope, email, role, district)
    assert table_counts() == before


def test_the_same_role_twice_is_refused(fresh_db, admin_scope):
    users.assign(admin_scope, "a@example.com", "course_organiser", None)
    before = table_counts()
    with pytest.raises(ValidationError, match="har allerede rollen"):
        users.assign(admin_scope, "A@example.com", "course_organiser", None)
    assert table_counts() == before


def test_the_last_administrator_can_be_neither_revoked_nor_changed(fresh_db, admin_scope):
    only = users.members(admin_scope)[0].membership_id  # the fixture's administrator
    before = table_counts()
    with pytest.raises(ValidationError, match="sidste administrator"):
        users.revoke(admin_scope, only)
    with pytest.raises(ValidationError, match="sidste administrator"):
        users.change(admin_scope, only, "project_leader", None)
    assert table_counts() == before
    second = users.assign(admin_scope, "deputy@example.com", "admin", None)
    users.revoke(admin_scope, only)
    assert [r.membership_id for r in users.members(admin_scope)] == [second]


def test_changing_a_membership_moves_it_and_is_audited(fresh_db, admin_scope):
    mid = users.assign(admin_scope, "a@example.com", "district_contact", "NSJ")
    users.change(admin_scope, mid, "district_contact", "KBH")
    assert [(r.membership_id, r.district) for r in users.members(admin_scope)
            if r.role == Role.DISTRICT_CONTACT] == [(mid, "KBH")]
    assert audit.entries(admin_scope)[0]["action"] == "membership.change"


def test_only_administrators_manage_memberships(fresh_db):
    contact = scope_of(5, "c@example.com", (Role.DISTRICT_CONTACT, "NSJ"))
    with pytest.raises(AccessDenied):
        users.assign(contact, "x@example.com", "admin", None)
    with pytest.raises(AccessDenied):
        users.members(contact)
    with pytest.raises(AccessDenied):
        audit.entries(contact)


def test_first_login_binds_the_invitation_and_later_logins_use_the_subject(fresh_db, admin_scope):
    users.assign(admin_scope, "a@example.com", "district_contact", "NSJ")
    first = users.resolve_login(id_token("sub-1", "A@example.com"))
    assert first is not None and first.districts(Role.DISTRICT_CONTACT) == {"NSJ"}
    again = users.resolve_login(id_token("sub-1", "changed@example.com"))
    assert again is not None and again.user_id == first.user_id
    # Another subject presenting the same e-mail does not take over the bound account.
    assert users.resolve_login(id_token("sub-2", "a@example.com")) is None


def test_an_unknown_user_resolves_to_no_scope(fresh_db):
    assert users.resolve_login(id_token("nobody", "nobody@example.com")) is None


def test_bootstrap_makes_configured_administrators_once(fresh_db):
    assert users.bootstrap_admins(["root@example.com"]) == ["root@example.com"]
    assert users.bootstrap_admins(["root@example.com"]) == []
    scope = users.resolve_login(id_token("root", "root@example.com"))
    assert scope is not None and scope.is_nationwide(Role.ADMIN)


memberships = st.lists(
    st.tuples(st.integers(0, 7), st.sampled_from(DISTRICTS)), min_size=1, max_size=14)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(memberships)
def test_district_members_see_only_their_own_districts_people(fresh_db, admin_scope, assigned):
    with cursor() as cur:
        cur.execute("DELETE FROM memberships WHERE role <> 'admin'")
    expected: dict[str, set[str]] = {d: set() for d in DISTRICTS}
    for person, district in set(assigned):
        email = f"person{person}@example.com"
        users.assign(admin_scope, email, "district_contact", district)
        expected[district].add(email)
    for person in {p for p, _ in assigned}:
        scope = users.resolve_login(id_token(f"p{person}", f"person{person}@example.com"))
        assert scope is not None
        for other in DISTRICTS:
            if other in scope.districts(Role.DISTRICT_CONTACT):
                assert {e for e, _ in users.colleagues(scope, other)} == expected[other]
            else:
                with pytest.raises(AccessDenied):
                    users.colleagues(scope, other)
