"""Attendance of one course (an editable table) and the exports of its participant list."""

from __future__ import annotations

from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

from db import attendance
from db.courses import Course
from db.participants import Participant
from model.access import Scope
from model.course_exports import course_file
from model.course_vocab import RESOURCE_ROLES
from model.courses import check_attendance_allowed
from model.errors import DomainError, ValidationError
from model.text import markdown_literal
from pages.components.session import show_error

SAVED = "_attendance_saved"

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
    marks = {int(pid): bool(v) for pid, v in edited["Mødt"].items()}
    if st.button("Gem fremmøde", type="primary", key=f"save_attendance_{course.course_id}"):
        try:
            changed = attendance.save_attendance(scope, course.course_id, marks)
        except DomainError as exc:
            show_error(exc)
            return
        text = f"Fremmødet er gemt ({sum(marks.values())} mødt)." if (
            changed or course.status != "held") else "Der var ingen ændringer at gemme."
        st.session_state[SAVED] = {course.course_id: (marks, text)}
        st.rerun()
    # Shown while the table still holds what was saved, not once: the table clears its edits
    # after the save and reruns the page by itself, which took a one-run message away at once.
    saved = st.session_state.get(SAVED, {}).get(course.course_id)
    if saved and saved[0] == marks:
        st.success(saved[1], icon=":material/check_circle:")


def _course_file(scope: Scope, course_id: int, kind: str) -> bytes:
    """Run when the user clicks: audit the export (with its id) first, then build the file."""
    heading, people, export_id = attendance.export_participants(scope, course_id, kind)
    return course_file(kind, heading, people, export_id)


def export_section(scope: Scope, course: Course) -> None:
    """One download per format, each made on click, audited and stamped with its own export id
    (no rerun on click, for the reason given at `case_view.plan_download`)."""
    for column, (kind, (label, filename, mime)) in zip(st.columns(len(FORMATS)), FORMATS.items(),
                                                        strict=True):
        column.download_button(label, data=partial(_course_file, scope, course.course_id, kind),
                               file_name=filename, mime=mime, on_click="ignore",
                               icon=":material/download:", key=f"download_{kind}_{course.course_id}")
    st.caption("Filerne indeholder personoplysninger. Del dem kun med dem, der skal bruge dem, "
               "og slet dem efter brug. Hver fil har et eksport-id, der står i revisionsloggen.")
