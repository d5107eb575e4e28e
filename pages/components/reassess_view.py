"""A case's level history and its re-assessment: the triage form again, prefilled with the facts.

The engine proposes under the case's own version or, by the contact's choice, the version in force
now; the contact confirms a level (with a reason fitting the direction when it differs). Saving goes
to db/case_reassessment.py, which recomputes everything from the facts.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from db.case_queries import CaseDetail
from db.case_reassessment import allowed_versions, reassess
from db.model_registry import model_of
from model.access import Scope
from model.danish import month_label
from model.errors import DomainError
from model.reassessment import Reassessment
from model.triage import assess
from model.vocab import OVERRIDE_REASONS
from pages.components.case_view import MESSAGE, widget_key
from pages.components.session import show_error
from pages.components.triage_form import (
    age_field,
    context_fields,
    facts_from,
    image_fields,
    level_choice,
    reaction_fields,
    show_proposal,
)


def level_history(case: CaseDetail) -> None:
    """Month, version, proposed and chosen level and reason of every assessment, oldest first."""
    if len(case.history) < 2:
        return
    st.markdown("**Niveauets historik**")
    st.table([{
        "Måned": month_label(a.month), "Modelversion": a.model_version,
        "Forslag": f"Niveau {a.proposed_level}", "Valgt": f"Niveau {a.chosen_level}",
        "Begrundelse": OVERRIDE_REASONS.get(a.override_reason or "", "–"),
        "Vurdering": "Registrering" if a.seq == 1 else "Genvurdering",
    } for a in case.history])


def reassess_section(scope: Scope, case: CaseDetail) -> None:
    """The re-assessment form of an open case (facts prefilled; proposal beside them)."""
    prefix = widget_key(case, "r_")
    with st.expander("Genvurdér sagen", icon=":material/update:"):
        st.caption("Har situationen ændret sig (billedet er spredt, reaktionen er blevet "
                   "stærkere)? Ret oplysningerne; modellen foreslår et niveau igen.")
        names = allowed_versions(case.model_version, date.today())
        version = names[0]
        if len(names) > 1:
            version = st.radio(
                "Vurdér efter", names, key=prefix + "version", horizontal=True,
                format_func=lambda v: f"Sagens version ({v})" if v == case.model_version
                else f"Den gældende version ({v})")
        model = model_of(version)
        age = age_field(prefix, case.facts.age_band)
        facts = facts_from(age, image_fields(prefix, case.facts), context_fields(prefix, case.facts),
                           reaction_fields(model, prefix, case.facts))
        if facts is None:
            st.info("Vælg aldersgruppe og hvad billedet viser.", icon=":material/info:")
            return
        result = assess(facts, model)
        show_proposal(model, result)
        level, reason = level_choice(model, result.proposed_level, prefix)
        if st.button("Gem genvurdering", type="primary", icon=":material/save:",
                     key=prefix + "save"):
            change = Reassessment(facts, version, level, reason)
            try:
                reassess(scope, case.code, case.row_version, change)
            except DomainError as exc:
                show_error(exc)
            else:
                st.session_state[MESSAGE] = ("success", f"Sagen er genvurderet: niveau {level}.")
                st.rerun()
