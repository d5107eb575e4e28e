"""The form to create or edit a course; the organiser's districts come from their memberships."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta

import streamlit as st

from db import courses
from db.courses import Course
from db.districts import district_names
from model.access import Scope
from model.courses import CourseDraft
from model.errors import DomainError
from model.handling_model import versions
from pages.components.session import show_error

TRAINERS_LABEL = "Undervisere (organisation eller funktion)"
PLACE_HELP = ("Bygning og by, fx »Politigården, Helsingør«. Skriv ikke links, e-mailadresser, "
              "telefonnumre eller personers navne.")
# Course texts are screened like case notes (model/privacy.py): names are refused here too.
TRAINERS_HELP = ("Skriv den organisation eller funktion, der underviser, fx »Projektgruppen, "
                 "Nordsjællands Politi« eller »SSP-konsulent, Helsingør Kommune«. Skriv ikke "
                 "personers navne, e-mailadresser eller telefonnumre.")


def _submission_id(key: str) -> str:
    """One idempotency key per filled-in form: a double click creates one course, not two."""
    state_key = f"_submission_{key}"
    if state_key not in st.session_state:
        st.session_state[state_key] = uuid.uuid4().hex
    return st.session_state[state_key]


def course_form(scope: Scope, districts: list[str], course: Course | None = None,
                form_key: str = "new_course") -> None:
    """Create a course (course None, in the form `form_key`) or edit a planned one.

    Every submit is checked again on the server, and its errors (in Danish) replace the last
    ones; the fields keep what the user typed until the course is saved. A new `form_key` (the
    page gives one after each creation) starts an empty form.
    """
    names = district_names()
    key = form_key if course is None else f"edit_{course.course_id}"
    today = date.today()
    start = course.starts_at if course else datetime.combine(today, time(9))
    with st.form(key):
        district = st.selectbox(
            "Politikreds", districts, format_func=names.get, disabled=len(districts) == 1,
            index=districts.index(course.district) if course and course.district in districts
            else 0)
        c1, c2, c3 = st.columns(3)
        day = c1.date_input("Dato", value=start.date(), format="DD.MM.YYYY",
                            min_value=min(start.date(), today) - timedelta(days=3650))
        at = c2.time_input("Starttidspunkt", value=start.time(), step=900)
        # No min/max here: the browser would refuse the submit with an English tooltip and leave
        # the last errors standing; the server's check answers in Danish instead.
        capacity = c3.number_input("Antal pladser", step=1, value=course.capacity if course else 20)
        # Hints as captions, not tooltips (Streamlit names a tooltip's button "Help for ...").
        place = st.text_input("Sted", value=course.place if course else "",
                              placeholder="F.eks. Politigården, Helsingør")
        st.caption(PLACE_HELP)
        trainers = st.text_input(TRAINERS_LABEL, value=course.trainers if course else "",
                                 placeholder="F.eks. Projektgruppen, Nordsjællands Politi")
        st.caption(TRAINERS_HELP)
        known = versions()
        version = st.selectbox("Version af håndteringsmodellen", known,
                               index=known.index(course.model_version)
                               if course and course.model_version in known else len(known) - 1)
        label = "Opret kursus" if course is None else "Gem ændringer"
        if not st.form_submit_button(label, type="primary"):
            return
    draft = CourseDraft(district, datetime.combine(day, at), place,
                        0 if capacity is None else int(capacity), trainers,
                        version)
    try:
        if course is None:
            new_id = courses.create_course(scope, draft, _submission_id(key))
            st.session_state.pop(f"_submission_{key}", None)
            st.session_state["_created_course"] = (new_id, draft.district)
            st.session_state["_flash"] = "Kurset er oprettet."
        else:
            moved = courses.update_course(scope, course.course_id, draft, course.row_version)
            st.session_state["_flash"] = "Ændringerne er gemt." + (
                f" {len(moved)} fra ventelisten har fået plads." if moved else "")
    except DomainError as exc:
        show_error(exc)
        return
    st.rerun()
