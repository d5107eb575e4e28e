"""The district a user with several districts of one role works in: chosen explicitly, at the top
of the page, and kept in the URL (`?kreds=NSJ`) so a reload, a bookmark or a shared link keeps it.

Nothing is preselected: until the user chooses, the page asks and stops. The choice is remembered
for the session, so moving to another page keeps it (and puts it in that page's URL).
"""

from __future__ import annotations

import streamlit as st

from db.districts import all_districts, district_names
from model.access import Role
from pages.components.choice import choice

PARAM = "kreds"


def _remembered() -> dict[str, str]:
    return st.session_state.setdefault("_district_choice", {})


def remember(role: Role, district: str) -> None:
    """Make `district` the choice for `role` from the next run on (e.g. a course just created
    there), in the session and in the URL."""
    _remembered()[role.value] = district
    st.query_params[PARAM] = district


def _chosen(role: Role, key: str) -> None:
    """Callback of the selector: the new choice goes to the session and the URL."""
    picked = st.session_state.get(key)
    if picked:
        remember(role, picked)
    else:
        _remembered().pop(role.value, None)
        st.query_params.pop(PARAM, None)


def choose_district(role: Role, districts: frozenset[str]) -> str:
    """The district chosen among `districts` (two or more); stops the page until there is one."""
    order = [d.code for d in all_districts() if d.code in districts]
    asked = st.query_params.get(PARAM)
    current = asked if asked in order else _remembered().get(role.value)
    current = current if current in order else None
    if current:
        _remembered()[role.value] = current
        if asked != current:
            st.query_params[PARAM] = current
    names = district_names()
    # Keyed by the current choice: a URL or a program that changes it draws a fresh selector,
    # never one holding the browser's stale value.
    key = f"_district_{role.value}_{current or ''}"
    column, _ = st.columns([2, 3])
    chosen = choice("Politikreds, du arbejder i", {c: names.get(c, c) for c in order},
                    none_label="Vælg politikreds", current=current, where=column, key=key,
                    on_change=_chosen, args=(role, key))
    if chosen is None:
        st.info("Du er tilknyttet flere politikredse. Vælg ovenfor, hvilken du vil arbejde i.",
                icon=":material/location_city:")
        st.stop()
    return chosen
