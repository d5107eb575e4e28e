"""The course page's snags (issue 12, items 1 and 6): a new course is the one shown, whatever the
filter; every submit shows its own errors and keeps what was typed; the attendance message stays."""

from __future__ import annotations

from datetime import date, datetime, time

from db import courses, participants
from db.connection import cursor
from model.access import Role
from model.courses import CourseDraft
from model.text import markdown_literal
from pages.components.course_form import TRAINERS_LABEL
from tests.app.helpers import claims_for, run_page
from tests.app.test_course_pages import NEXT_MONTH, course_with
from tests.conftest import scope_of

NSJ = scope_of(911, "seed.nsj@example.com", (Role.COURSE_ORGANISER, "NSJ"))
KBH = scope_of(912, "seed.kbh@example.com", (Role.COURSE_ORGANISER, "KBH"))
ORGANISER = "kursus.nsj@example.com"
NATIONWIDE = "kursus@example.com"


def form_tab(at):
    return next(t for t in at.tabs if t.label == "Opret kursus")


def fill(tab, place: str = "Kulturhuset, Hillerød", trainers: str = "SSP Nord",
         capacity: int | None = None) -> None:
    next(t for t in tab.text_input if t.label == "Sted").set_value(place)
    next(t for t in tab.text_input if t.label == TRAINERS_LABEL).set_value(trainers)
    next(d for d in tab.date_input if d.label == "Dato").set_value(NEXT_MONTH.date())
    if capacity is not None:
        next(n for n in tab.number_input if n.label == "Antal pladser").set_value(capacity)


def submit(at):
    next(b for b in form_tab(at).button if b.label == "Opret kursus").click()
    return at.run()


def errors(at) -> list[str]:
    return [e.value for e in at.error]


def test_a_nationwide_organiser_filtering_another_district_is_shown_the_course_just_created(member):
    member(NATIONWIDE, (Role.COURSE_ORGANISER, None))
    course_with(KBH, "KBH", [])
    at = run_page("pages/courses.py", claims_for(NATIONWIDE))
    next(s for s in at.selectbox if s.label == "Politikreds").set_value("KBH").run()
    tab = form_tab(at)
    next(s for s in tab.selectbox if s.label == "Politikreds").set_value("NSJ")
    fill(tab, place="Nyt sted, Hillerød")
    submit(at)
    assert [s.value for s in at.success] == ["Kurset er oprettet."]
    with cursor() as cur:
        new_id = cur.execute("SELECT course_id FROM courses WHERE place = 'Nyt sted, Hillerød'"
                             ).fetchone()[0]
    assert next(s for s in at.selectbox if s.label == "Vælg kursus").value == new_id
    assert any(markdown_literal("Nyt sted, Hillerød") in h.value for h in at.header)
    at.run()  # the next click (e.g. opening "Indlæs fil") keeps it
    assert next(s for s in at.selectbox if s.label == "Vælg kursus").value == new_id


def test_each_submit_shows_its_own_errors_and_keeps_what_was_typed(member):
    member(ORGANISER, (Role.COURSE_ORGANISER, "NSJ"))
    at = run_page("pages/courses.py", claims_for(ORGANISER))
    submit(at)
    assert errors(at) == ["Ret venligst følgende:\n\n" + "\n".join(
        f"- {markdown_literal(p)}" for p in ("Skriv hvor kurset holdes.",
                                             "Skriv hvem der underviser (organisation eller funktion)."))]
    fill(form_tab(at), capacity=-1)
    submit(at)
    assert errors(at) == [markdown_literal("Antal pladser skal være mindst 1.")]
    tab = form_tab(at)
    assert next(t for t in tab.text_input if t.label == "Sted").value == "Kulturhuset, Hillerød"
    assert next(n for n in tab.number_input if n.label == "Antal pladser").value == -1
    next(n for n in tab.number_input if n.label == "Antal pladser").set_value(12)
    submit(at)
    assert not errors(at)
    assert [s.value for s in at.success] == ["Kurset er oprettet."]
    tab = form_tab(at)  # a fresh, empty form for the next course
    assert next(t for t in tab.text_input if t.label == "Sted").value == ""
    with cursor() as cur:
        assert cur.execute("SELECT capacity FROM courses").fetchall() == [(12,)]


def test_the_attendance_saved_message_stays_when_the_table_reruns_the_page(member):
    member(ORGANISER, (Role.COURSE_ORGANISER, "NSJ"))
    course_id = courses.create_course(
        NSJ, CourseDraft("NSJ", datetime.combine(date.today(), time(0, 1)), "Politigården", 10,
                         "SSP Nord", "2018"), "today")
    participants.register(NSJ, course_id, name="Åse Øst", email="aase@example.com",
                          role="studievejleder")
    at = run_page("pages/courses.py", claims_for(ORGANISER))
    next(b for b in at.button if b.label == "Gem fremmøde").click()
    at.run()
    assert [s.value for s in at.success] == ["Fremmødet er gemt (0 mødt)."]
    at.run()  # the browser's table clears its edits after a save and reruns the page by itself
    assert [s.value for s in at.success] == ["Fremmødet er gemt (0 mødt)."]
