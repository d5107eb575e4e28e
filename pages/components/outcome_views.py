"""The calibration page's view of what happens after triage: re-assessments and answers at close,
per model version, from published tables (db/model_outcomes.py)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from db import stats
from db.model_outcomes import outcomes
from db.model_registry import model_of, version_names
from model.access import Scope
from model.closing import LEVEL_FIT, SITUATION
from model.published import TOTAL
from model.release import Release
from model.stats_filter import StatsFilter
from pages.components.model_figures import column, pivot

DIRECTIONS = {"raised": "Højere niveau", "lowered": "Lavere niveau", "same": "Samme niveau",
              TOTAL: "I alt"}


@st.cache_data(show_spinner=False, max_entries=64)
def cached_outcomes(scope: Scope, flt: StatsFilter, release: Release,
                    data_version: tuple) -> dict[str, pd.DataFrame]:
    return outcomes(scope, flt, release)


def tables(scope: Scope, flt: StatsFilter, release: Release) -> dict[str, pd.DataFrame]:
    """The published tables of `release` (the dashboard's), recomputed only when a case changed."""
    return cached_outcomes(scope, flt, release, stats.data_version(scope))


def versions_found(t: dict[str, pd.DataFrame]) -> list[str]:
    return sorted({name.split(":", 1)[1] for name in t if ":" in name})


def _named(labels: dict) -> callable:
    return lambda v: "I alt" if v == TOTAL else labels.get(v, str(v))


def reassessments(t: dict[str, pd.DataFrame], version: str) -> None:
    if f"moves:{version}" not in t:
        return
    st.markdown("**Genvurderinger: niveau før (rækker) og efter (kolonner)**")
    st.caption("Hver genvurdering tæller én gang, efter den version den blev foretaget med.")
    left, right = st.columns([3, 2])
    left.table(pivot(t[f"moves:{version}"], "from_level", "to_level", "Før"))
    right.table(column(t[f"direction:{version}"], "direction", "Retning", _named(DIRECTIONS)))


def closing_answers(t: dict[str, pd.DataFrame], version: str) -> None:
    if f"fit:{version}" not in t:
        return
    st.markdown("**Svar ved lukning: passede niveauet?** (niveau ved lukning)")
    st.table(pivot(t[f"fit:{version}"], "level", "level_fit", "Niveau",
                   col_name=_named(LEVEL_FIT)))
    st.markdown("**Svar ved lukning: ofrets situation** (niveau ved lukning)")
    st.table(pivot(t[f"situation:{version}"], "level", "situation", "Niveau",
                   col_name=_named(SITUATION)))
    if f"helped:{version}" in t:
        labels = model_of(version).measure_labels() if version in version_names() else {}
        st.markdown("**Tiltag, der blev nævnt som en hjælp**")
        st.table(column(t[f"helped:{version}"], "measure", "Tiltag", _named(labels)))


def how_often(t: dict[str, pd.DataFrame]) -> None:
    st.markdown("**Sager, der er genvurderet mindst én gang** (pr. sagens version)")
    st.table(pivot(t["reassessed"], "version", "reassessed", "Modelversion",
                   row_name=_named({}), col_name=_named({"ja": "Genvurderet", "nej": "Ikke genvurderet"})))
