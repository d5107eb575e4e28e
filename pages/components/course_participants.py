"""Participants of one course: the list, the register form, cancellation and the file import."""

from __future__ import annotations

import streamlit as st

from db import participants
from db.courses import Course
from db.participants import Participant
from model.access import Scope
from model.course_vocab import REGISTRATION_STATUS, RESOURCE_ROLES
from model.errors import DomainError
from model.participant_import import ImportPreview, preview_import
from model.text import markdown_literal
from pages.components.choice import choice
from pages.components.session import show_error
from pages.components.uploader import danish_uploader


def participant_table(people: list[Participant]) -> None:
    if not people:
        st.info("Der er ingen deltagere på kurset endnu.")
        return
    st.dataframe(
        [{"Navn": p.name, "E-mail": p.email, "Organisation": p.organisation,
          "Kommune": p.municipality, "Rolle": RESOURCE_ROLES[p.role],
          "Status": REGISTRATION_STATUS[p.status]
          + (f" nr. {p.waiting_position}" if p.waiting_position else "")}
         for p in people],
        hide_index=True, width="stretch")


def register_form(scope: Scope, course: Course) -> None:
    with st.form(f"register_{course.course_id}", clear_on_submit=True):
        st.subheader("Tilmeld en deltager", anchor=False)
        c1, c2 = st.columns(2)
        name = c1.text_input("Navn")
        email = c2.text_input("E-mail")
        organisation = c1.text_input("Organisation", placeholder="F.eks. skole eller forvaltning")
        municipality = c2.text_input("Kommune")
        role = choice("Rolle", RESOURCE_ROLES, none_label="Vælg rolle")
        if not st.form_submit_button("Tilmeld", type="primary"):
            return
    try:
        where = participants.register(scope, course.course_id, name=name, email=email,
                                      organisation=organisation, municipality=municipality,
                                      role=role or "")
    except DomainError as exc:
        show_error(exc)
        return
    st.session_state["_flash"] = (
        "Deltageren er tilmeldt." if where.status == "registered"
        else f"Kurset er fuldt. Deltageren står på venteliste som nr. {where.waiting_position}.")
    st.rerun()


def cancel_form(scope: Scope, course: Course, people: list[Participant]) -> None:
    active = [p for p in people if p.status != "cancelled"]
    if not active:
        return
    with st.form(f"cancel_{course.course_id}"):
        st.subheader("Afmeld en deltager", anchor=False)
        st.caption("Deltagerens navn og kontaktoplysninger slettes. Den første på ventelisten "
                   "får pladsen.")
        who = choice("Deltager", active, none_label="Vælg deltager",
                     format_func=lambda p: f"{p.name} ({p.email})")
        if not st.form_submit_button("Afmeld"):
            return
    if who is None:
        st.error("Vælg den deltager, der skal afmeldes.")
        return
    try:
        moved = participants.cancel_registration(scope, course.course_id, who.participant_id)
    except DomainError as exc:
        show_error(exc)
        return
    st.session_state["_flash"] = "Deltageren er afmeldt." + (
        " Den første på ventelisten har fået pladsen." if moved else "")
    st.rerun()


def _summary(preview: ImportPreview) -> str:
    waiting = sum(1 for r in preview.valid if r.placement and r.placement.status == "waiting")
    text = f"{len(preview.rows)} rækker: {len(preview.valid)} gyldige, {len(preview.invalid)} med fejl."
    return text + (f" {waiting} kommer på venteliste, fordi kurset er fuldt." if waiting else "")


def import_section(scope: Scope, course: Course, people: list[Participant]) -> None:
    """Upload, preview with a per-row error list, then save all rows or (by choice) the valid ones."""
    st.markdown("Indlæs en tilmeldingsliste som CSV (semikolon eller komma) eller Excel (.xlsx). "
                "Første række skal have kolonnerne **Navn**, **E-mail** og **Rolle**; "
                "**Organisation** og **Kommune** kan også komme med.")
    counter = st.session_state.setdefault(f"_upload_{course.course_id}", 0)
    upload = danish_uploader("Deltagerliste", key=f"upload_{course.course_id}_{counter}",
                             accepts="CSV (.csv eller .txt) eller Excel (.xlsx), højst 2 MB.")
    if upload is None:
        return
    try:
        preview = preview_import(upload.getvalue(), upload.name, capacity=course.capacity,
                                 registered=course.registered, waiting=course.waiting,
                                 on_course=[p.email for p in people if p.email])
    except DomainError as exc:
        show_error(exc)
        return
    st.markdown(f"**Forhåndsvisning** · {_summary(preview)}")
    st.dataframe(preview.table(), hide_index=True, width="stretch")
    only_valid = False
    if preview.has_errors:
        # The problems quote the file's cells: shown as literal text, never as Markdown.
        st.error("Der er fejl i filen. Intet er gemt endnu.\n\n" + "\n".join(
            f"- Linje {r.line}: {markdown_literal(' '.join(r.problems))}" for r in preview.invalid))
        only_valid = st.checkbox(f"Indlæs kun de {len(preview.valid)} gyldige rækker",
                                 disabled=not preview.valid, key=f"only_valid_{course.course_id}")
    ready = preview.valid and (only_valid or not preview.has_errors)
    if st.button(f"Gem {len(preview.valid)} deltagere", type="primary", disabled=not ready,
                 key=f"import_{course.course_id}"):
        try:
            placed = participants.import_participants(scope, course.course_id, preview,
                                                      only_valid=only_valid)
        except DomainError as exc:
            show_error(exc)
            return
        st.session_state[f"_upload_{course.course_id}"] = counter + 1
        waiting = sum(p.status == "waiting" for p in placed)
        st.session_state["_flash"] = f"{len(placed)} deltagere er indlæst" + (
            f", heraf {waiting} på venteliste." if waiting else ".")
        st.rerun()
