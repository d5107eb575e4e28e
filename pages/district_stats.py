"""Kredsens tal: a district contact's own district exact and live, beside the nationwide figures
(released and perturbed). One section is drawn per run (the open tab, kept in the URL)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import streamlit as st

from db import stats
from db.districts import district_names
from model.access import Role
from model.perturbation import CELL_KEY
from model.published import TABLES
from pages.components import stats_views as views
from pages.components.exports import ExportContext
from pages.components.freshness import watch
from pages.components.session import require_page, single_district
from pages.components.stats_cache import OWN
from pages.components.stats_filters import filtered_figures
from pages.components.stats_sections import about_figures, block, hide_chart_toolbar, open_section

scope = require_page("district_stats")
hide_chart_toolbar()
district = single_district(scope, Role.DISTRICT_CONTACT)
names = district_names()
if district is None:
    st.error("Du er ikke knyttet til en politikreds. Kontakt administratoren.")
    st.stop()

watch("kreds", partial(stats.district_version, scope, district))  # a colleague's save shows by itself
st.title(f"Kredsens tal · {names[district]}", anchor=False)
st.caption(f"Til venstre tallene for {names[district]}; til højre hele landet.")

figures = filtered_figures(scope, "district", district)
about_figures(figures.release, names[district])

own_ctx = ExportContext(scope, "kreds", figures.flt, district)
land_ctx = ExportContext(scope, "landstal", figures.flt, district, figures.release, CELL_KEY)
BLOCKS = [
    ("sager-pr-maaned", TABLES["by_month"].title, views.over_time),
    ("status", TABLES["status"].title, partial(views.share_by_level, name="status", dim="status")),
    ("politi", TABLES["police"].title, partial(views.share_by_level, name="police", dim="police")),
    ("platforme", "Platforme", partial(views.one_way, name="platforms", dim="platform")),
    ("sletning", TABLES["takedowns"].title, partial(views.one_way, name="takedowns", dim="outcome")),
    ("alder-koen", TABLES["age_gender"].title, views.age_gender),
]


def side_by_side(name: str, title: str, view: Callable[..., views.View]) -> None:
    left, right = st.columns(2, gap="large")
    with left:
        st.header(names[district], anchor=False)
        block(own_ctx, f"{name}-{district}", title, figures.drawn(view, OWN), stacked=True,
              level=3)
    with right:
        st.header("Hele landet", anchor=False)
        block(land_ctx, name, title, figures.drawn(view), stacked=True, level=3)


def by_district() -> None:
    block(land_ctx, "sager-pr-kreds", f"{TABLES['by_district'].title} (hele landet)",
          figures.drawn(views.by_district), stacked=True)


open_section({title: partial(side_by_side, name, title, view) for name, title, view in BLOCKS}
             | {"Politikredse": by_district})
