"""The follow-up widgets: the case list, one case's facts, and its measures to tick off.

Saving goes through callbacks bound to the row version the user saw when the form was drawn, so a
change made meanwhile by a colleague is a conflict, never silently overwritten; the user's refused
choices are kept and can be put back over the colleague's version (follow_up_conflict.py).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import partial
from typing import Any

import streamlit as st

from db.case_queries import CaseDetail, CaseSummary
from db.case_updates import export_plan, set_status, update_follow_up
from db.districts import district_names
from db.help_contacts import contacts_for
from model.access import Scope
from model.case import NUDITY, SPREAD
from model.danish import month_label
from model.errors import ConflictError, DomainError
from model.follow_up import FollowUp
from model.handling_model import STRENGTH_LABELS, HandlingModel, Measure, Strength, load_model
from model.handling_plan import plan_html
from model.help_contacts import for_plan
from model.text import markdown_literal
from model.triage import plan
from model.vocab import (
    AGE_BANDS,
    CASE_STATUS,
    GENDERS,
    INSTITUTION_TYPES,
    MEASURE_STATUS,
    OVERRIDE_REASONS,
    PLATFORMS,
    TAKEDOWN_OUTCOMES,
)
from pages.components.case_labels import level_label
from pages.components.follow_up_conflict import (
    conflict_panel,
    follow_up_of,
    forget,
    keep_refused,
    reapplied,
)

MESSAGE = "f_message"


def case_rows(summaries: list[CaseSummary]) -> list[dict[str, Any]]:
    return [{
        "Sagsnummer": s.code, "Måned": month_label(s.month), "Niveau": s.chosen_level,
        "Aldersgruppe": AGE_BANDS.get(s.age_band, s.age_band),
        "Institution": INSTITUTION_TYPES.get(s.institution_type, s.institution_type),
        "Status": CASE_STATUS.get(s.status, s.status), "Tiltag udført": f"{s.done} af {s.measures}",
        "Forfaldne tiltag": s.overdue,
    } for s in summaries]


def show_message() -> None:
    """The outcome of the last save, set by a callback (shown once)."""
    kind, text = st.session_state.pop(MESSAGE, (None, None))
    if kind == "success":
        st.success(text, icon=":material/check_circle:")
    elif kind == "error":
        st.error(markdown_literal(text), icon=":material/sync_problem:")


def case_facts(case: CaseDetail, model: HandlingModel) -> None:
    facts = case.facts
    st.markdown(f"**{level_label(model, case.chosen_level)}**")
    if case.chosen_level != case.proposed_level:
        st.caption(f"Modellens forslag var niveau {case.proposed_level}. Begrundelse: "
                   f"{OVERRIDE_REASONS.get(case.override_reason or '', '–')}")
    lines = [
        f"Måned: {month_label(case.month)} · Status: {CASE_STATUS[case.status]}"
        + (f" (lukket {month_label(case.closed_month)})" if case.closed_month else ""),
        f"{AGE_BANDS[case.age_band]} · {GENDERS.get(case.gender or '', 'Køn ikke angivet')} · "
        f"{INSTITUTION_TYPES[case.institution_type]}",
        f"Billedet: {NUDITY[facts.nudity]}" + (" · ansigt genkendeligt" if facts.face_recognisable
                                               else "") + f" · Delt: {SPREAD[facts.spread]}",
        "Platforme: " + (", ".join(PLATFORMS[p] for p in case.platforms) or "ikke angivet"),
        f"Modelversion {case.model_version}",
    ]
    st.caption("  \n".join(lines))
    if case.note:
        st.caption(f"Bemærkning: {markdown_literal(case.note)}")


def stored_plan(case: CaseDetail,
                model: HandlingModel) -> tuple[list[Measure], tuple[str, ...], dict[str, str]]:
    """The case's measures as saved (order, strength), its legal prompts and each one's status."""
    measures = [replace(model.wording(case.chosen_level, m.key), strength=Strength(m.strength))
                for m in case.measures]
    notices = plan(case.facts, model, case.chosen_level).notices
    return measures, notices, {m.key: m.status for m in case.measures}


def _key(case: CaseDetail, name: str, generation: str = "") -> str:
    """A widget key of the form drawn from this row version; `generation` "r" for the form that
    holds re-applied changes (fresh widgets, so they start from those values)."""
    return f"f_{case.code}_{case.row_version}{generation}_{name}"


def _save(scope: Scope, case: CaseDetail, shown: FollowUp, generation: str) -> None:
    """Callback: the form's values, checked against the version the form was drawn from."""
    state = st.session_state
    change = FollowUp(
        measures={m.key: state[_key(case, "m_" + m.key, generation)] for m in case.measures},
        police_consulted=state[_key(case, "consulted", generation)],
        police_report_filed=state[_key(case, "report", generation)],
        takedowns={p: state[_key(case, "t_" + p, generation)] for p in case.takedowns},
    )
    try:
        update_follow_up(scope, case.code, case.row_version, change)
    except ConflictError:
        keep_refused(case, shown, change)  # the next run explains, and offers them back
    except DomainError as exc:
        state[MESSAGE] = ("error", exc.user_message)
    else:
        forget(case.code)
        state[MESSAGE] = ("success", "Opfølgningen er gemt.")


