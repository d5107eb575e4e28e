"""Modeljustering: how often the chosen level differs from the proposed one, and why (per version)."""

from __future__ import annotations

import streamlit as st

from db.districts import district_names
from model.published import TABLES
from pages.components import outcome_views
from pages.components import stats_views as views
from pages.components.exports import ExportContext
from pages.components.session import require_page
from pages.components.stats_filters import filtered_dashboard
from pages.components.stats_sections import about_figures, block, hide_chart_toolbar

scope = require_page("calibration")
hide_chart_toolbar()
st.title("Modeljustering", anchor=False)
st.caption("Hvor ofte vælger kontaktpersonerne et andet niveau end det, modellen foreslår, og hvorfor? "
           "Tallene er grundlaget for at justere modellen.")

flt, dash = filtered_dashboard(scope, "calibration")
about_figures(dash)

names = district_names()
t = dash.national
ctx = ExportContext(scope, "modeljustering", flt, None, dash.release, dash.method)
after = outcome_views.tables(scope, flt, dash.release)
found = [v for v in dict.fromkeys([*t["calibration"]["version"], *outcome_views.versions_found(after)])
         if v]
if not found:
    st.info("Der er ingen sager i det valgte udsnit.")
for version in found:
    st.header(f"Modelversion {version}", anchor=False)
    block(ctx, f"foreslaaet-valgt-{version}", TABLES["calibration"].title,
          *views.calibration(t, names, version), level=3,
          caption="Rækker: modellens forslag. Kolonner: det valgte niveau. Diagonalen er enighed.")
    block(ctx, f"fulgt-aendret-{version}", TABLES["direction"].title,
          *views.direction(t, names, version), level=3)
    block(ctx, f"begrundelser-{version}", TABLES["reasons"].title,
          *views.reasons(t, names, version), level=3,
          stacked=True)  # long reasons as axis labels: beside the table the bars had no room
    outcome_views.reassessments(after, version)
    outcome_views.closing_answers(after, version)
outcome_views.how_often(after)
block(ctx, "niveau-version", TABLES["by_version"].title, *views.by_version(t, names))
