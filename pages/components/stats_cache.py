"""What the statistics pages draw, cached: the published tables and, per block, the chart's spec and
the tables shown and exported, shared by every caller who may see the same.

Keys. A cache key holds everything that decides what the caller may see, and nothing else:
- the `Viewer` (db.stats: the tables the caller's roles allow, the district they see exactly), read
  from the scope on every run, so a revoked role takes effect at once. Not the scope itself:
  st.cache_data hashes a dataclass by all its fields, and the scope carries the login session, so
  every login would get its own copy of the same figures;
- the filter, and the day for the nationwide half (the release in force);
- the version of the data the half is made of, read on every run together with the filter's month
  bounds, in one statement (`state`; a few milliseconds at a million cases): the nationwide
  half's `release_version` changes only when what the release in force holds changes (never with
  a save: a new case waits for its release), the own half's `district_version` with any change to
  the district's cases. So a saved case recomputes its own district's figures and nothing else.

Values. A block's chart is kept as its Vega-Lite spec, a plain dict made by `to_dict(validate=False)`:
validating a spec against the schema was half the cost of a rerun, and the specs each chart builder
makes are validated in tests. The chart builders (pages/components/charts.py) and the views
(stats_views.py) stay the one source of each chart and table; this module calls them and keeps what
they give. A block is also kept as Streamlit sends it (`Shown`): the chart's datasets and the table
as Arrow, made once by Streamlit's own conversion, so a rerun does not convert them again (they
were a third of a warm rerun's CPU in the script). Blocks are kept by `st.cache_resource`: one
object shared by every caller of the same key, never copied (unpickling a copy on every run cost
as much as the look-up); nothing changes them after they are made: the files are made from copies,
and Streamlit copies a spec's top level before it edits it (its one edit below that, a null legend
title made " ", is the same edit on every run, as it was on the copies before).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from types import FunctionType
from typing import NamedTuple

import pandas as pd
import pyarrow as pa
import streamlit as st
from streamlit import dataframe_util

from db import stats
from db.districts import district_names
from db.model_registry import current_version
from db.stats import Viewer
from model.access import Scope
from model.release import Release
from model.stats_filter import StatsFilter
from pages.components.stats_views import View

NATIONAL, OWN = "national", "own"


@dataclass(frozen=True)
class Key:
    """What decides the figures of one half (NATIONAL or OWN) of a statistics page."""

    viewer: Viewer
    half: str
    flt: StatsFilter
    on: date | None  # the day (the release in force); None for the own half, which is live
    version: tuple  # release_version or district_version


# How the caches hash their arguments: a Key by its repr, which names every field's value (plain
# dataclasses, tuples, dates, numbers and strings; Streamlit's hashing of it field by field cost
# more than the rest of a block's look-up); a view function by its qualified name (Streamlit
# cannot hash a function; a partial's arguments are hashed as they are).
HASHED = {Key: repr, FunctionType: lambda f: f"{f.__module__}.{f.__qualname__}"}


class Shown(NamedTuple):
    """A block as Streamlit sends it: the chart's spec with each dataset as Arrow IPC bytes (what
    st.vega_lite_chart makes of a dataset's rows, and passes on as they are when given bytes), and
    the table on screen as the Arrow table st.dataframe makes of the frame."""

    spec: dict | None
    table: pa.Table


class Drawn(NamedTuple):
    """One block as drawn: the chart's Vega-Lite spec (None: a table only), the table on screen,
    the table for files, the chart's description in words (part of its text alternative), and
    the chart and table as Streamlit sends them (`Shown`)."""

    spec: dict | None
    table: pd.DataFrame
    file_table: pd.DataFrame
    description: str
    shown: Shown


def spec(chart) -> dict | None:
    """The chart's Vega-Lite spec as a plain dict, not validated (see the module doc)."""
    return None if chart is None else chart.to_dict(validate=False)


