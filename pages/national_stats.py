"""Landstal: the nationwide dashboard for project leaders; every figure released and perturbed in db/.

One section is drawn per run (the open tab, kept in the URL), from cached blocks (stats_cache).
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from model.perturbation import CELL_KEY
from model.published import TABLES
from pages.components import stats_views as views
from pages.components.exports import ExportContext
from pages.components.session import require_page
from pages.components.stats_filters import filtered_figures
from pages.components.stats_sections import about_figures, block, hide_chart_toolbar, open_section

scope = require_page("national_stats")
hide_chart_toolbar()
st.title("Landstal", anchor=False)

figures = filtered_figures(scope, "national")
about_figures(figures.release)
ctx = ExportContext(scope, "landstal", figures.flt, None, figures.release, CELL_KEY)


def over_time() -> None:
    block(ctx, "sager-pr-maaned", TABLES["by_month"].title, figures.drawn(views.over_time),
          caption="Den sorte streg er månedens samlede antal; søjlens dele er justeret hver for sig.")


def by_district() -> None:
    block(ctx, "sager-pr-kreds", TABLES["by_district"].title, figures.drawn(views.by_district),
          stacked=True)  # the map needs the full width for its names to be legible


def measures() -> None:
    version = figures.measures_version  # read when this section is open only
    block(ctx, "tiltag", f"{TABLES['measures'].title} (modelversion {version})",
          figures.drawn(partial(views.measures, version=version)), stacked=True,
          caption="Hvert tiltag for sig; der vises ingen sum over tiltagene, da den ville afsløre "
                  "antallet af sager på niveauet.")


def platforms() -> None:
    block(ctx, "platforme", TABLES["platforms"].title,
          figures.drawn(partial(views.one_way, name="platforms", dim="platform")),
          caption="En sag kan nævne flere platforme.")
    block(ctx, "sletning", TABLES["takedowns"].title,
          figures.drawn(partial(views.one_way, name="takedowns", dim="outcome")),
          caption="Én anmodning pr. sag og platform.")


def age_gender() -> None:
    block(ctx, "alder-koen", TABLES["age_gender"].title, figures.drawn(views.age_gender))


def police_status() -> None:
    block(ctx, "politi", TABLES["police"].title,
          figures.drawn(partial(views.share_by_level, name="police", dim="police")))
    block(ctx, "status", TABLES["status"].title,
          figures.drawn(partial(views.share_by_level, name="status", dim="status")))


open_section({"Over tid": over_time, "Politikredse": by_district, "Tiltag": measures,
              "Platforme og sletning": platforms, "Alder og køn": age_gender,
              "Politi og status": police_status})
