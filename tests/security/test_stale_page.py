"""Attack through the page itself: a page drawn while the user still had the right, then a click.
Streamlit runs the button's callback at the start of the next run with the scope captured when the
page was drawn; the write must still be refused, and the page must say so in Danish."""

from __future__ import annotations

import time

import pytest
from streamlit.testing.v1 import AppTest

from db import rights, users
from db.cases import create_case
from db.connection import cursor
from model.access import Role
from model.errors import SessionEnded
from tests.app.helpers import claims_for
from tests.conftest import ROOT
from tests.security.actors import logged_in, root_admin
from tests.unit.case_helpers import draft

CONTACT = "kontakt.nsj@example.com"


@pytest.fixture
def drawn(fresh_db):
    """(admin, contact, case code, the follow-up page drawn for the contact with the case open)."""
    admin = root_admin()
    contact = logged_in(admin, CONTACT, Role.DISTRICT_CONTACT, "NSJ", issued_ago=60)
    code = create_case(contact.scope, "NSJ", draft()).code
    at = AppTest.from_file(str(ROOT / "pages/cases.py"), default_timeout=30)
    at.user = claims_for(CONTACT, issued_ago=60)
    at.query_params["sag"] = code
    at.run()
    assert at.header[0].value == f"Sag {code}"
    return admin, contact, code, at


def status_of(code: str) -> str:
    with cursor() as cur:
        return cur.execute("SELECT status FROM cases WHERE case_code = ?", [code]).fetchone()[0]


def close(at: AppTest, code: str) -> AppTest:
    return at.button(key=f"f_{code}_1_close").click().run()


def test_a_click_after_the_role_was_revoked_closes_nothing(drawn):
    admin, contact, code, at = drawn
    users.revoke(admin, contact.membership_id)
    at = close(at, code)
    assert "Sagen er lukket." not in [s.value for s in at.success]
    assert status_of(code) == "open"


def test_a_click_after_logout_in_another_tab_closes_nothing(drawn):
    _, contact, code, at = drawn
    users.record_logout(contact.scope)
    at = close(at, code)
    assert "Sagen er lukket." not in [s.value for s in at.success]
    assert [w.value for w in at.warning] == [SessionEnded.default_message]
    assert status_of(code) == "open"
    with pytest.raises(SessionEnded):  # the old session is over in every tab
        users.resolve_login(claims_for(CONTACT, issued_ago=60))


def test_a_click_after_the_token_expired_closes_nothing(drawn, monkeypatch):
    _, _, code, at = drawn
    later = time.time() + 2 * 3600  # the token (1 h) has expired by the time of the click
    monkeypatch.setattr(rights.time, "time", lambda: later)
    at = close(at, code)
    assert "Sagen er lukket." not in [s.value for s in at.success]
    monkeypatch.undo()
    assert status_of(code) == "open"
