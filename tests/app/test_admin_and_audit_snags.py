"""The administrator's snags (issue 12, item 10): Danish, complete audit entries with a detail
view, filters in the URL and an audited export; a role form without invalid pairs; "Fjern" asks
first; the user list shows the last login."""

from __future__ import annotations

import contextlib
import csv
import io
from datetime import datetime

from streamlit.testing.v1 import AppTest

from db import audit, users
from db.cases import create_case
from model.access import Role
from model.audit_export import audit_file
from model.errors import ValidationError
from model.text import markdown_literal
from tests.app.helpers import claims_for
from tests.conftest import ROOT, id_token
from tests.unit.case_helpers import draft

CHEF = "chef@example.com"


def admin_page(member, path: str = "pages/admin.py", **params: str) -> AppTest:
    with contextlib.suppress(ValidationError):  # the second page of a test: chef exists
        member(CHEF, (Role.ADMIN, None))
    at = AppTest.from_file(str(ROOT / path), default_timeout=30)
    at.user = claims_for(CHEF)
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def test_the_role_form_offers_only_valid_pairs_and_starts_without_a_silent_district(member):
    at = admin_page(member)
    district = at.selectbox(key="assign_district_district_contact")
    assert district.value == "" and district.options[0] == "Vælg politikreds"
    assert "Hele landet (ingen politikreds)" not in district.options  # not a contact's pair
    at.text_input(key="assign_email").input("ny@example.com")
    at.button[0].click().run()
    assert at.error[0].value == markdown_literal(
        "Rollen »Kontaktperson i politikredsen« skal knyttes til én politikreds.")
    at.selectbox(key="assign_role").set_value(Role.PROJECT_LEADER).run()
    leader = at.selectbox(key="assign_district_project_leader")
    assert leader.options == ["Hele landet (ingen politikreds)"] and leader.disabled


def test_fjern_asks_before_it_revokes(member, admin_scope):
    member("a@example.com", (Role.DISTRICT_CONTACT, "NSJ"))
    at = admin_page(member)
    row = next(r for r in users.members(admin_scope) if r.email == "a@example.com")
    at.button(key=f"ctx_revoke_{row.membership_id}").click().run()
    assert ("Fjern rollen »Kontaktperson i politikredsen« (Nordsjællands Politi) fra "
            "`a@example.com`?") in at.warning[0].value
    assert row in users.members(admin_scope)  # nothing happened yet
    at.button(key=f"keep_{row.membership_id}").click().run()
    assert not at.warning and row in users.members(admin_scope)
    at.button(key=f"ctx_revoke_{row.membership_id}").click().run()
    at.button(key=f"confirm_{row.membership_id}").click().run()
    assert [s.value for s in at.success] == ["Rollen er fjernet."]
    assert all(r.email != "a@example.com" for r in users.members(admin_scope))


def test_the_user_list_shows_the_last_login(member, admin_scope):
    member("a@example.com", (Role.DISTRICT_CONTACT, "NSJ"))
    users.resolve_login(id_token("sub-a", "a@example.com"))
    at = admin_page(member)
    shown = " ".join(m.value for m in at.markdown)
    assert "**`a@example.com`**  \n_Sidst logget ind " in shown
    assert next(r for r in users.members(admin_scope) if r.email == "a@example.com").last_login


def contact_with_case(member) -> str:
    member("kontakt@example.com", (Role.DISTRICT_CONTACT, "NSJ"))
    scope = users.resolve_login(id_token("sub-kontakt", "kontakt@example.com"))
    return create_case(scope, "NSJ", draft()).code


def test_audit_entries_show_danish_objects_full_ids_and_readable_details(member):
    code = contact_with_case(member)
    at = admin_page(member, "pages/audit.py")
    frame = at.dataframe[0].value
    case_row = frame[frame["Handling"] == "Sag oprettet"].iloc[0]
    assert case_row["Objekt"] == "Sag" and case_row["Objekt-id"] == code
    assert case_row["Detaljer"] == ("Modelversion: 2018 · Foreslået niveau: 3 · Valgt niveau: 3 · "
                                    "Antal tiltag: 7")
    roles = frame[frame["Handling"] == "Rolle tildelt"]
    assert set(roles["Objekt"]) == {"Rolle"}
    assert "E-mail: kontakt@example.com · Rolle: Kontaktperson i politikredsen" in set(
        roles["Detaljer"])
    assert "{" not in " ".join(frame["Detaljer"])  # no raw JSON


def test_an_entry_opens_in_full_from_the_url_and_filters_come_from_the_url(member, admin_scope):
    code = contact_with_case(member)
    users.assign(admin_scope, "b@example.com", "district_contact", "KBH")
    created = next(e for e in audit.entries(admin_scope) if e["action"] == "case.create")
    at = admin_page(member, "pages/audit.py", post=str(created["audit_id"]))
    assert at.subheader[0].value == f"Post nr. {created['audit_id']}: Sag oprettet"
    table = at.table[0].value
    assert list(table["Værdi"])[4] == f"Sag {code}"
    at = admin_page(member, "pages/audit.py", kreds="Københavns Politi")
    assert set(at.dataframe[0].value["Politikreds"]) == {"Københavns Politi"}


def test_the_audit_export_is_audited_with_its_id_and_holds_the_filtered_entries(member, admin_scope):
    contact_with_case(member)
    users.assign(admin_scope, "b@example.com", "district_contact", "KBH")
    rows, export_id = audit.export_entries(admin_scope, audit.AuditFilter(district="NSJ"), "csv")
    assert rows and {r["district_code"] for r in rows} == {"NSJ"}
    logged = audit.entries(admin_scope, audit.AuditFilter(export_id=export_id))
    assert [e["action"] for e in logged] == ["audit.export"]
    text = audit_file("csv", rows, {"NSJ": "Nordsjællands Politi"}, "Revisionslog", export_id
                      ).decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert export_id in lines[0][0]
    assert lines[1][:4] == ["Nr.", "Tidspunkt", "Bruger", "Handling"]
    assert all(line[4] == "Nordsjællands Politi" for line in lines[2:])


def test_a_cell_that_would_run_as_a_formula_is_written_as_text():
    entry = {"audit_id": 1, "logged_at": datetime(2026, 1, 1), "actor_email":
             "=cmd|' /C calc'!A0", "action": "x", "district_code": None, "object_type": None,
             "object_id": "+1", "export_id": None, "details": None}
    lines = list(csv.reader(io.StringIO(audit_file("csv", [entry], {}, "h", "ID").decode(
        "utf-8-sig")), delimiter=";"))
    assert lines[2][2].startswith("'=") and lines[2][6] == "'+1"
