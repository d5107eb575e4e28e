"""Kredsens tal: a district contact's own district exact and live, beside the nationwide figures
(released and perturbed)."""

from __future__ import annotations

from functools import partial

import streamlit as st

from db.districts import district_names
from model.access import Role
from model.published import TABLES
from pages.components import stats_views as views
from pages.components.exports import ExportContext
from pages.components.session import require_page, single_district
from pages.components.stats_filters import filtered_dashboard
from pages.components.stats_sections import about_figures, block, hide_chart_toolbar

scope = require_page("district_stats")
hide_chart_toolbar()
district = single_district(scope, Role.DISTRICT_CONTACT)
names = district_names()
if district is None:
    st.error("Du er ikke knyttet til en politikreds. Kontakt administratoren.")
    st.stop()

st.title(f"Kredsens tal · {names[district]}", anchor=False)
st.caption(f"Til venstre tallene for {names[district]}; til højre hele landet.")

flt, dash = filtered_dashboard(scope, "district", district)
about_figures(dash, names[district])

own_ctx = ExportContext(scope, "kreds", flt, district)
land_ctx = ExportContext(scope, "landstal", flt, district, dash.release, dash.method)
BLOCKS = [
    ("sager-pr-maaned", TABLES["by_month"].title, views.over_time),
    ("status", TABLES["status"].title, partial(views.share_by_level, name="status", dim="status")),
    ("politi", TABLES["police"].title, partial(views.share_by_level, name="police", dim="police")),
    ("platforme", "Platforme", partial(views.one_way, name="platforms", dim="platform")),
    ("sletning", TABLES["takedowns"].title, partial(views.one_way, name="takedowns", dim="outcome")),
    ("alder-koen", TABLES["age_gender"].title, views.age_gender),
]
tabs = st.tabs([title for _, title, _ in BLOCKS] + ["Politikredse"])
for tab, (name, title, view) in zip(tabs, BLOCKS, strict=False):
    with tab:
        left, right = st.columns(2, gap="large")
        with left:
            st.header(names[district], anchor=False)
            block(own_ctx, f"{name}-{district}", title, *view(dash.own, names=names), stacked=True,
                  level=3)
        with right:
            st.header("Hele landet", anchor=False)
            block(land_ctx, name, title, *view(dash.national, names=names), stacked=True, level=3)
with tabs[-1]:
    block(land_ctx, "sager-pr-kreds", f"{TABLES['by_district'].title} (hele landet)",
          *views.by_district(dash.national, names), stacked=True)
