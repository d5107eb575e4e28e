"""Modelversioner: the published versions, and drafts a project leader edits, compares, backtests
and publishes. `?kladde=ID` opens a draft."""

from __future__ import annotations

import streamlit as st

from db import model_drafts as drafts
from db.model_registry import current_version, model_of, published
from model.danish import date_label, month_label
from model.errors import DomainError, ValidationError
from pages.components import model_editor, model_review
from pages.components.model_flash import flash, show_flash
from pages.components.session import require_page, show_error

scope = require_page("model_versions")
st.title("Modelversioner", anchor=False)
st.caption("Håndteringsmodellen justeres med de erfaringer, sagerne giver. Lav en kladde ud fra en "
           "udgiven version, ret den, se forskellene og en backtest over de registrerede sager, og "
           "udgiv den med en ikrafttrædelsesdato. En udgivet version ændres aldrig; gamle sager "
           "beholder deres version.")
show_flash()

now = current_version()
st.header("Udgivne versioner", anchor=False)
st.table([{
    "Version": v.version + (" (gældende)" if v.version == now else ""),
    "Gælder fra": "fra start" if v.shipped else date_label(v.effective_from),
    "Bygger på": v.parent or "kilden (nyhedsbrevet)",
    "Niveauer": len(model_of(v.version).levels),
    "Udgivet": "med programmet" if v.shipped else month_label(v.published_at.date()),
} for v in published()])
model_review.version_download(scope, [v.version for v in published()])


def open_draft(draft_id: int) -> None:
    st.query_params["kladde"] = str(draft_id)


st.header("Kladder", anchor=False)
names = [v.version for v in published()]
with st.expander("Ny kladde", icon=":material/add:"), st.form("new_draft", border=False):
    name = st.text_input("Navn på kladden", placeholder="fx Forslag med femte niveau")
    parent = st.selectbox("Tag udgangspunkt i version", names, index=names.index(now))
    if st.form_submit_button("Opret kladde", type="primary"):
        try:
            open_draft(drafts.create_draft(scope, parent, name))
        except DomainError as exc:
            show_error(exc)
        else:
            flash("Kladden er oprettet.")
            st.rerun()
with st.expander("Indlæs en kladde fra en fil (TOML)", icon=":material/upload_file:"), \
        st.form("import_draft", border=False):
    upload = st.file_uploader("Modelfil (.toml)", type=["toml"])
    name = st.text_input("Navn på kladden", key="import_name")
    parent = st.selectbox("Sammenlign med version", names, index=names.index(now), key="import_parent")
    if st.form_submit_button("Indlæs"):
        try:
            if upload is None:
                raise ValidationError("Vælg en fil.")
            text = upload.getvalue().decode("utf-8", errors="strict")
            open_draft(drafts.import_draft(scope, text, parent, name))
        except UnicodeDecodeError:
            st.error("Filen skal være tekst i UTF-8.")
        except DomainError as exc:
            show_error(exc)
        else:
            flash("Kladden er indlæst.")
            st.rerun()

listed = drafts.list_drafts(scope)
if not listed:
    st.info("Der er ingen kladder. Opret en ud fra en udgivet version.", icon=":material/info:")
    st.stop()
ids = [d.draft_id for d in listed]
wanted = st.query_params.get("kladde")
chosen = st.selectbox("Kladde", ids, index=ids.index(int(wanted)) if wanted and wanted.isdigit()
                      and int(wanted) in ids else 0,
                      format_func=lambda i: next(f"{d.name} (fra version {d.parent_version})"
                                                 for d in listed if d.draft_id == i))
if str(chosen) != wanted:
    st.query_params["kladde"] = str(chosen)
try:
    draft = drafts.get_draft(scope, chosen)
except DomainError as exc:
    show_error(exc)
    st.stop()

model_review.problems_summary(draft)
# Keyed, so the chosen tab survives the reruns of its own buttons (a message above it, shown or
# not, would otherwise redraw the tabs from the first).
edit, changes, test, release, file = st.tabs(["Ret kladden", "Forskelle", "Backtest", "Udgiv", "Fil"],
                                             key=f"draft_tabs_{draft.draft_id}", on_change="rerun")
with edit:
    model_editor.editor(scope, draft)
with changes:
    model_review.differences(draft)
with test:
    model_review.backtest_view(scope, draft)
with release:
    model_review.publish_form(scope, draft)
with file:
    model_review.draft_file(scope, draft)
