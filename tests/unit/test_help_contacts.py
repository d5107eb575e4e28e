"""Local contacts and help lines: administrators maintain them (rights re-read, audited), every
district's plan gets its own contacts and the national lines, bad input gets Danish messages."""

from __future__ import annotations

import pytest

from db import audit, help_contacts, users
from model.access import Role
from model.errors import AccessDenied, ValidationError
from model.help_contacts import HelpContact, for_plan
from tests.conftest import scope_of

CONTACT = scope_of(961, "kontakt.nsj@example.com", (Role.DISTRICT_CONTACT, "NSJ"))


def test_an_administrator_adds_changes_and_removes_entries_each_audited(admin_scope):
    local = help_contacts.save(admin_scope, HelpContact(" SSP  Helsingør ", "49 28 00 00",
                                                        district="NSJ"))
    national = help_contacts.save(admin_scope, HelpContact("Offerrådgivningen", "116 006"))
    help_contacts.save(admin_scope, HelpContact("Ungdomsrådgivningen", "", "Åben man-fre",
                                                district="KBH"))
    shown = help_contacts.contacts_for("NSJ")
    assert [(c.name, c.district) for c in shown] == [("SSP Helsingør", "NSJ"),
                                                     ("Offerrådgivningen", None)]
    help_contacts.save(admin_scope, HelpContact("SSP Helsingør", "49 28 11 11", district="NSJ",
                                                contact_id=local))
    help_contacts.remove(admin_scope, national)
    assert [(c.name, c.phone) for c in help_contacts.contacts_for("NSJ")] == [
        ("SSP Helsingør", "49 28 11 11")]
    actions = [e["action"] for e in audit.entries(admin_scope)
               if e["object_type"] == "help_contact"]
    assert actions == ["help_contact.remove", *["help_contact.save"] * 4]


def test_only_an_administrator_may_write_and_a_revoked_one_is_refused_at_once(admin_scope):
    with pytest.raises(AccessDenied):
        help_contacts.save(CONTACT, HelpContact("X", "112"))
    chef = scope_of(962, "chef@example.com", (Role.ADMIN, None))  # still holds ADMIN in hand
    revoked = next(m for m in users.members(admin_scope) if m.email == chef.email)
    users.revoke(admin_scope, revoked.membership_id)
    with pytest.raises(AccessDenied):
        help_contacts.save(chef, HelpContact("X", "112"))
    assert help_contacts.contacts_for("NSJ") == []


def test_bad_entries_get_danish_messages_and_nothing_is_saved(admin_scope):
    with pytest.raises(ValidationError) as refused:
        help_contacts.save(admin_scope, HelpContact("", "ring=112", district="NSJ"))
    assert refused.value.problems == [
        "Skriv navnet på kontakten eller hjælpelinjen.",
        "Telefonnummeret må kun have cifre, mellemrum, +, - og parenteser."]
    with pytest.raises(ValidationError):
        help_contacts.save(admin_scope, HelpContact("Et sted", "", ""))
    assert help_contacts.listed(admin_scope, "NSJ") == []


def test_the_plan_gets_the_districts_own_contacts_first_then_the_national_lines():
    entries = [HelpContact("B", "1", district=None, position=2),
               HelpContact("L", "2", district="NSJ"), HelpContact("K", "3", district="KBH"),
               HelpContact("A", "4", district=None, position=1)]
    local, national = for_plan(entries, "NSJ")
    assert [c.name for c in local] == ["L"] and [c.name for c in national] == ["A", "B"]