def shown(chart_spec: dict | None, table: pd.DataFrame) -> Shown:
    """`chart_spec` and `table` converted once as Streamlit converts them on every call."""
    if chart_spec is not None and "datasets" in chart_spec:
        chart_spec = chart_spec | {"datasets": {
            name: dataframe_util.convert_anything_to_arrow_bytes(rows)
            for name, rows in chart_spec["datasets"].items()}}
    return Shown(chart_spec, dataframe_util.convert_pandas_df_to_arrow_table(table))


@st.cache_data(show_spinner="Beregner tallene ...", max_entries=64, hash_funcs=HASHED)
def _tables(key: Key, _scope: Scope) -> dict[str, pd.DataFrame]:
    if key.half == OWN:
        return stats.own(_scope, key.flt, key.viewer.district)
    return stats.national(_scope, key.flt, key.on)


@st.cache_resource(show_spinner=False, max_entries=1024, hash_funcs=HASHED)
def _drawn(key: Key, build: Callable[..., View], _scope: Scope) -> Drawn:
    view = build(_tables(key, _scope), names=district_names())
    chart_spec = spec(view.chart)
    return Drawn(chart_spec, view.table, view.file_table, view.description,
                 shown(chart_spec, view.table))


@st.cache_data(show_spinner=False, max_entries=64, hash_funcs=HASHED)
def _versions_found(key: Key, _scope: Scope) -> list[str]:
    return [v for v in dict.fromkeys(_tables(key, _scope)["calibration"]["version"]) if v]


@dataclass(frozen=True)
class Figures:
    """The figures one caller may see on one run of a statistics page. Not a cache key: it holds the
    scope (read this run), which computes what is not cached yet; its keys were made from that
    scope's viewer, so whoever computes a key's figures is one of the callers it stands for."""

    scope: Scope
    flt: StatsFilter
    national: Key
    own: Key | None = None

    @property
    def release(self) -> Release:
        assert self.national.on is not None
        return Release.on_day(self.national.on)

    @property
    def measures_version(self) -> str:
        """The model version whose measures are shown (the filter's, else the current one)."""
        return self.flt.model_version or current_version()

    def drawn(self, build: Callable[..., View], half: str = NATIONAL) -> Drawn:
        """One block of `half` as `build` (a view of stats_views, or a partial of one; called with
        the tables and `names`) draws it, made once per key."""
        key = self.own if half == OWN else self.national
        assert key is not None
        return _drawn(key, build, self.scope)

    def tables(self, half: str = NATIONAL) -> dict[str, pd.DataFrame]:
        key = self.own if half == OWN else self.national
        assert key is not None
        return _tables(key, self.scope)

    def versions_found(self) -> list[str]:
        """The model versions of the cases in the nationwide tables (the calibration page's sections)."""
        return _versions_found(self.national, self.scope)


def state(scope: Scope, district: str | None = None) -> stats.PageState:
    """What the page reads on every run, today, in one statement: the months its filter offers (up
    to the last released month on a nationwide page, `district` None) and the versions that key
    its figures. AccessDenied or NotFound when the caller may not see them."""
    return stats.page_state(scope, date.today(), district, released_bounds=district is None)


def figures(scope: Scope, flt: StatsFilter, district: str | None = None,
            page: stats.PageState | None = None) -> Figures:
    """The caller's figures for `flt` as of `page` (the page's state read this run; read now when
    None). Their rights are read now: AccessDenied or NotFound when they may not see them; a
    ValidationError for an impossible filter."""
    viewer = stats.viewer_of(scope, district)
    flt = flt.normalised()
    page = page or state(scope, district)
    national = Key(replace(viewer, district=None), NATIONAL, flt, page.on, page.release_version)
    own = None
    if district is not None:
        assert page.district_version is not None, "the page's state was read for no district"
        own = Key(viewer, OWN, flt, None, page.district_version)
    return Figures(scope, flt, national, own)


def clear_stats_cache() -> None:
    """Drop every cached statistic (e.g. to give the memory back at once)."""
    for cached in (_tables, _drawn, _versions_found):
        cached.clear()
