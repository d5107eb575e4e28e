"""The router offers each role its pages, refuses the rest, and gates login, expiry and membership."""

from __future__ import annotations

import pytest

from model.access import PAGES, Role, pages_for
from tests.app.helpers import claims_for, run_page

ROLE_USERS = {
    Role.DISTRICT_CONTACT: ("kontakt@example.com", "NSJ"),
    Role.PROJECT_LEADER: ("leder@example.com", None),
    Role.COURSE_ORGANISER: ("kursus@example.com", "FYN"),
    Role.ADMIN: ("chef@example.com", None),
}


def texts(at) -> str:
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info",
                                  "warning", "error", "success") for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


def test_district_contact_sees_landing_page_with_own_district(member):
    member("kontakt@example.com", (Role.DISTRICT_CONTACT, "NSJ"))
    member("kollega@example.com", (Role.DISTRICT_CONTACT, "NSJ"))
    member("fremmed@example.com", (Role.DISTRICT_CONTACT, "KBH"))
    at = run_page("app.py", claims_for("kontakt@example.com"))
    assert not at.exception
    shown = texts(at) + str(at.dataframe[0].value.to_dict())
    assert "Nordsjællands Politi" in shown
    assert "kollega@example.com" in shown
    assert "fremmed@example.com" not in shown
    assert "Københavns Politi" not in shown


@pytest.mark.parametrize("role", list(Role))
def test_each_role_can_open_its_pages_and_no_other(member, role):
    email, district = ROLE_USERS[role]
    member(email, (role, district))
    at = run_page("app.py", claims_for(email))
    allowed = {p.path for p in pages_for({role})}
    for page in PAGES:
        if page.path not in allowed:
            with pytest.raises(ValueError):
                at.switch_page(page.path)
    for path in sorted(allowed):
        at = run_page("app.py", claims_for(email))
        at.switch_page(path).run()
        assert not at.exception, path
        assert "Du har ikke adgang" not in texts(at)


@pytest.mark.parametrize("page", [p for p in PAGES if p.key != "home"], ids=lambda p: p.key)
def test_a_page_opened_directly_by_a_role_without_access_refuses(member, page):
    outsider = next(r for r in Role if r not in page.roles)
    email, district = ROLE_USERS[outsider]
    member(email, (outsider, district))
    at = run_page(page.path, claims_for(email))
    assert "Du har ikke adgang til denne side." in texts(at)


def test_a_user_without_membership_sees_whom_to_ask_and_nothing_else(fresh_db):
    at = run_page("app.py", claims_for("ny@example.com"))
    shown = texts(at)
    assert "Du har endnu ikke adgang" in shown
    assert "ny@example.com" in shown
    with pytest.raises(ValueError):
        at.switch_page("pages/home.py")


def test_an_expired_token_sends_the_user_back_to_login(member):
    member("kontakt@example.com", (Role.DISTRICT_CONTACT, "NSJ"))
    at = run_page("app.py", claims_for("kontakt@example.com", expires_in=-60))
    assert "Din session er udløbet" in texts(at)
    assert [b.label for b in at.button] == ["Log ind igen"]
    with pytest.raises(ValueError):
        at.switch_page("pages/triage.py")


def test_an_expired_token_is_refused_by_the_page_itself(member):
    member("kontakt@example.com", (Role.DISTRICT_CONTACT, "NSJ"))
    at = run_page("pages/home.py", claims_for("kontakt@example.com", expires_in=-60))
    assert "Din session er udløbet" in texts(at)
    assert "Nordsjællands Politi" not in texts(at)


def test_an_anonymous_visitor_sees_only_the_login_button(fresh_db):
    at = run_page("app.py", None)
    assert [b.label for b in at.button] == ["Log ind"]
    with pytest.raises(ValueError):
        at.switch_page("pages/home.py")
