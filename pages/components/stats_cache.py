"""Cached statistics per caller, filter and day, invalidated by the database's data version.

Why a data version in the key rather than only clearing on save: the version is read from the
database on every run (count, latest update and version sum of the cases, a few milliseconds even
at 10M cases), so a case saved by any session, process or tool makes the next run recompute. The
scope is a normal argument, so one user's (or tenant's) result is never served to another.
`clear_stats_cache()` is there for code that wants the memory back at once after a write.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from db import stats
from model.access import Scope
from model.stats_filter import StatsFilter


@st.cache_data(show_spinner="Beregner tallene ...", max_entries=128)
def cached_dashboard(scope: Scope, flt: StatsFilter, district: str | None, on: date,
                     data_version: tuple) -> stats.Dashboard:
    return stats.dashboard(scope, flt, district, on)


@st.cache_data(show_spinner=False, max_entries=64)
def cached_bounds(scope: Scope, released: bool, on: date, data_version: tuple) -> tuple[object, object]:
    return stats.period_bounds(scope, on if released else None)


def dashboard(scope: Scope, flt: StatsFilter, district: str | None = None) -> stats.Dashboard:
    """The dashboard for this caller and filter today (the release in force), recomputed only when the
    day or the cases changed."""
    return cached_dashboard(scope, flt, district, date.today(), stats.data_version(scope))


def bounds(scope: Scope, released: bool = True) -> tuple[object, object]:
    """First and last month to offer: up to the last released month for nationwide pages."""
    return cached_bounds(scope, released, date.today(), stats.data_version(scope))


def clear_stats_cache() -> None:
    """Drop every cached statistic (e.g. right after a case is saved)."""
    cached_dashboard.clear()
    cached_bounds.clear()
