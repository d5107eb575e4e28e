"""The course and coverage pages per role: each sees what their role allows and nothing more."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from db import courses, participants
from db.connection import cursor
from model.access import Role
from model.courses import CourseDraft
from pages.components.course_form import TRAINERS_LABEL
from tests.app.helpers import claims_for, run_page
from tests.conftest import scope_of

NSJ = scope_of(901, "seed.nsj@example.com", (Role.COURSE_ORGANISER, "NSJ"))
KBH = scope_of(902, "seed.kbh@example.com", (Role.COURSE_ORGANISER, "KBH"))
NEXT_MONTH = datetime.combine(date.today() + timedelta(days=30), time(9))


def course_with(scope, district: str, people: list[tuple[str, str]], capacity: int = 10) -> int:
    course_id = courses.create_course(
        scope, CourseDraft(district, NEXT_MONTH, f"Politigården {district}", capacity, "SSP Nord",
                           "2018"), f"seed-{district}")
    for name, email in people:
        participants.register(scope, course_id, name=name, email=email, role="studievejleder")
    return course_id


@pytest.fixture
def two_districts(member):
    member("kursus.nsj@example.com", (Role.COURSE_ORGANISER, "NSJ"))
    member("projektleder@example.com", (Role.PROJECT_LEADER, None))
    member("kontakt@example.com", (Role.DISTRICT_CONTACT, "NSJ"))
    course_with(NSJ, "NSJ", [("Søren Ærø", "soren@example.com")])
    course_with(KBH, "KBH", [("Karen Hemmelig", "karen.hemmelig@example.org")])


def page_text(at) -> str:
    parts = [e.value for kind in ("markdown", "caption", "header", "subheader", "title", "info",
                                  "error", "success") for e in getattr(at, kind)]
    parts += [df.value.to_csv() for df in [*at.dataframe, *at.table]]
    return " ".join(str(p) for p in parts)


def new_course_tab(at):
    return next(t for t in at.tabs if t.label == "Opret kursus")


def test_a_district_organiser_sees_own_participants_and_never_another_districts(two_districts):
    at = run_page("pages/courses.py", claims_for("kursus.nsj@example.com"))
    assert not at.exception
    text = page_text(at)
    assert "Søren Ærø" in text and "soren@example.com" in text
    assert "Karen Hemmelig" not in text and "karen.hemmelig" not in text
    assert "Politigården KBH" not in text


def test_a_project_leader_sees_coverage_but_no_names(two_districts):
    at = run_page("pages/coverage.py", claims_for("projektleder@example.com"))
    assert not at.exception and not at.error
    text = page_text(at)
    assert "Uddannede efter rolle og politikreds" in text
    assert "Søren" not in text and "Karen" not in text and "@" not in text


def test_a_project_leader_cannot_open_the_course_page(two_districts):
    at = run_page("pages/courses.py", claims_for("projektleder@example.com"))
    assert [e.value for e in at.error] == ["Du har ikke adgang til denne side."]
    assert "Søren" not in page_text(at)


def test_a_district_contact_cannot_open_coverage(two_districts):
    at = run_page("pages/coverage.py", claims_for("kontakt@example.com"))
    assert [e.value for e in at.error] == ["Du har ikke adgang til denne side."]


def test_an_organiser_creates_a_course_through_the_form(two_districts):
    at = run_page("pages/courses.py", claims_for("kursus.nsj@example.com"))
    tab = new_course_tab(at)
    next(t for t in tab.text_input if t.label == "Sted").set_value("Kulturhuset, Hillerød")
    next(t for t in tab.text_input if t.label == TRAINERS_LABEL).set_value(
        "Projektgruppen, Nordsjællands Politi")
    next(d for d in tab.date_input if d.label == "Dato").set_value(NEXT_MONTH.date())
    next(b for b in tab.button if b.label == "Opret kursus").click()
    at.run()
    assert not at.exception
    assert [s.value for s in at.success] == ["Kurset er oprettet."]
    with cursor() as cur:
        assert cur.execute("SELECT count(*) FROM courses WHERE place = 'Kulturhuset, Hillerød'"
                           " AND district_code = 'NSJ'").fetchone()[0] == 1


def test_a_course_in_the_past_is_refused_in_danish_and_not_saved(two_districts):
    at = run_page("pages/courses.py", claims_for("kursus.nsj@example.com"))
    tab = new_course_tab(at)
    next(t for t in tab.text_input if t.label == "Sted").set_value("Et sted")
    next(t for t in tab.text_input if t.label == TRAINERS_LABEL).set_value("SSP Nord")
    next(d for d in tab.date_input if d.label == "Dato").set_value(date.today() - timedelta(1))
    next(b for b in tab.button if b.label == "Opret kursus").click()
    at.run()
    assert any("fortiden" in e.value for e in at.error)
    with cursor() as cur:
        assert cur.execute("SELECT count(*) FROM courses").fetchone()[0] == 2


def test_registering_on_a_full_course_says_waiting_list(member):
    member("kursus.nsj@example.com", (Role.COURSE_ORGANISER, "NSJ"))
    course_with(NSJ, "NSJ", [("Søren Ærø", "soren@example.com")], capacity=1)
    at = run_page("pages/courses.py", claims_for("kursus.nsj@example.com"))
    next(t for t in at.text_input if t.label == "Navn").set_value("Åse Øst")
    next(t for t in at.text_input if t.label == "E-mail").set_value("aase@example.com")
    next(s for s in at.selectbox if s.label == "Rolle").set_value("ssp_konsulent")
    next(b for b in at.button if b.label == "Tilmeld").click()
    at.run()
    assert [s.value for s in at.success] == [
        "Kurset er fuldt. Deltageren står på venteliste som nr. 1."]


def test_coverage_headline_and_the_list_of_districts_without_a_course_count_the_same_12(
        two_districts):
    """The headline counts the 12 mainland districts; the list under it names only those, and
    Greenland and the Faroe Islands are told apart as outside the goal."""
    at = run_page("pages/coverage.py", claims_for("projektleder@example.com"))
    assert at.metric[0].value == "0 af 12"  # the two courses are planned, none held
    listed = next(m.value for m in at.markdown if m.value.startswith("- ")).splitlines()
    assert len(listed) == 12
    assert not [line for line in listed if "Grønland" in line or "Færø" in line]
    assert any(c.value.startswith("Uden for målet: Grønlands Politi") for c in at.caption)
