"""Attendance of one course (an editable table) and the exports of its participant list."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from db import attendance
from db.courses import Course
from db.participants import Participant
from model.access import Scope
from model.course_exports import attendance_csv, attendance_xlsx, signin_sheet_html
from model.course_vocab import RESOURCE_ROLES
from model.courses import check_attendance_allowed
from model.errors import DomainError, ValidationError
from model.text import markdown_literal
from pages.components.session import show_error

FORMATS = {
    "csv": ("Fremmødeliste (CSV til Excel)", "fremmoede.csv", "text/csv"),
    "xlsx": ("Fremmødeliste (Excel)", "fremmoede.xlsx",
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "signin": ("Underskriftsliste til print (HTML)", "underskriftsliste.html", "text/html"),
}


def attendance_editor(scope: Scope, course: Course, people: list[Participant]) -> None:
    try:
        check_attendance_allowed(course.status, course.starts_at, date.today())
    except ValidationError as exc:
        st.info(markdown_literal(exc.user_message))
        return
    seated = [p for p in people if p.status == "registered"]
    if not seated:
        st.info("Der er ingen tilmeldte deltagere at registrere fremmøde for.")
        return
    frame = pd.DataFrame(
        {"Navn": [p.name for p in seated], "Organisation": [p.organisation for p in seated],
         "Rolle": [RESOURCE_ROLES[p.role] for p in seated],
         "Mødt": [bool(p.attended) for p in seated]},
        index=pd.Index([p.participant_id for p in seated], name="id"))
    st.caption("Sæt flueben ved dem, der mødte op, og gem. Kurset markeres som afholdt.")
    edited = st.data_editor(
        frame, hide_index=True, width="stretch", key=f"attendance_{course.course_id}",
        disabled=["Navn", "Organisation", "Rolle"],
        column_config={"Mødt": st.column_config.CheckboxColumn("Mødt", default=False)})
    st.caption(f"{int(edited['Mødt'].sum())} af {len(seated)} markeret som mødt.")
    if st.button("Gem fremmøde", type="primary", key=f"save_attendance_{course.course_id}"):
        marks = {int(pid): bool(v) for pid, v in edited["Mødt"].items()}
        try:
            changed = attendance.save_attendance(scope, course.course_id, marks)
        except DomainError as exc:
            show_error(exc)
            return
        st.session_state["_flash"] = f"Fremmødet er gemt ({sum(marks.values())} mødt)." if (
            changed or course.status != "held") else "Der var ingen ændringer at gemme."
        st.rerun()


def export_section(scope: Scope, course: Course) -> None:
    """Make a file on request (the export is audited then), and offer it for download."""
    state_key = f"_export_{course.course_id}"
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    kind = c1.selectbox("Fil", list(FORMATS), format_func=lambda k: FORMATS[k][0],
                        key=f"export_kind_{course.course_id}")
    if c2.button("Lav fil", key=f"export_{course.course_id}", icon=":material/description:"):
        try:
            heading, people = attendance.export_participants(scope, course.course_id, kind)
        except DomainError as exc:
            show_error(exc)
            return
        data = {"csv": lambda: attendance_csv(people),
                "xlsx": lambda: attendance_xlsx(heading, people),
                "signin": lambda: signin_sheet_html(heading, people).encode("utf-8")}[kind]()
        st.session_state[state_key] = (kind, data)
    made = st.session_state.get(state_key)
    if made:
        label, filename, mime = FORMATS[made[0]]
        st.download_button(f"Hent {label.lower()}", made[1], file_name=filename, mime=mime,
                           on_click="ignore", icon=":material/download:",
                           key=f"download_{course.course_id}")
        st.caption("Filen indeholder personoplysninger. Del den kun med dem, der skal bruge den, "
                   "og slet den efter brug.")
