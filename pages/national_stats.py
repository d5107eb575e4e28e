"""Landstal: the nationwide dashboard for project leaders; every figure suppressed in db/."""

from __future__ import annotations

import streamlit as st

from db.districts import district_names
from model.suppression import SUPPRESSED_NOTE
from pages.components import stats_views as views
from pages.components.session import require_page
from pages.components.stats_filters import filtered_dashboard
from pages.components.stats_sections import ExportContext, block

scope = require_page("national_stats")
st.title("Landstal")
st.caption("Sager i hele landet. Små tal er skjult, så ingen enkeltsag kan genkendes. " + SUPPRESSED_NOTE)

flt, dash = filtered_dashboard(scope, "national")

names = district_names()
t = dash.national
ctx = ExportContext(scope, "landstal", flt)
tabs = st.tabs(["Over tid", "Politikredse", "Tiltag", "Platforme og sletning", "Alder og køn",
                "Politi og status"])
with tabs[0]:
    block(ctx, "sager-pr-maaned", "Sager pr. måned og niveau", *views.over_time(t, names))
with tabs[1]:
    block(ctx, "sager-pr-kreds", "Sager pr. politikreds", *views.by_district(t, names),
          caption="Grå felter: tallet er skjult.")
with tabs[2]:
    block(ctx, "tiltag", f"Tiltag pr. niveau (modelversion {dash.measures_version})",
          *views.measures(t, names, dash.measures_version))
with tabs[3]:
    block(ctx, "platforme", "Platforme, hvor billederne er delt",
          *views.one_way(t, "platforms", "platform", names),
          caption="En sag kan nævne flere platforme.")
    block(ctx, "sletning", "Anmodninger om sletning",
          *views.one_way(t, "takedowns", "outcome", names),
          caption="Én anmodning pr. sag og platform.")
with tabs[4]:
    block(ctx, "alder-koen", "Alder og køn", *views.age_gender(t, names))
with tabs[5]:
    block(ctx, "politi", "Politiet inddraget", *views.share_by_level(t, "police", "police", names))
    block(ctx, "status", "Åbne og lukkede sager", *views.share_by_level(t, "status", "status", names))