def _set_status(scope: Scope, case: CaseDetail, status: str) -> None:
    try:
        set_status(scope, case.code, case.row_version, status)
    except DomainError as exc:
        st.session_state[MESSAGE] = ("error", exc.user_message)
    else:
        text = "Sagen er lukket." if status == "closed" else "Sagen er genåbnet."
        st.session_state[MESSAGE] = ("success", text)


def measure_label(number: int, text: str, strength: str, overdue: bool,
                  done_month: date | None) -> str:
    """A measure's radio label as plain text: screen readers read a widget's label as written, so
    Markdown in it (`*Skal*`, `:orange[...]`) would be read out literally."""
    parts = [f"{number}. {text}", STRENGTH_LABELS[Strength(strength)]]
    if overdue:
        parts.append("forfalden")
    if done_month:
        parts.append(f"udført {month_label(done_month)}")
    return " · ".join(parts)


def follow_up_form(scope: Scope, case: CaseDetail) -> None:
    """Measures (in the plan's order), police facts and takedown outcomes; one save."""
    model = load_model(case.model_version)
    closed = case.status != "open"
    conflict_panel(case, model)
    redone = reapplied(case)
    shown = redone.state if redone else follow_up_of(case)
    generation = "r" if redone else ""
    with st.form(_key(case, "form", generation), border=True):
        st.subheader("Tiltag", anchor=False)
        overdue = [i for i, m in enumerate(case.measures, start=1) if m.overdue]
        if overdue:
            st.warning(f"Forfaldne tiltag: nr. {', '.join(map(str, overdue))}.",
                       icon=":material/schedule:")
        for i, m in enumerate(case.measures, start=1):
            st.radio(measure_label(i, model.wording(case.chosen_level, m.key).text, m.strength,
                                   m.overdue, m.done_month),
                     list(MEASURE_STATUS), format_func=MEASURE_STATUS.get,
                     index=list(MEASURE_STATUS).index(shown.measures.get(m.key, m.status)),
                     horizontal=True, key=_key(case, "m_" + m.key, generation), disabled=closed)
        st.subheader("Politiet", anchor=False)
        st.checkbox("Politiets ressourceperson er kontaktet", value=shown.police_consulted,
                    key=_key(case, "consulted", generation), disabled=closed)
        st.checkbox("Sagen er politianmeldt", value=shown.police_report_filed,
                    key=_key(case, "report", generation), disabled=closed)
        if case.takedowns:
            st.subheader("Anmodninger om at fjerne billeder", anchor=False)
        for platform, outcome in case.takedowns.items():
            st.selectbox(PLATFORMS[platform], list(TAKEDOWN_OUTCOMES),
                         format_func=TAKEDOWN_OUTCOMES.get,
                         index=list(TAKEDOWN_OUTCOMES).index(shown.takedowns.get(platform, outcome)),
                         key=_key(case, "t_" + platform, generation), disabled=closed)
        st.form_submit_button("Gem opfølgning", type="primary", disabled=closed,
                              on_click=_save, args=(scope, case, shown, generation),
                              icon=":material/save:")


def status_buttons(scope: Scope, case: CaseDetail) -> None:
    if case.status == "open":
        st.button("Luk sagen", on_click=_set_status, args=(scope, case, "closed"),
                  icon=":material/task_alt:", key=_key(case, "close"))
    else:
        st.info("Sagen er lukket. Genåbn den for at ændre tiltag.", icon=":material/lock:")
        st.button("Genåbn sagen", on_click=_set_status, args=(scope, case, "open"),
                  icon=":material/lock_open:", key=_key(case, "reopen"))


def _plan_file(scope: Scope, code: str) -> bytes:
    """Run when the user clicks: audit the export (with its id) first, then build the file."""
    case, export_id = export_plan(scope, code)
    model = load_model(case.model_version)
    measures, notices, statuses = stored_plan(case, model)
    local, national = for_plan(contacts_for(case.district), case.district)
    return plan_html(case.code, model, case.chosen_level, measures, notices, statuses,
                     export_id=export_id, district_name=district_names()[case.district],
                     printed=date.today(), local=local, national=national).encode("utf-8")


def plan_download(scope: Scope, code: str) -> None:
    """The printable handling plan, made on click: nothing of it reaches the browser before.

    The click does not rerun the page: Streamlit registers a new callable on every run and drops
    the old one when a run ends, so a rerun racing the file request could lose the download. A
    refused file (session ended, role revoked) shows Streamlit's own error under the button, and
    the page's guard explains the refusal in Danish at the next action.
    """
    st.download_button("Hent handleplan (til udskrift)", data=partial(_plan_file, scope, code),
                       file_name=f"handleplan-{code}.html", mime="text/html",
                       icon=":material/print:", on_click="ignore", key=f"plan_{code}")
