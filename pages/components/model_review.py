"""Reviewing a draft before publishing it: its problems, the diff against its parent, the backtest,
the publish form, and the TOML files (each made on click, audited first, with an export id)."""

from __future__ import annotations

from datetime import date
from functools import partial

import streamlit as st

from db import model_drafts as drafts
from db.model_backtest import YES, backtest
from db.model_registry import model_of
from model.access import Scope
from model.errors import DomainError
from model.model_diff import diff
from model.model_rules import model_problems
from model.published import METHOD_NOTE, TOTAL
from model.release import POLICY
from model.text import markdown_literal
from pages.components.model_figures import cell, column, pivot, share
from pages.components.model_flash import flash
from pages.components.session import show_error

MIME = "application/toml"


def problems_summary(draft: drafts.Draft) -> None:
    problems = model_problems(draft.model)
    if not problems:
        st.success("Kladden opfylder alle regler og kan udgives.", icon=":material/verified:")
        return
    st.warning(f"Kladden kan ikke udgives endnu ({len(problems)} forhold):\n\n"
               + "\n".join(f"- {markdown_literal(p)}" for p in problems), icon=":material/rule:")


def differences(draft: drafts.Draft) -> None:
    rows = diff(model_of(draft.parent_version), draft.model)
    if not rows:
        st.info(f"Kladden er endnu magen til version {draft.parent_version}.", icon=":material/info:")
        return
    st.caption(f"Kun det, der er ændret i forhold til version {draft.parent_version}. Tom før: "
               "tilføjet. Tom nu: fjernet.")
    st.table([{"Hvor": r.where, "Hvad": r.what, f"Før (version {draft.parent_version})": r.before,
               "Nu (kladden)": r.after} for r in rows])


def _result_key(draft: drafts.Draft) -> str:
    return f"backtest_{draft.draft_id}_{draft.row_version}"


def backtest_view(scope: Scope, draft: drafts.Draft) -> None:
    st.caption("Kladden køres over de frigivne sager og sammenlignes med version "
               f"{draft.parent_version}: hvor ofte forslaget er det niveau, kontaktpersonerne "
               "valgte, og hvilke sager der får et andet forslag. " + METHOD_NOTE)
    if st.button("Kør backtest", type="primary", icon=":material/play_arrow:",
                 key=f"run_{_result_key(draft)}"):
        try:
            st.session_state[_result_key(draft)] = backtest(scope, draft.draft_id)
        except DomainError as exc:
            show_error(exc)
    result = st.session_state.get(_result_key(draft))
    if result is None:
        return
    t, parent = result.tables, draft.parent_version
    st.caption(f"Sagerne er frigivet {result.release.day:%d.%m.%Y} og er fra måneder til og med "
               f"{result.release.last_month:%m.%Y}. {POLICY}")
    total = cell(t["agreement"], parent_agrees=TOTAL, draft_agrees=TOTAL)
    left, right = st.columns(2)
    left.metric(f"Forslaget = valgt niveau, version {parent}",
                share(cell(t["agreement"], parent_agrees=YES, draft_agrees=TOTAL), total))
    right.metric("Forslaget = valgt niveau, kladden",
                 share(cell(t["agreement"], parent_agrees=TOTAL, draft_agrees=YES), total))
    st.markdown(f"**Foreslået niveau (rækker) og valgt niveau (kolonner)**, {total and int(total)} "
                "sager")
    left, right = st.columns(2)
    left.caption(f"Version {parent}")
    left.table(pivot(t["calibration_parent"], "parent", "level", "Forslag"))
    right.caption("Kladden")
    right.table(pivot(t["calibration_draft"], "draft", "level", "Forslag"))
    st.markdown(f"**Forslag efter version {parent} (rækker) og efter kladden (kolonner)**")
    st.table(pivot(t["changes"], "parent", "draft", f"Version {parent}"))
    st.markdown("**Sager, der får et andet forslag, og hvorfor**")
    groups = t["groups"]
    if len(groups) <= 1:
        st.info("Ingen sager får et andet forslag.", icon=":material/info:")
    else:
        st.table(column(groups, "group", "Fra → til: kladdens begrundelse"))


def publish_form(scope: Scope, draft: drafts.Draft) -> None:
    st.caption("En udgivet version kan ikke ændres. Nye sager vurderes efter den fra "
               "ikrafttrædelsesdatoen; gamle sager beholder deres version, plan og statistik.")
    with st.form(f"publish_{draft.draft_id}_{draft.row_version}"):
        version = st.text_input("Versionens navn", placeholder="fx 2019")
        effective = st.date_input("Gælder fra", value=date.today(), min_value=date.today(),
                                  format="DD.MM.YYYY")
        if st.form_submit_button("Udgiv versionen", type="primary", icon=":material/publish:"):
            try:
                name = drafts.publish(scope, draft.draft_id, draft.row_version, version, effective)
            except DomainError as exc:
                show_error(exc)
            else:
                st.query_params.pop("kladde", None)
                flash(f"Version {name} er udgivet og gælder fra {effective:%d.%m.%Y}.")
                st.rerun()


def _file(scope: Scope, *, version: str | None = None, draft_id: int | None = None) -> bytes:
    """Run when the user clicks: audit the export (with its id) first, then build the file."""
    text, _export_id = drafts.export_definition(scope, version=version, draft_id=draft_id)
    return text.encode("utf-8")


def version_download(scope: Scope, versions: list[str]) -> None:
    left, right = st.columns([2, 3], vertical_alignment="bottom")
    version = left.selectbox("Hent en udgivet version som fil", versions, index=len(versions) - 1)
    right.download_button(f"Hent version {version} (TOML)", data=partial(_file, scope, version=version),
                          file_name=f"haandteringsmodel-{version}.toml", mime=MIME,
                          on_click="rerun", icon=":material/download:", key=f"dl_version_{version}")


def draft_file(scope: Scope, draft: drafts.Draft) -> None:
    st.caption("Filen har samme format som de versioner, programmet leveres med, så kladden kan "
               "læses og kommenteres uden for appen og indlæses igen.")
    st.download_button("Hent kladden (TOML)", data=partial(_file, scope, draft_id=draft.draft_id),
                       file_name=f"kladde-{draft.draft_id}.toml", mime=MIME, on_click="rerun",
                       icon=":material/download:", key=f"dl_draft_{draft.draft_id}")
    if st.button("Slet kladden", icon=":material/delete:", key=f"delete_{draft.draft_id}"):
        try:
            drafts.delete_draft(scope, draft.draft_id, draft.row_version)
        except DomainError as exc:
            show_error(exc)
        else:
            st.query_params.pop("kladde", None)
            flash("Kladden er slettet.")
            st.rerun()
