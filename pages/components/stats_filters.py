"""The filter bar of the statistics pages: period, districts, levels and model version."""

from __future__ import annotations

from datetime import date

import streamlit as st

from db.districts import all_districts
from db.model_registry import all_level_numbers, version_names
from model.access import Scope
from model.errors import DomainError
from model.months import add_months, month_range
from model.stats_filter import StatsFilter
from pages.components import stats_cache
from pages.components.session import show_error
from pages.components.stats_frames import month_label

ALL_VERSIONS = "Alle versioner"


def _month_options(first: date | None, last: date | None) -> list[date]:
    today = date.today().replace(day=1)
    first, last = first or add_months(today, -11), last or today
    return month_range(first, last)


def filter_bar(key: str, bounds: tuple[object, object], *, districts: bool = True,
               levels: bool = True) -> StatsFilter:
    """Widgets for the filters; returns the chosen filter (the whole period by default)."""
    months = _month_options(*bounds)
    versions = version_names()  # read once for both lists
    all_levels = all_level_numbers(versions)
    # Two rows: five filters side by side cut their values ("dec. 2…", chips "ds Politi") at
    # 1024 px and at 200 % zoom. Period and version first, the lists that grow below.
    period_from, period_to, model_col = st.columns(3)
    first = period_from.selectbox("Fra måned", months, index=0, format_func=_label,
                                  key=f"{key}-from")
    last = period_to.selectbox("Til måned", months, index=len(months) - 1, format_func=_label,
                               key=f"{key}-to")
    version = model_col.selectbox("Modelversion", [ALL_VERSIONS, *versions], key=f"{key}-version")
    rest = iter(st.columns([3, 2]) if districts else [st.container()])
    chosen_districts: list[str] = []
    if districts:
        names = {d.code: d.name for d in all_districts()}
        chosen_districts = next(rest).multiselect(
            "Politikredse", list(names), format_func=names.get, placeholder="Alle politikredse",
            key=f"{key}-districts", select_all=False)  # no English "Select all"
    chosen_levels = next(rest).multiselect(
        "Niveauer", all_levels, format_func=_level, placeholder="Alle niveauer",
        key=f"{key}-levels", select_all=False) if levels else []
    return StatsFilter(first, last, tuple(chosen_districts), tuple(chosen_levels),
                       None if version == ALL_VERSIONS else version)


def _label(month: date) -> str:
    return month_label(month)


def _level(number: int) -> str:
    return f"Niveau {number}"


def filtered_figures(scope: Scope, key: str, district: str | None = None) -> stats_cache.Figures:
    """The filter bar and the (cached, perturbed) figures it selects; a domain error is shown in
    Danish and stops the page, so every statistics page handles bad filters the same way."""
    try:
        page = stats_cache.state(scope, district)
        flt = filter_bar(key, page.bounds, districts=district is None)
        return stats_cache.figures(scope, flt, district, page)
    except DomainError as exc:
        show_error(exc)
        st.stop()
        raise  # unreachable: st.stop() ends the run
