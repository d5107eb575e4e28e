"""Modeljustering: how often the chosen level differs from the proposed one, and why (per version)."""

from __future__ import annotations

import streamlit as st

from db.districts import district_names
from model.suppression import SUPPRESSED_NOTE
from pages.components import outcome_views
from pages.components import stats_views as views
from pages.components.session import require_page
from pages.components.stats_filters import filtered_dashboard
from pages.components.stats_sections import ExportContext, block

scope = require_page("calibration")
st.title("Modeljustering")
st.caption("Hvor ofte vælger kontaktpersonerne et andet niveau end det, modellen foreslår, og hvorfor? "
           "Tallene er grundlaget for at justere modellen. " + SUPPRESSED_NOTE)

flt, dash = filtered_dashboard(scope, "calibration")

names = district_names()
t = dash.national
ctx = ExportContext(scope, "modeljustering", flt)
after = outcome_views.tables(scope, flt)
found = [v for v in dict.fromkeys([*t["calibration"]["version"], *outcome_views.versions_found(after)])
         if v]
if not found:
    st.info("Der er ingen sager i det valgte udsnit.")
for version in found:
    st.header(f"Modelversion {version}")
    block(ctx, f"foreslaaet-valgt-{version}", "Foreslået og valgt niveau",
          *views.calibration(t, names, version),
          caption="Rækker: modellens forslag. Kolonner: det valgte niveau. Diagonalen er enighed.")
    block(ctx, f"fulgt-aendret-{version}", "Forslaget fulgt eller ændret, pr. foreslået niveau",
          *views.direction(t, names, version))
    block(ctx, f"begrundelser-{version}", "Begrundelser for at vælge et andet niveau",
          *views.reasons(t, names, version))
    outcome_views.reassessments(after, version)
    outcome_views.closing_answers(after, version)
outcome_views.how_often(after)
block(ctx, "niveau-version", "Sager pr. niveau og modelversion", *views.by_version(t, names))
