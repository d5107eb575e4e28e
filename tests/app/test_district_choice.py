"""A user with two districts of a role chooses one explicitly, at the top of the page, and the URL
keeps the choice (issue 12, item 11)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from model.access import Role
from tests.app.helpers import claims_for
from tests.conftest import ROOT

CONTACT = "kontakt.to@example.com"
LABEL = "Politikreds, du arbejder i"


def open_triage(kreds: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages/triage.py"), default_timeout=30)
    at.user = claims_for(CONTACT)
    if kreds:
        at.query_params["kreds"] = kreds
    return at.run()


def chooser(at: AppTest):
    return next(s for s in at.main.selectbox if s.label == LABEL)


def test_nothing_is_preselected_and_the_page_waits_for_an_explicit_choice(member):
    member(CONTACT, (Role.DISTRICT_CONTACT, "NSJ"), (Role.DISTRICT_CONTACT, "KBH"))
    at = open_triage()
    assert not at.exception
    assert not at.sidebar.selectbox  # not hidden in the sidebar below "Log ud"
    assert chooser(at).value == ""  # the empty choice
    assert chooser(at).options == ["Vælg politikreds", "Nordsjællands Politi", "Københavns Politi"]
    assert "Vælg ovenfor, hvilken du vil arbejde i." in at.info[0].value
    assert not at.title  # the form is not drawn for a district nobody chose


def test_the_choice_goes_into_the_url_and_the_url_opens_with_it(member):
    member(CONTACT, (Role.DISTRICT_CONTACT, "NSJ"), (Role.DISTRICT_CONTACT, "KBH"))
    at = open_triage()
    chooser(at).set_value("KBH").run()
    assert at.query_params["kreds"] == "KBH"
    assert "Sagen registreres i Københavns Politi." in at.caption[0].value
    again = open_triage(kreds="KBH")
    assert chooser(again).value == "KBH"
    assert "Sagen registreres i Københavns Politi." in again.caption[0].value


def test_a_district_in_the_url_that_is_not_the_users_is_not_taken(member):
    member(CONTACT, (Role.DISTRICT_CONTACT, "NSJ"), (Role.DISTRICT_CONTACT, "KBH"))
    at = open_triage(kreds="FYN")
    assert chooser(at).value == ""  # the empty choice
    assert "Fyns Politi" not in " ".join(c.value for c in at.caption)
