"""Modeljustering: how often the chosen level differs from the proposed one, and why (per version)."""

from __future__ import annotations

from functools import partial

import streamlit as st

from model.perturbation import CELL_KEY
from model.published import TABLES
from pages.components import outcome_views
from pages.components import stats_views as views
from pages.components.exports import ExportContext
from pages.components.session import require_page
from pages.components.stats_filters import filtered_figures
from pages.components.stats_sections import about_figures, block, hide_chart_toolbar

scope = require_page("calibration")
hide_chart_toolbar()
st.title("Modeljustering", anchor=False)
st.caption("Hvor ofte vælger kontaktpersonerne et andet niveau end det, modellen foreslår, og hvorfor? "
           "Tallene er grundlaget for at justere modellen.")

figures = filtered_figures(scope, "calibration")
about_figures(figures.release)

ctx = ExportContext(scope, "modeljustering", figures.flt, None, figures.release, CELL_KEY)
after = outcome_views.tables(scope, figures.flt, figures.release)
found = [v for v in dict.fromkeys([*figures.versions_found(), *outcome_views.versions_found(after)])
         if v]
if not found:
    st.info("Der er ingen sager i det valgte udsnit.")
for version in found:
    st.header(f"Modelversion {version}", anchor=False)
    block(ctx, f"foreslaaet-valgt-{version}", TABLES["calibration"].title,
          figures.drawn(partial(views.calibration, version=version)), level=3,
          caption="Rækker: modellens forslag. Kolonner: det valgte niveau. Diagonalen er enighed.")
    block(ctx, f"fulgt-aendret-{version}", TABLES["direction"].title,
          figures.drawn(partial(views.direction, version=version)), level=3)
    block(ctx, f"begrundelser-{version}", TABLES["reasons"].title,
          figures.drawn(partial(views.reasons, version=version)), level=3,
          stacked=True)  # long reasons as axis labels: beside the table the bars had no room
    outcome_views.reassessments(after, version)
    outcome_views.closing_answers(after, version)
outcome_views.how_often(after)
block(ctx, "niveau-version", TABLES["by_version"].title, figures.drawn(views.by_version))
