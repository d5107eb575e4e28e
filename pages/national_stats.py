"""Landstal: the nationwide dashboard for project leaders; every figure released and perturbed in db/."""

from __future__ import annotations

import streamlit as st

from db.districts import district_names
from model.published import TABLES
from pages.components import stats_views as views
from pages.components.exports import ExportContext
from pages.components.session import require_page
from pages.components.stats_filters import filtered_dashboard
from pages.components.stats_sections import about_figures, block, hide_chart_toolbar

scope = require_page("national_stats")
hide_chart_toolbar()
st.title("Landstal", anchor=False)

flt, dash = filtered_dashboard(scope, "national")
about_figures(dash)

names = district_names()
t = dash.national
ctx = ExportContext(scope, "landstal", flt, None, dash.release, dash.method)
tabs = st.tabs(["Over tid", "Politikredse", "Tiltag", "Platforme og sletning", "Alder og køn",
                "Politi og status"])
with tabs[0]:
    block(ctx, "sager-pr-maaned", TABLES["by_month"].title, *views.over_time(t, names),
          caption="Den sorte streg er månedens samlede antal; søjlens dele er justeret hver for sig.")
with tabs[1]:
    block(ctx, "sager-pr-kreds", TABLES["by_district"].title, *views.by_district(t, names),
          stacked=True)  # the map needs the full width for its names to be legible
with tabs[2]:
    block(ctx, "tiltag", f"{TABLES['measures'].title} (modelversion {dash.measures_version})",
          *views.measures(t, names, dash.measures_version), stacked=True,
          caption="Hvert tiltag for sig; der vises ingen sum over tiltagene, da den ville afsløre "
                  "antallet af sager på niveauet.")
with tabs[3]:
    block(ctx, "platforme", TABLES["platforms"].title, *views.one_way(t, "platforms", "platform", names),
          caption="En sag kan nævne flere platforme.")
    block(ctx, "sletning", TABLES["takedowns"].title, *views.one_way(t, "takedowns", "outcome", names),
          caption="Én anmodning pr. sag og platform.")
with tabs[4]:
    block(ctx, "alder-koen", TABLES["age_gender"].title, *views.age_gender(t, names))
with tabs[5]:
    block(ctx, "politi", TABLES["police"].title, *views.share_by_level(t, "police", "police", names))
    block(ctx, "status", TABLES["status"].title, *views.share_by_level(t, "status", "status", names))
