"""The role -> pages table and the scope's rules, as plain data."""

from __future__ import annotations

from pathlib import Path

from model.access import PAGES, Membership, Role, Scope, may_open, pages_for

ROOT = Path(__file__).resolve().parents[2]


def keys(roles: set[Role]) -> list[str]:
    return [p.key for p in pages_for(roles)]


def test_each_role_is_offered_exactly_its_pages():
    assert keys({Role.DISTRICT_CONTACT}) == ["home", "triage", "cases", "district_stats"]
    assert keys({Role.PROJECT_LEADER}) == ["home", "national_stats", "calibration", "coverage"]
    assert keys({Role.COURSE_ORGANISER}) == ["home", "courses", "coverage"]
    assert keys({Role.ADMIN}) == ["home", "admin", "audit", "help_contacts"]


def test_a_user_without_roles_is_offered_no_page():
    assert pages_for(set()) == []


def test_roles_combine_without_duplicates():
    combined = keys({Role.DISTRICT_CONTACT, Role.COURSE_ORGANISER})
    assert len(combined) == len(set(combined))
    assert {"triage", "courses", "coverage"} <= set(combined)


def test_only_administrators_may_open_the_administration_pages():
    for role in Role:
        assert may_open({role}, "admin") == (role is Role.ADMIN)
        assert may_open({role}, "audit") == (role is Role.ADMIN)


def test_district_contacts_never_get_nationwide_statistics():
    assert not may_open({Role.DISTRICT_CONTACT}, "national_stats")
    assert not may_open({Role.DISTRICT_CONTACT}, "calibration")


def test_every_page_in_the_table_exists_and_guards_itself_with_its_own_key():
    for page in PAGES:
        source = (ROOT / page.path).read_text(encoding="utf-8")
        assert f'require_page("{page.key}")' in source, page.path


def test_scope_covers_its_districts_and_nationwide_roles():
    scope = Scope(1, "x@example.com", (Membership(Role.DISTRICT_CONTACT, "NSJ"),
                                       Membership(Role.COURSE_ORGANISER, None)))
    assert scope.covers(Role.DISTRICT_CONTACT, "NSJ")
    assert not scope.covers(Role.DISTRICT_CONTACT, "KBH")
    assert scope.covers(Role.COURSE_ORGANISER, "KBH")
    assert scope.districts(Role.DISTRICT_CONTACT) == {"NSJ"}


def test_the_router_answers_every_page_a_role_may_not_open_and_an_unknown_path_itself():
    from model.access import unavailable_paths

    contact = {Role.DISTRICT_CONTACT}
    answered = unavailable_paths(contact, "finnes-ikke")
    assert set(answered) == {p.key for p in PAGES if not may_open(contact, p.key)} | {"finnes-ikke"}
    assert "triage" not in answered and "home" not in answered
    assert unavailable_paths(contact, "cases") == unavailable_paths(contact)  # a page of theirs
    assert "a/b" not in unavailable_paths(contact, "a/b")  # not a path a page could have
