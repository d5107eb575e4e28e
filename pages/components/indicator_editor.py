"""Editing a level's indicators: a reason, its basis (kilde or tolkning) and a condition over the
facts the triage form asks for (model/fact_catalogue.py), every fact as a widget of its own kind."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import streamlit as st

from model.fact_catalogue import FACTS, describe_condition, options
from model.handling_model import Condition, HandlingModel, Level, Range
from model.model_edit import with_level

NEW = "__new__"
UNUSED = "Indgår ikke"
BASES = {"kilde": "Kilden (nyhedsbrevet)", "tolkning": "Projektets tolkning"}


def _value_widget(name: str, current: Any, model: HandlingModel, key: str) -> Any:
    """One fact's part of the condition; None when the fact is not part of it."""
    fact = FACTS[name]
    if fact.kind == "flag":
        choice = st.selectbox(fact.label, [None, True, False], key=key,
                              format_func=lambda v: UNUSED if v is None else ("ja" if v else "nej"),
                              index=[None, True, False].index(current) if current in (True, False)
                              else 0)
        return choice
    if fact.kind == "count":
        bounds = current if isinstance(current, Range) else Range()
        counts = [None, *range(8)]

        def bound(label: str, value: int | None, suffix: str) -> int | None:
            return st.selectbox(f"{fact.label}: {label}", counts, key=key + suffix,
                                format_func=lambda v: UNUSED if v is None else str(v),
                                index=counts.index(value) if value in counts else 0)
        low, high = bound("mindst", bounds.at_least, ""), bound("højst", bounds.at_most, "_max")
        return None if low is None and high is None else Range(at_least=low, at_most=high)
    known = options(name, model)
    if fact.kind == "level":  # by number: a typed title is longer than a chip (cut at 1024 px)
        known = {n: f"Niveau {n}" for n in known}
    chosen = current if isinstance(current, tuple) else (() if current is None else (current,))
    picked = st.multiselect(fact.label, list(known), default=[v for v in chosen if v in known],
                            format_func=lambda v: str(known[v]), key=key, placeholder=UNUSED)
    if not picked:
        return None
    return picked[0] if fact.kind == "level" and len(picked) == 1 else tuple(picked)


def _condition(level: Level, current: Condition | None, model: HandlingModel, key: str):
    when = dict(current.when) if current else {}
    left, right = st.columns(2)
    parts = []
    for i, name in enumerate(FACTS):
        with left if i % 2 == 0 else right:
            value = _value_widget(name, when.get(name), model, f"{key}_{name}")
        if value is not None:
            parts.append((name, value))
    return tuple(parts)


def indicators_section(scope, draft, level: Level, save) -> None:
    """The level's indicators as a table, and a form to add, change or remove one."""
    model = draft.model
    if level.indicators:
        st.table([{"Begrundelse": c.reason, "Grundlag": c.basis,
                   "Betingelse": describe_condition(c.when, model)} for c in level.indicators])
    else:
        st.info("Niveauet har ingen indikatorer: det kan kun foreslås, hvis det er det laveste.",
                icon=":material/info:")
    reasons = [c.reason for c in level.indicators]
    base = f"ie_{draft.draft_id}_{draft.row_version}_{level.number}"
    which = st.selectbox("Ret en indikator eller tilføj en ny", [*range(len(reasons)), NEW],
                         format_func=lambda i: "Tilføj en indikator" if i == NEW else reasons[i],
                         key=f"{base}_pick")
    current = None if which == NEW else level.indicators[which]
    with st.form(f"{base}_{which}"):
        reason = st.text_input("Begrundelse (vises for kontaktpersonen)",
                               value=current.reason if current else "")
        basis = st.radio("Grundlag", list(BASES), format_func=BASES.get, horizontal=True,
                         index=list(BASES).index(current.basis) if current and current.basis
                         in BASES else 1)
        st.caption("Indikatoren passer, når alle de valgte oplysninger passer. Ved flere valg i én "
                   "oplysning er ét af dem nok.")
        when = _condition(level, current, model, f"{base}_{which}")
        if st.form_submit_button("Gem indikatoren", type="primary"):
            condition = Condition(reason.strip(), when, basis)
            items = list(level.indicators)
            if current is None:
                items.append(condition)
            else:
                items[which] = condition
            save(scope, draft, with_level(model, replace(level, indicators=tuple(items))),
                 "Indikatoren er gemt.", level.number)
    if current is not None and st.button("Fjern indikatoren", icon=":material/delete:",
                                         key=f"{base}_{which}_remove"):
        items = tuple(c for i, c in enumerate(level.indicators) if i != which)
        save(scope, draft, with_level(model, replace(level, indicators=items)),
             "Indikatoren er fjernet.", level.number)
