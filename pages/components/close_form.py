"""Closing a case: a few structured questions about how it went, and a confirmation when "must"
measures are still open (the check itself is in db/case_closing.py; this form asks first)."""

from __future__ import annotations

import streamlit as st

from db.case_closing import close_case
from db.case_queries import CaseDetail
from model.access import Scope
from model.closing import LEVEL_FIT, SITUATION, Closing, OpenMeasure, confirm_message, open_musts
from model.errors import DomainError
from model.handling_model import HandlingModel
from model.text import markdown_literal
from pages.components.case_view import MESSAGE, widget_key


def _close(scope: Scope, case: CaseDetail) -> None:
    """Callback: the answers as the form holds them, checked against the version it was drawn from."""
    state = st.session_state
    closing = Closing(
        level_fit=state[widget_key(case, "fit")], situation=state[widget_key(case, "situation")],
        helped=tuple(state[widget_key(case, "helped")]),
        note=(state[widget_key(case, "close_note")] or "").strip() or None,
        confirm_open_musts=bool(state.get(widget_key(case, "confirm"), False)))
    try:
        close_case(scope, case.code, case.row_version, closing)
    except DomainError as exc:
        problems = getattr(exc, "problems", None) or [exc.user_message]
        state[MESSAGE] = ("error", " ".join(problems))
    else:
        state[MESSAGE] = ("success", "Sagen er lukket. Tak for svarene.")


def close_section(scope: Scope, case: CaseDetail, model: HandlingModel) -> None:
    """The close form: did the level fit, which measures helped, the victim's situation, a note."""
    musts = open_musts([OpenMeasure(m.key, m.strength, m.status) for m in case.measures])
    done = [m.key for m in case.measures if m.status == "done"]
    labels = model.measure_labels()
    with (st.expander("Afslut sagen: spørgsmål om forløbet", icon=":material/task_alt:"),
          st.form(widget_key(case, "close_form"), border=False)):
        st.caption("Svarene bruges til at justere modellen. De vises kun som optællinger.")
        st.radio("Passede niveauet til sagen?", list(LEVEL_FIT), format_func=LEVEL_FIT.get,
                 index=None, key=widget_key(case, "fit"))
        st.radio("Hvordan er ofrets situation nu, sammenlignet med da sagen begyndte?",
                 list(SITUATION), format_func=SITUATION.get, index=None, horizontal=True,
                 key=widget_key(case, "situation"))
        st.multiselect("Hvilke af de udførte tiltag hjalp?", done,
                       format_func=lambda k: labels.get(k, k),
                       placeholder="Vælg dem, der hjalp" if done else "Ingen tiltag er udført",
                       key=widget_key(case, "helped"), disabled=not done)
        st.text_input("Bemærkning (valgfri)", max_chars=200, key=widget_key(case, "close_note"))
        st.caption("Højst 200 tegn. Ingen navne, CPR-numre, telefonnumre, e-mailadresser eller "
                   "datoer.")
        if musts:
            names = markdown_literal(", ".join(labels.get(k, k) for k in musts))
            st.warning(f"{confirm_message(len(musts))} Åbne skal-tiltag: {names}.",
                       icon=":material/warning:")
            st.checkbox("Luk sagen alligevel", key=widget_key(case, "confirm"))
        st.form_submit_button("Luk sagen", type="primary", icon=":material/task_alt:",
                              on_click=_close, args=(scope, case))
