"""The administration and audit pages, driven as an administrator would."""

from __future__ import annotations

from db import audit, users
from model.access import Role
from model.text import markdown_literal
from tests.app.helpers import claims_for, run_page


def admin_page(member):
    member("chef@example.com", (Role.ADMIN, None))
    return run_page("pages/admin.py", claims_for("chef@example.com"))


def test_administrator_assigns_a_district_contact(member, admin_scope):
    at = admin_page(member)
    at.text_input[0].input("ny@example.com")
    at.selectbox[1].set_value("NSJ")
    at.button[0].click().run()
    assert not at.exception
    assert any("er tildelt `ny@example.com`" in s.value for s in at.success)
    assert ("ny@example.com", Role.DISTRICT_CONTACT, "NSJ") in {
        (r.email, r.role, r.district) for r in users.members(admin_scope)}


def test_a_bad_email_gets_a_danish_message_keeps_the_input_and_changes_nothing(member, admin_scope):
    at = admin_page(member)
    before = users.members(admin_scope)
    at.text_input[0].input("ikke en adresse")
    at.selectbox[1].set_value("NSJ")
    at.button[0].click().run()
    assert [e.value for e in at.error] == [
        markdown_literal("»ikke en adresse« er ikke en gyldig e-mailadresse.")]
    assert at.text_input[0].value == "ikke en adresse"
    assert users.members(admin_scope) == before


def test_revoking_the_last_administrator_is_refused_on_the_page(member, admin_scope):
    at = admin_page(member)  # chef and the fixture's administrator
    other = next(r for r in users.members(admin_scope) if r.email == admin_scope.email)
    at.button(key=f"ctx_revoke_{other.membership_id}").click().run()
    at.button(key=f"confirm_{other.membership_id}").click().run()
    assert not at.error
    chef = users.members(admin_scope)
    assert [r.email for r in chef] == ["chef@example.com"]
    at.button(key=f"ctx_revoke_{chef[0].membership_id}").click().run()
    at.button(key=f"confirm_{chef[0].membership_id}").click().run()
    assert any("sidste administrator" in e.value for e in at.error)
    assert users.members(admin_scope) == chef


def test_audit_log_filters_by_district(member, admin_scope):
    member("chef@example.com", (Role.ADMIN, None))
    users.assign(admin_scope, "a@example.com", "district_contact", "NSJ")
    users.assign(admin_scope, "b@example.com", "district_contact", "KBH")
    at = run_page("pages/audit.py", claims_for("chef@example.com"))
    at.selectbox[0].set_value("KBH").run()
    frame = at.dataframe[0].value
    assert list(frame["Politikreds"]) == ["Københavns Politi"]
    assert len(audit.entries(admin_scope)) >= 3
