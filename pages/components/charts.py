"""Charts of the statistics pages as pure functions of published (perturbed) frames.

Each function takes cells from pages.components.stats_frames (labels added, margins left out) and
returns an `alt.Chart` with explicit encoding types. Honest charts: a stacked bar also marks its own
published total, since adjusted parts need not add up to it exactly. Charts carry no
title: the page prints it above chart and table, and an exported image gets it added. A chart carries
only the columns it encodes, so its data, tooltips and exports hold nothing the table does not.
The Danish theme (number and time locale, colours) is registered once, when this module is imported.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from pages.components.stats_frames import MONTHS, SHORT_MONTHS, TITLES

THEME = "haandtering"
DAYS = ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"]
DANISH_LOCALE = {
    "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " kr."]},
    "time": {"dateTime": "%A den %d. %B %Y %X", "date": "%d.%m.%Y", "time": "%H:%M:%S",
             "periods": ["AM", "PM"], "days": DAYS, "shortDays": [d[:3] for d in DAYS],
             "months": MONTHS, "shortMonths": [m.rstrip(".") for m in SHORT_MONTHS]},
}
LEVEL_COLOURS = ["#fdd49e", "#fc8d59", "#d7301f", "#7f0000", "#3b0000"]
STATUS_COLOURS = {"Planlagt": "#f4a259", "Udført": "#2a9d8f", "Ikke relevant": "#bdbdbd"}
COUNT = alt.Tooltip("n:Q", title="Antal", format=",d")


@alt.theme.register(THEME, enable=True)
def theme() -> alt.theme.ThemeConfig:
    return {"config": {
        "locale": DANISH_LOCALE,
        "font": "sans-serif",
        "view": {"stroke": None, "continuousWidth": 560, "continuousHeight": 280},
        "axis": {"labelFontSize": 12, "titleFontSize": 12, "grid": False},
        "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom"},
        "title": {"fontSize": 14, "anchor": "start"},
    }}


def _level_scale(df: pd.DataFrame) -> alt.Scale:
    """The same colour for a level in every chart, whichever levels the data holds."""
    pairs = sorted(set(zip(df["level"], df["level_label"], strict=True)))
    return alt.Scale(domain=[label for _, label in pairs],
                     range=[LEVEL_COLOURS[min(int(n), len(LEVEL_COLOURS)) - 1] for n, _ in pairs])


def cases_by_month(df: pd.DataFrame, totals: pd.DataFrame | None = None) -> alt.Chart | alt.LayerChart:
    """Stacked bars of cases per month and level (columns month, month_label, level, level_label, n),
    with each month's published total (columns month, month_label, n) as a black mark: the parts are
    adjusted one by one, so the stack may end a little above or below it."""
    data = df[["month", "month_label", "level", "level_label", "n"]].astype({"n": "int64"})
    data["month"] = pd.to_datetime(data["month"]).dt.strftime("%Y-%m-%d")  # JSON-safe, local date
    scale = _level_scale(data)
    data = data.drop(columns="level")
    x = alt.X("yearmonth(month):T", title="Måned", axis=alt.Axis(format="%b %Y", labelAngle=-45))
    bars = alt.Chart(data).mark_bar().encode(
        x=x, y=alt.Y("n:Q", title="Antal sager", stack="zero"),
        color=alt.Color("level_label:N", title="Niveau", scale=scale),
        order=alt.Order("level_label:N"),
        tooltip=[alt.Tooltip("month_label:N", title="Måned"),
                 alt.Tooltip("level_label:N", title="Niveau"), COUNT],
    )
    if totals is None or not len(totals):
        return bars
    marks = totals[["month", "month_label", "n"]].astype({"n": "int64"})
    marks["month"] = pd.to_datetime(marks["month"]).dt.strftime("%Y-%m-%d")
    tick = alt.Chart(marks).mark_tick(color="black", thickness=2, size=14).encode(
        x=x, y=alt.Y("n:Q"),
        tooltip=[alt.Tooltip("month_label:N", title="Måned"),
                 alt.Tooltip("n:Q", title="I alt", format=",d")],
    )
    return alt.layer(bars, tick)


def bars(df: pd.DataFrame, dim: str) -> alt.Chart:
    """Horizontal bars of a one-dimensional table (columns `<dim>_label`, n), in table order."""
    field = f"{dim}_label"
    data = df[[field, "n"]].astype({"n": "int64"})
    return alt.Chart(data).mark_bar(color="#d7301f").encode(
        y=alt.Y(f"{field}:N", title=TITLES.get(dim, dim), sort=list(data[field])),
        x=alt.X("n:Q", title="Antal"),
        tooltip=[alt.Tooltip(f"{field}:N", title=TITLES.get(dim, dim)), COUNT],
    )


def grouped(df: pd.DataFrame, dim: str, by: str, horizontal: bool = False) -> alt.Chart:
    """Bars of `dim` side by side per `by` category (columns `<dim>_label`, `<by>_label`, n);
    `horizontal` for long category labels."""
    x_field, c_field = f"{dim}_label", f"{by}_label"
    data = df[[x_field, c_field, "n"]].astype({"n": "int64"})
    categories = alt.X(f"{x_field}:N", title=TITLES.get(dim, dim),
                       sort=list(dict.fromkeys(data[x_field])), axis=alt.Axis(labelAngle=0))
    offset = alt.XOffset(f"{c_field}:N", sort=list(dict.fromkeys(data[c_field])))
    value = alt.Y("n:Q", title="Antal")
    if horizontal:
        categories = alt.Y(f"{x_field}:N", title=None, sort=list(dict.fromkeys(data[x_field])),
                           axis=alt.Axis(labelLimit=320))
        offset = alt.YOffset(f"{c_field}:N", sort=list(dict.fromkeys(data[c_field])))
        value = alt.X("n:Q", title="Antal")
    return alt.Chart(data).mark_bar().encode(
        categories, offset, value,
        color=alt.Color(f"{c_field}:N", title=TITLES.get(by, by),
                        sort=list(dict.fromkeys(data[c_field]))),
        tooltip=[alt.Tooltip(f"{x_field}:N", title=TITLES.get(dim, dim)),
                 alt.Tooltip(f"{c_field}:N", title=TITLES.get(by, by)), COUNT],
    )


def shares_by_level(df: pd.DataFrame, dim: str) -> alt.Chart:
    """Share of each `dim` category within each level (columns level_label, `<dim>_label`, share, n)."""
    field = f"{dim}_label"
    data = df[["level_label", field, "share", "n"]].astype({"n": "int64"})
    order = list(dict.fromkeys(data[field]))
    data["rank"] = [order.index(v) for v in data[field]]
    return alt.Chart(data).mark_bar().encode(
        y=alt.Y("level_label:N", title="Niveau"),
        x=alt.X("share:Q", title="Andel af sagerne på niveauet", axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1])),
        color=alt.Color(f"{field}:N", title=TITLES.get(dim, dim), sort=order),
        order=alt.Order("rank:Q"),
        tooltip=[alt.Tooltip("level_label:N", title="Niveau"),
                 alt.Tooltip(f"{field}:N", title=TITLES.get(dim, dim)),
                 alt.Tooltip("share:Q", title="Andel", format=".0%"), COUNT],
    )


def measures_by_level(df: pd.DataFrame) -> alt.Chart:
    """Measures per level by status (columns level_label, measure_label, measure_status_label, n)."""
    cols = ["level_label", "measure_label", "measure_status_label", "n"]
    data = df[cols].astype({"n": "int64"})
    statuses = [s for s in STATUS_COLOURS if s in set(data["measure_status_label"])]
    data["rank"] = [statuses.index(s) if s in statuses else 9 for s in data["measure_status_label"]]
    return alt.Chart(data).mark_bar().encode(
        y=alt.Y("measure_label:N", title=None, sort=list(dict.fromkeys(data["measure_label"])),
                axis=alt.Axis(labelLimit=260)),
        x=alt.X("n:Q", title="Antal"),
        color=alt.Color("measure_status_label:N", title="Status", scale=alt.Scale(
            domain=statuses, range=[STATUS_COLOURS[s] for s in statuses])),
        order=alt.Order("rank:Q"),
        row=alt.Row("level_label:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left")),
        tooltip=[alt.Tooltip("level_label:N", title="Niveau"),
                 alt.Tooltip("measure_label:N", title="Tiltag"),
                 alt.Tooltip("measure_status_label:N", title="Status"), COUNT],
    ).resolve_scale(y="independent").properties(width=420)


def calibration_heatmap(df: pd.DataFrame) -> alt.LayerChart:
    """Proposed x chosen level (columns proposed_label, level_label, n, text).

    The diagonal is agreement with the model; a cell not shown would stay grey with the mark.
    """
    data = df[["proposed_label", "level_label", "n", "text"]].astype({"n": "Int64"})
    base = alt.Chart(data).encode(
        x=alt.X("level_label:N", title="Valgt niveau", axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y("proposed_label:N", title="Foreslået niveau"),
        tooltip=[alt.Tooltip("proposed_label:N", title="Foreslået"),
                 alt.Tooltip("level_label:N", title="Valgt"), alt.Tooltip("text:N", title="Antal")],
    )
    hidden = base.mark_rect(color="#e0e0e0", stroke="white")
    heat = base.mark_rect(stroke="white").encode(
        color=alt.Color("n:Q", title="Antal", scale=alt.Scale(scheme="oranges", type="symlog")))
    text = base.mark_text(fontSize=12).encode(text=alt.Text("text:N"))
    return alt.layer(hidden, heat, text).properties(width=320, height=240)
