"""Attack (issue 8, item 6): Markdown injection. Links and remote images typed into a course's
place or trainers, a case note, or an uploaded sheet's cells (shown back in import errors), and an
e-mail address from the login provider, were rendered: a remote "image" was fetched by the
browser of whoever looked. Each surface is driven here as a page (AppTest) and the Markdown it
sends is judged; tests/security/test_markdown_in_browser.py checks the same in Chromium.

Text typed today is refused by the identifier screen, and the refusal quotes it: that quote is a
surface too. Text stored before the screen existed (or by any other path) is shown as text.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from db.cases import create_case
from db.connection import transaction
from model.access import Role
from tests.app.helpers import claims_for, run_page
from tests.conftest import ROOT
from tests.security.actors import logged_in, root_admin
from tests.security.markdown import (
    BARE,
    DIRECTIVES,
    HTML,
    IMAGE,
    LINK,
    assert_in_code_span,
    assert_shown_as_text,
)
from tests.unit.case_helpers import draft

ORGANISER = "kursus.nsj@example.com"
CONTACT = "kontakt.nsj@example.com"
ATTACKS = [IMAGE, LINK, HTML, BARE, DIRECTIVES]


def stored_course(place: str, trainers: str) -> None:
    """A course saved before the screen existed (or by any other path): written as the table holds it."""
    starts = datetime.combine(date.today() + timedelta(days=30), time(9))
    with transaction() as cur:
        cur.execute("INSERT INTO courses (district_code, starts_at, place, capacity, trainers,"
                    " model_version, status, submission_id, created_by)"
                    " VALUES ('NSJ', ?, ?, 20, ?, '2018', 'planned', 'legacy-1', 0)",
                    [starts, place, trainers])


@pytest.fixture
def organiser(fresh_db):
    return logged_in(root_admin(), ORGANISER, Role.COURSE_ORGANISER, "NSJ").scope


@pytest.mark.parametrize("typed", ATTACKS)
def test_markdown_stored_in_a_course_place_and_trainers_is_shown_as_text(organiser, typed):
    stored_course(f"Politigården {typed}", f"Projektgruppen {typed}")
    at = run_page("pages/courses.py", claims_for(ORGANISER))
    assert not at.exception
    [heading] = [h.value for h in at.header if "Politigården" in h.value]
    assert_shown_as_text(heading, f"Politigården {typed}")
    [caption] = [c.value for c in at.caption if "Undervisere" in c.value]
    assert_shown_as_text(caption, f"Projektgruppen {typed}")


@pytest.mark.parametrize("typed", [IMAGE, LINK, BARE])
def test_a_remote_image_or_link_typed_as_a_course_place_is_refused_and_quoted_as_text(organiser,
                                                                                        typed):
    at = run_page("pages/courses.py", claims_for(ORGANISER))
    tab = next(t for t in at.tabs if t.label == "Opret kursus")
    next(t for t in tab.text_input if t.label == "Sted").set_value(typed)
    next(t for t in tab.text_input if t.label.startswith("Undervisere")).set_value(typed)
    next(d for d in tab.date_input if d.label == "Dato").set_value(date.today() + timedelta(30))
    next(b for b in tab.button if b.label == "Opret kursus").click()
    at.run()
    assert not at.exception and not at.success
    [error] = [e.value for e in at.error]
    assert_shown_as_text(error, "https://evil.example")


def test_markdown_stored_in_a_case_note_is_shown_as_text_on_the_follow_up_page(fresh_db):
    contact = logged_in(root_admin(), CONTACT, Role.DISTRICT_CONTACT, "NSJ").scope
    code = create_case(contact, "NSJ", draft()).code
    with transaction() as cur:  # a note saved before the screen existed
        cur.execute("UPDATE cases SET note = ? WHERE case_code = ?", [" ".join(ATTACKS), code])
    at = AppTest.from_file(str(ROOT / "pages/cases.py"), default_timeout=30)
    at.user = claims_for(CONTACT)
    at.query_params["sag"] = code
    at.run()
    assert not at.exception
    [note] = [c.value for c in at.caption if c.value.startswith("Bemærkning")]
    assert_shown_as_text(note, " ".join(ATTACKS))


def test_a_link_typed_into_a_case_note_is_refused_and_quoted_as_text(fresh_db):
    logged_in(root_admin(), CONTACT, Role.DISTRICT_CONTACT, "NSJ")
    at = run_page("pages/triage.py", claims_for(CONTACT))
    at.selectbox(key="t_age").set_value("16_17")
    at.selectbox(key="t_nudity").set_value("nude")
    at.selectbox(key="t_institution").set_value("gymnasium")
    at.run()
    at.text_input(key="t_note").input(f"se {IMAGE} og {LINK}").run()
    at = next(b for b in at.button if b.label == "Gem sag").click().run()
    assert not at.exception and not at.success
    [error] = [e.value for e in at.error]
    assert_shown_as_text(error, "https://evil.example/a.png")


def test_markdown_in_an_uploaded_sheets_cells_is_shown_as_text_in_the_import_errors(organiser):
    stored_course("Politigården, Helsingør", "Projektgruppen")
    sheet = ("Navn;E-mail;Rolle\r\n"
             f"Anne Andersen;{IMAGE};Studievejleder\r\n"
             f"Bo Berg;bo@example.com;{LINK}\r\n"
             f"Cai Carl;cai@example.com;{DIRECTIVES}\r\n").encode()
    at = run_page("pages/courses.py", claims_for(ORGANISER))
    at.file_uploader[0].set_value(("tilmelding.csv", sheet, "text/csv"))
    at.run()
    assert not at.exception
    [error] = [e.value for e in at.error if "Der er fejl i filen" in e.value]
    for line in error.split("\n")[2:]:
        assert line.startswith("- Linje ")
    for typed in (IMAGE, LINK, DIRECTIVES):
        assert_shown_as_text(error.split("\n", 2)[2], typed)


def test_markdown_in_the_login_email_is_shown_verbatim_in_a_code_span(fresh_db):
    email = f"ny{IMAGE}@example.com"
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.user = claims_for(email)
    at.run()
    assert not at.exception
    [info] = [i.value for i in at.info]
    assert_in_code_span(info, email)
