"""The follow-up page: the own district's cases only, ticking measures, closing, conflicts."""

from __future__ import annotations

from datetime import date

from streamlit.testing.v1 import AppTest

from db.case_queries import get_case
from db.case_updates import update_follow_up
from db.cases import create_case
from db.users import resolve_login
from model.access import Role
from model.follow_up import FollowUp
from model.months import add_months
from model.text import markdown_literal
from tests.app.helpers import claims_for
from tests.conftest import ROOT, id_token
from tests.unit.case_helpers import draft

CONTACT = "kontakt.nsj@example.com"
COLLEAGUE = "kollega.nsj@example.com"
OTHER = "kontakt.kbh@example.com"
# What the page shows: the message as literal Markdown (see model.text.markdown_literal).
NOT_FOUND = markdown_literal("Sagen findes ikke, eller du har ikke adgang til den. Tjek sagsnummeret.")


def scope_for(email: str):
    return resolve_login(id_token(f"sub-{email}", email))


def saved_case(email: str = CONTACT, district: str = "NSJ", months_ago: int = 0) -> str:
    month = add_months(date.today().replace(day=1), -months_ago)
    return create_case(scope_for(email), district, draft(month=month)).code


def open_page(email: str, code: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages/cases.py"), default_timeout=30)
    at.user = claims_for(email)
    if code:
        at.query_params["sag"] = code
    return at.run()


def listed(at: AppTest) -> list[str]:
    return list(at.dataframe[0].value["Sagsnummer"]) if at.dataframe else []


def test_a_contact_sees_the_own_districts_cases_only(member):
    member(CONTACT, (Role.DISTRICT_CONTACT, "NSJ"))
    member(OTHER, (Role.DISTRICT_CONTACT, "KBH"))
    own, theirs = saved_case(), saved_case(OTHER, "KBH")
    at = open_page(CONTACT)
    assert not at.exception
    assert listed(at) == [own]
    assert listed(open_page(OTHER)) == [theirs]


def test_the_url_opens_a_case_and_ticking_a_measure_saves_it(member):
    member(CONTACT, (Role.DISTRICT_CONTACT, "NSJ"))
    code = saved_case()
    at = open_page(CONTACT, code)
    assert at.header[0].value == f"Sag {code}"
    at.radio(key=f"f_{code}_1_m_care_and_normalisation").set_value("done")
    at = at.button(key="FormSubmitter:" + f"f_{code}_1_form-Gem opfølgning").click().run()
    assert at.success[0].value == "Opfølgningen er gemt."
    case = get_case(scope_for(CONTACT), code)
    assert {m.key: m.status for m in case.measures}["care_and_normalisation"] == "done"
    assert case.row_version == 2


def test_another_districts_code_gets_the_same_message_as_an_unknown_code(member):
    member(CONTACT, (Role.DISTRICT_CONTACT, "NSJ"))
    member(OTHER, (Role.DISTRICT_CONTACT, "KBH"))
    theirs = saved_case(OTHER, "KBH")
    other = open_page(CONTACT, theirs)
    unknown = open_page(CONTACT, "NSJ-2031-0042")
    assert [e.value for e in other.error] == [e.value for e in unknown.error] == [NOT_FOUND]
    assert theirs not in str([s.value for s in other.header])


def test_a_code_typed_in_the_search_field_is_scoped_too(member):
    member(CONTACT, (Role.DISTRICT_CONTACT, "NSJ"))
    member(OTHER, (Role.DISTRICT_CONTACT, "KBH"))
    theirs = saved_case(OTHER, "KBH")
    at = open_page(CONTACT)
    at = at.text_input(key="f_find").input(theirs.lower()).run()
    assert [e.value for e in at.error] == [NOT_FOUND]


def test_a_colleagues_change_in_between_is_a_conflict_not_an_overwrite(member):
    member(CONTACT, (Role.DISTRICT_CONTACT, "NSJ"))
    member(COLLEAGUE, (Role.DISTRICT_CONTACT, "NSJ"))
    code = saved_case()
    at = open_page(CONTACT, code)
    update_follow_up(scope_for(COLLEAGUE), code, 1, FollowUp({"care_and_normalisation": "done"}))
    at.radio(key=f"f_{code}_1_m_care_and_normalisation").set_value("not_relevant")
    at = at.button(key=f"FormSubmitter:f_{code}_1_form-Gem opfølgning").click().run()
    assert not at.exception
    assert "En kollega har gemt sagen" in at.error[0].value
    case = get_case(scope_for(CONTACT), code)
    assert {m.key: m.status for m in case.measures}["care_and_normalisation"] == "done"
    assert at.radio(key=f"f_{code}_2_m_care_and_normalisation").value == "done"  # theirs shown


def test_after_a_conflict_the_users_changes_are_named_and_can_be_put_back_and_saved(member):
    member(CONTACT, (Role.DISTRICT_CONTACT, "NSJ"))
    member(COLLEAGUE, (Role.DISTRICT_CONTACT, "NSJ"))
    code = saved_case()
    at = open_page(CONTACT, code)
    update_follow_up(scope_for(COLLEAGUE), code, 1, FollowUp(
        {"care_and_normalisation": "done", "contact_passive_offenders": "done"},
        takedowns={"snapchat": "requested"}))
    at.radio(key=f"f_{code}_1_m_care_and_normalisation").set_value("not_relevant")
    at.radio(key=f"f_{code}_1_m_contact_police_resource_person").set_value("done")
    at = at.button(key=f"FormSubmitter:f_{code}_1_form-Gem opfølgning").click().run()
    shown = "\n".join(m.value for m in at.markdown)
    assert "Tiltag 2. " in shown and "»Planlagt« → »Udført«" in shown  # the user's unsaved choice
    assert "»Planlagt« → »Ikke relevant« (kollegaen valgte »Udført«)" in shown
    assert "Anmodning til Snapchat: »Ikke anmodet« → »Anmodet, afventer svar«" in shown
    at = at.button(key=f"f_{code}_reapply").click().run()
    assert "Dine ændringer er sat ind i formularen" in at.info[0].value
    assert at.radio(key=f"f_{code}_2r_m_care_and_normalisation").value == "not_relevant"
    assert at.radio(key=f"f_{code}_2r_m_contact_police_resource_person").value == "done"
    assert at.radio(key=f"f_{code}_2r_m_contact_passive_offenders").value == "done"  # theirs kept
    at = at.button(key=f"FormSubmitter:f_{code}_2r_form-Gem opfølgning").click().run()
    assert at.success[0].value == "Opfølgningen er gemt."
    case = get_case(scope_for(CONTACT), code)
    assert {m.key: m.status for m in case.measures if m.status != "planned"} == {
        "care_and_normalisation": "not_relevant", "contact_police_resource_person": "done",
        "contact_passive_offenders": "done"}
    assert case.takedowns["snapchat"] == "requested" and case.police_consulted
    assert not at.error and not at.info  # nothing pending any more


def test_closing_and_reopening_a_case(member):
    member(CONTACT, (Role.DISTRICT_CONTACT, "NSJ"))
    code = saved_case()
    at = open_page(CONTACT, code)
    at = at.button(key=f"f_{code}_1_close").click().run()
    assert at.success[0].value == "Sagen er lukket."
    assert get_case(scope_for(CONTACT), code).status == "closed"
    assert listed(at) == []  # the default filter shows open cases
    at.selectbox(key="f_status").set_value("closed").run()
    assert listed(at) == [code]
    at = at.button(key=f"f_{code}_2_reopen").click().run()
    assert get_case(scope_for(CONTACT), code).status == "open"


def test_the_overdue_filter_shows_cases_with_overdue_measures(member):
    member(CONTACT, (Role.DISTRICT_CONTACT, "NSJ"))
    late, fresh = saved_case(months_ago=2), saved_case()
    at = open_page(CONTACT)
    assert listed(at) == [fresh, late]
    at.toggle(key="f_overdue").set_value(True).run()
    assert listed(at) == [late]
    assert at.dataframe[0].value["Forfaldne tiltag"].tolist() == [4]


def test_a_project_leader_cannot_open_the_follow_up_page(member):
    member("leder@example.com", (Role.PROJECT_LEADER, None))
    at = open_page("leder@example.com")
    assert [e.value for e in at.error] == ["Du har ikke adgang til denne side."]
