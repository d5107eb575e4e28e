"""Opfølgning: the district's cases, filters, and one case's measures to tick off, close or reopen.

`?sag=CODE` opens a case; a code of another district gets the same message as an unknown one.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from db.case_queries import CaseFilter, case_months, get_case, list_cases, normalise_code
from db.districts import district_names
from db.model_registry import all_level_numbers, model_of
from db.stats import district_version
from model.access import Role
from model.danish import month_label
from model.errors import DomainError
from model.vocab import CASE_STATUS
from pages.components.case_view import (
    case_facts,
    case_rows,
    follow_up_form,
    plan_download,
    reopen_button,
    show_message,
)
from pages.components.choice import choice
from pages.components.close_form import close_section
from pages.components.freshness import watch
from pages.components.reassess_view import level_history, reassess_section
from pages.components.session import require_page, show_error, single_district

scope = require_page("cases")
district = single_district(scope, Role.DISTRICT_CONTACT)
st.title("Opfølgning", anchor=False)
if district is None:
    st.warning("Du er ikke kontaktperson i en politikreds og har ingen sager at følge op på.")
    st.stop()
st.caption(f"Sager i {district_names()[district]}.")
wanted = st.query_params.get("sag")
if not wanted:  # the list alone: a colleague's new case shows by itself (never while a form is open)
    watch("sager", partial(district_version, scope, district))


def open_case(widget_key: str) -> None:
    """Callback: put the case code chosen or typed in `widget_key` in the URL (?sag=...)."""
    code = st.session_state.get(widget_key)
    if code:
        st.query_params["sag"] = code.strip().upper()
    else:
        st.query_params.pop("sag", None)


status_col, level_col, month_col, overdue_col = st.columns([2, 2, 2, 2], vertical_alignment="bottom")
status = status_col.selectbox("Status", [None, *CASE_STATUS], index=1, key="f_status",
                              format_func=lambda s: "Alle" if s is None else CASE_STATUS[s])
level = level_col.selectbox("Niveau", [None, *all_level_numbers()], key="f_level",
                            format_func=lambda n: "Alle" if n is None else f"Niveau {n}")
month = month_col.selectbox("Måned", [None, *case_months(scope, district)], key="f_month",
                            format_func=lambda m: "Alle" if m is None else month_label(m))
overdue = overdue_col.toggle("Kun sager med forfaldne tiltag", key="f_overdue")
summaries = list_cases(scope, district, CaseFilter(status, level, month, overdue))
if summaries:
    st.dataframe(case_rows(summaries), hide_index=True, width="stretch")
else:
    st.info("Ingen sager matcher filtrene.", icon=":material/filter_alt_off:")

pick_col, find_col = st.columns(2)
codes = [s.code for s in summaries]
choice("Åbn en sag fra listen", codes, none_label="Vælg sagsnummer", format_func=str,
       current=wanted, where=pick_col, key="f_pick", on_change=open_case, args=("f_pick",))
find_col.text_input("… eller skriv et sagsnummer", key="f_find", placeholder="fx NSJ-2026-0007",
                    on_change=open_case, args=("f_find",))

show_message()
if wanted:
    try:
        case = get_case(scope, normalise_code(wanted) or wanted)
    except DomainError as exc:
        show_error(exc)
        st.stop()
    st.header(f"Sag {case.code}", anchor=False)
    model = model_of(case.model_version)
    case_facts(case, model)
    level_history(case)
    follow_up_form(scope, case)
    if case.status == "open":
        reassess_section(scope, case)
        close_section(scope, case, model)
    else:
        reopen_button(scope, case)
    plan_download(scope, case.code)
