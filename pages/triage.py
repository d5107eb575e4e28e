"""Ny sag: the triage form. Facts in, the model's proposal beside them, one anonymous case saved."""

from __future__ import annotations

from datetime import date

import streamlit as st

from db.case_queries import get_case
from db.cases import create_case
from db.districts import district_names
from model.access import Role
from model.case import CaseDraft
from model.errors import DomainError
from model.handling_model import CURRENT_VERSION, load_model
from model.text import clean_text
from model.triage import assess
from pages.components.case_view import plan_download
from pages.components.session import require_page, show_error, single_district
from pages.components.triage_form import (
    PREFIX,
    context_fields,
    facts_from,
    image_fields,
    level_choice,
    reaction_fields,
    reset_form,
    show_chosen_measures,
    show_proposal,
    submission_id,
    victim_fields,
)

scope = require_page("triage")
district = single_district(scope, Role.DISTRICT_CONTACT)
st.title("Ny sag", anchor=False)
if district is None:
    st.warning("Du er ikke kontaktperson i en politikreds og kan ikke registrere sager.")
    st.stop()

SAVED = PREFIX + "saved"


def show_saved(code: str) -> None:
    """The saved case: its code to write in the contact's own journal, and the handling plan."""
    try:
        case = get_case(scope, code)
    except DomainError as exc:
        show_error(exc)
        return
    st.success(f"Sagen er gemt med sagsnummeret **{case.code}**. Skriv nummeret i din egen journal "
               "– det er det eneste, der forbinder sagen med ofret.", icon=":material/check_circle:")
    plan_download(scope, case.code)
    # A page link stays in this tab and session (a Markdown link opened a new tab, new login).
    st.page_link("pages/cases.py", label="Følg op på sagen under Opfølgning",
                 icon=":material/checklist:", query_params={"sag": case.code})
    st.button("Registrér en ny sag", on_click=reset_form, icon=":material/add:")


if st.session_state.get(SAVED):
    show_saved(st.session_state[SAVED])
    st.stop()

model = load_model(CURRENT_VERSION)
form_id = submission_id()  # fixed until "Registrér en ny sag": a double click saves one case
st.caption(f"Sagen registreres i {district_names()[district]}. Udfyld under eller lige efter "
           "samtalen. Skriv ingen navne, skoler, datoer eller numre – kun det grove billede.")

form_col, proposal_col = st.columns([3, 2], gap="large")
with form_col:
    age, gender, institution, month = victim_fields(date.today())
    facts = facts_from(age, image_fields(), context_fields(), reaction_fields(model))
with proposal_col:
    if facts is None:
        st.info("Forslaget til niveau og tiltag vises her, så snart du har valgt ofrets "
                "aldersgruppe og hvad billedet viser.", icon=":material/info:")
        st.stop()
    result = assess(facts, model)
    show_proposal(model, result)

st.header("Din vurdering", anchor=False)
level, reason = level_choice(model, result.proposed_level)
if level != result.proposed_level:
    show_chosen_measures(model, facts, level)
# The hint is a caption, not a tooltip: it matters, and Streamlit names a tooltip's button in
# English ("Help for ...").
note = st.text_input("Bemærkning (valgfri)", max_chars=200, key=PREFIX + "note")
st.caption("Højst 200 tegn. Skriv aldrig navne, skoler, CPR-numre, telefonnumre, e-mailadresser, "
           "brugernavne (@...), links eller datoer med dag. Skriv roller i stedet for navne "
           "(»eleven«, »veninden«) og højst måned og år.")
if st.button("Gem sag", type="primary", icon=":material/save:"):
    draft = CaseDraft(facts=facts, month=month, institution_type=institution or "",
                      chosen_level=level, model_version=model.version,
                      submission_id=form_id, gender=gender, override_reason=reason,
                      note=clean_text(note) or None)
    try:
        created = create_case(scope, district, draft)
    except DomainError as exc:
        show_error(exc)
    else:
        st.session_state[SAVED] = created.code
        st.rerun()
