"""The administrator maintains the contacts printed on the handling plans, in Danish."""

from __future__ import annotations

from db import help_contacts
from model.access import Role
from model.text import markdown_literal
from tests.app.helpers import claims_for, run_page

CHEF = "chef@example.com"


def test_an_administrator_adds_a_local_contact_and_removes_it_after_confirming(member, admin_scope):
    member(CHEF, (Role.ADMIN, None))
    at = run_page("pages/help_contacts.py", claims_for(CHEF))
    at.selectbox(key="contacts_for").set_value("NSJ").run()
    at.text_input(key="new_NSJ_name").input("SSP Helsingør")
    at.text_input(key="new_NSJ_phone").input("49 28 00 00")
    at.button(key="FormSubmitter:new_contact_NSJ-Tilføj").click().run()
    assert [s.value for s in at.success] == ["»SSP Helsingør« er tilføjet."]
    [saved] = help_contacts.listed(admin_scope, "NSJ")
    at.button(key=f"remove_{saved.contact_id}").click().run()
    assert help_contacts.listed(admin_scope, "NSJ") == [saved]  # asks first
    at.button(key=f"remove_yes_{saved.contact_id}").click().run()
    assert help_contacts.listed(admin_scope, "NSJ") == []


def test_a_bad_entry_gets_a_danish_message(member, admin_scope):
    member(CHEF, (Role.ADMIN, None))
    at = run_page("pages/help_contacts.py", claims_for(CHEF))
    at.text_input(key="new__phone").input("ring 112")
    at.button(key="FormSubmitter:new_contact_-Tilføj").click().run()
    assert markdown_literal("Skriv navnet på kontakten eller hjælpelinjen.") in at.error[0].value
    assert help_contacts.listed(admin_scope, None) == []


def test_a_contact_cannot_open_the_page(member):
    member("kontakt@example.com", (Role.DISTRICT_CONTACT, "NSJ"))
    at = run_page("pages/help_contacts.py", claims_for("kontakt@example.com"))
    assert [e.value for e in at.error] == ["Du har ikke adgang til denne side."]
