"""Kurser: plan courses, register and import participants, mark attendance, export lists."""

from __future__ import annotations

import streamlit as st

from db import courses, participants
from db.districts import district_names
from model.access import Role
from model.course_vocab import COURSE_STATUS
from model.danish import time_label
from model.errors import DomainError
from model.text import markdown_literal
from pages.components.course_attendance import attendance_editor, export_section
from pages.components.course_form import course_form
from pages.components.course_participants import (
    cancel_form,
    import_section,
    participant_table,
    register_form,
)
from pages.components.course_retention import run_retention_daily
from pages.components.district_choice import remember
from pages.components.session import require_page, show_error, single_district

scope = require_page("courses")
run_retention_daily()
names = district_names()

st.title("Kurser", anchor=False)
if flash := st.session_state.pop("_flash", None):
    st.success(flash)

# A course was just created: show it. The browser keeps its own value of a keyed widget and sends
# it back on the next click, so setting the state here is not enough (the old tab, course or
# district filter came back on the next click); widgets under a new key start from the defaults
# given here instead: the overview, the new course, and a filter that includes it.
nationwide = scope.is_nationwide(Role.COURSE_ORGANISER)
if created := st.session_state.pop("_created_course", None):
    st.session_state["_course_view"] = st.session_state.get("_course_view", 0) + 1
    st.session_state["selected_course"], st.session_state["_course_filter"] = created
    if not nationwide and len(scope.districts(Role.COURSE_ORGANISER)) > 1:
        remember(Role.COURSE_ORGANISER, created[1])
view = st.session_state.get("_course_view", 0)

if nationwide:
    manageable = list(names)
    filters = ["", *names]
    start = st.session_state.get("_course_filter", "")
    district = st.selectbox("Politikreds", filters, key=f"course_district_{view}",
                            index=filters.index(start) if start in filters else 0,
                            format_func=lambda c: names.get(c, "Alle politikredse")) or None
else:
    district = single_district(scope, Role.COURSE_ORGANISER)
    manageable = [district] if district else []
    st.caption(names.get(district or "", ""))

overview, new = st.tabs(["Kursusoversigt", "Opret kursus"], key=f"course_tabs_{view}",
                        on_change="rerun")
with new:
    course_form(scope, manageable, form_key=f"new_course_{view}")

with overview:
    try:
        listed = courses.list_courses(scope, district)
    except DomainError as exc:
        show_error(exc)
        st.stop()
    if not listed:
        st.info("Der er ingen kurser endnu. Opret det første under »Opret kursus«.")
        st.stop()
    st.dataframe(
        [{"Dato": time_label(c.starts_at), "Politikreds": names[c.district], "Sted": c.place,
          "Status": COURSE_STATUS[c.status], "Pladser": c.capacity, "Tilmeldte": c.registered,
          "Venteliste": c.waiting, "Mødt": c.attended} for c in listed],
        hide_index=True, width="stretch")
    by_id = {c.course_id: c for c in listed}
    chosen = st.session_state.get("selected_course")
    course_id = st.selectbox(
        "Vælg kursus", list(by_id), key=f"course_pick_{view}",
        index=list(by_id).index(chosen) if chosen in by_id else 0,
        format_func=lambda i: f"{time_label(by_id[i].starts_at)} · {by_id[i].place} "
                              f"({COURSE_STATUS[by_id[i].status].lower()})")
    st.session_state["selected_course"] = course_id
    course = by_id[course_id]

    # Place and trainers are typed by an organiser: shown as literal text, never as Markdown.
    st.header(f"{time_label(course.starts_at)} · {markdown_literal(course.place)}", anchor=False)
    st.caption(f"{names[course.district]} · Undervisere: {markdown_literal(course.trainers)} · "
               f"Modelversion "
               f"{course.model_version} · {COURSE_STATUS[course.status]} · "
               f"{course.registered} af {course.capacity} pladser besat"
               + (f" · {course.waiting} på venteliste" if course.waiting else ""))
    if course.anonymised:
        st.info("Deltagernes personoplysninger er slettet efter opbevaringsperioden. "
                "Kun antal efter rolle er bevaret.")
    people = participants.list_participants(scope, course.course_id)
    t_people, t_import, t_attend, t_export, t_edit = st.tabs(
        ["Deltagere", "Indlæs fil", "Fremmøde", "Lister og eksport", "Redigér eller aflys"],
        key="course_detail_tabs", on_change="rerun")
    with t_people:
        participant_table(people)
        if course.status == "planned":
            register_form(scope, course)
            cancel_form(scope, course, people)
    with t_import:
        if course.status == "planned":
            import_section(scope, course, people)
        else:
            st.info("Der kan kun indlæses deltagere til planlagte kurser.")
    with t_attend:
        attendance_editor(scope, course, people)
    with t_export:
        export_section(scope, course)
    with t_edit:
        if course.status != "planned":
            st.info(f"Kurset er {COURSE_STATUS[course.status].lower()} og kan ikke ændres.")
        else:
            course_form(scope, manageable, course)
            confirm = st.checkbox("Ja, aflys kurset", key=f"confirm_cancel_{course.course_id}")
            if st.button("Aflys kurset", disabled=not confirm, key=f"cancel_{course.course_id}"):
                try:
                    courses.set_status(scope, course.course_id, "cancelled", course.row_version)
                except DomainError as exc:
                    show_error(exc)
                else:
                    st.session_state["_flash"] = "Kurset er aflyst."
                    st.rerun()
