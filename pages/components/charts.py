"""Charts of the statistics pages as pure functions of published (perturbed) frames.

Each function takes cells from pages.components.stats_frames (labels added, margins left out) and
returns an `alt.Chart` with explicit encoding types. Honest charts: a stacked bar also marks its own
published total, since adjusted parts need not add up to it exactly. Charts carry no
title: the page prints it above chart and table, and an exported image gets it added. A chart carries
only the columns it encodes, so its data, tooltips and exports hold nothing the table does not.
The Danish theme (number and time locale, colours) is registered once, when this module is imported.

Accessible by design (docs/accessibility.md): colours from pages.components.palette (3:1 on white,
apart for colour-blind users, the same colour for a category whatever the filter), Vega's English
per-mark screen-reader texts switched off (the page gives each chart a Danish text alternative and
its table), axis and legend text in dark ink, legends in one column that never cuts a label, and
count axes that show whole numbers (an empty chart read "0,000000").
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from model.danish import MONTHS, SHORT_MONTHS, WEEKDAYS
from pages.components.palette import (
    CATEGORIES,
    DARK_INK,
    HIDDEN_FILL,
    LEVELS,
    NEUTRAL,
    ink_on,
    sequential_fill,
)
from pages.components.stats_frames import FIXED, TITLES

THEME = "haandtering"
DAYS = WEEKDAYS
DANISH_LOCALE = {
    "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " kr."]},
    "time": {"dateTime": "%A den %d. %B %Y %X", "date": "%d.%m.%Y", "time": "%H:%M:%S",
             "periods": ["AM", "PM"], "days": DAYS, "shortDays": [d[:3] for d in DAYS],
             "months": MONTHS, "shortMonths": [m.rstrip(".") for m in SHORT_MONTHS]},
}
COUNT = alt.Tooltip("n:Q", title="Antal", format=",d")
COUNT_AXIS = alt.Axis(format=",d", tickMinStep=1)  # whole numbers, also on an empty chart
# Categories whose colour means something of its own: "not relevant" and "not involved" are grey.
NEUTRAL_LABELS = frozenset({"Ikke relevant", "Politiet ikke inddraget", "Ønsker ikke at oplyse"})


@alt.theme.register(THEME, enable=True)
def theme() -> alt.theme.ThemeConfig:
    return {"config": {
        "locale": DANISH_LOCALE,
        "font": "sans-serif",
        "aria": False,
        "mark": {"aria": False},
        "view": {"stroke": None, "continuousWidth": 560, "continuousHeight": 280},
        "axis": {"labelFontSize": 12, "titleFontSize": 12, "grid": False, "labelColor": DARK_INK,
                 "titleColor": DARK_INK},
        "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom",
                   "direction": "vertical", "labelLimit": 0, "labelColor": DARK_INK,
                   "titleColor": DARK_INK},
        "header": {"labelColor": DARK_INK, "titleColor": DARK_INK},
        "title": {"fontSize": 14, "anchor": "start", "color": DARK_INK},
    }}


def _level_scale(df: pd.DataFrame) -> alt.Scale:
    """The same colour for a level in every chart, whichever levels the data holds."""
    pairs = sorted(set(zip(df["level"], df["level_label"], strict=True)))
    return alt.Scale(domain=[label for _, label in pairs],
                     range=[LEVELS[min(int(n), len(LEVELS)) - 1] for n, _ in pairs])


def category_colour(dim: str, label: str) -> str:
    """A category's colour by its place in the dimension's fixed list of labels, so it keeps its
    colour whichever categories a filter leaves ("Højere"/"Lavere" swapped before); grey for
    "not relevant" and the like."""
    if label in NEUTRAL_LABELS:
        return NEUTRAL
    labels = [v for v in FIXED.get(dim, {}).values() if v not in NEUTRAL_LABELS]
    index = labels.index(label) if label in labels else len(labels)
    return CATEGORIES[index % len(CATEGORIES)]


def _category_scale(dim: str, labels: list[str]) -> alt.Scale:
    return alt.Scale(domain=labels, range=[category_colour(dim, label) for label in labels])


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
        x=x, y=alt.Y("n:Q", title="Antal sager", stack="zero", axis=COUNT_AXIS),
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
    return alt.Chart(data).mark_bar(color=CATEGORIES[0]).encode(
        y=alt.Y(f"{field}:N", title=TITLES.get(dim, dim), sort=list(data[field]),
                axis=alt.Axis(labelLimit=320)),
        x=alt.X("n:Q", title="Antal", axis=COUNT_AXIS),
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
    value = alt.Y("n:Q", title="Antal", axis=COUNT_AXIS)
    if horizontal:
        categories = alt.Y(f"{x_field}:N", title=None, sort=list(dict.fromkeys(data[x_field])),
                           axis=alt.Axis(labelLimit=320))
        offset = alt.YOffset(f"{c_field}:N", sort=list(dict.fromkeys(data[c_field])))
        value = alt.X("n:Q", title="Antal", axis=COUNT_AXIS)
    present = list(dict.fromkeys(data[c_field]))
    return alt.Chart(data).mark_bar().encode(
        categories, offset, value,
        color=alt.Color(f"{c_field}:N", title=TITLES.get(by, by), sort=present,
                        scale=_category_scale(by, present)),
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
        color=alt.Color(f"{field}:N", title=TITLES.get(dim, dim), sort=order,
                        scale=_category_scale(dim, order)),
        order=alt.Order("rank:Q"),
        tooltip=[alt.Tooltip("level_label:N", title="Niveau"),
                 alt.Tooltip(f"{field}:N", title=TITLES.get(dim, dim)),
                 alt.Tooltip("share:Q", title="Andel", format=".0%"), COUNT],
    )


def measures_by_level(df: pd.DataFrame) -> alt.FacetChart:
    """Measures per level by status (columns level_label, measure_label, measure_status_label, n).

    One section per level, named by a text mark above it rather than a facet header: Vega gives
    headers an English screen-reader label ("Title text 'Niveau 1'") that no setting removes.
    """
    cols = ["level_label", "measure_label", "measure_status_label", "n"]
    data = df[cols].astype({"n": "int64"})
    statuses = [s for s in FIXED["measure_status"].values() if s in set(data["measure_status_label"])]
    data["rank"] = [statuses.index(s) if s in statuses else 9 for s in data["measure_status_label"]]
    bars = alt.Chart().mark_bar().encode(
        y=alt.Y("measure_label:N", title=None, sort=list(dict.fromkeys(data["measure_label"])),
                axis=alt.Axis(labelLimit=260)),
        x=alt.X("n:Q", title="Antal", axis=COUNT_AXIS),
        color=alt.Color("measure_status_label:N", title="Status",
                        scale=_category_scale("measure_status", statuses)),
        order=alt.Order("rank:Q"),
        tooltip=[alt.Tooltip("level_label:N", title="Niveau"),
                 alt.Tooltip("measure_label:N", title="Tiltag"),
                 alt.Tooltip("measure_status_label:N", title="Status"), COUNT],
    ).properties(width=420)
    level = alt.Chart().mark_text(align="left", baseline="bottom", dy=-4, fontSize=12,
                                  fontWeight="bold", color=DARK_INK).encode(
        text="level_label:N", x=alt.value(0), y=alt.value(0),
    ).transform_aggregate(groupby=["level_label"])
    return alt.layer(bars, level, data=data).facet(
        row=alt.Row("level_label:N", title=None, header=alt.Header(labels=False)), spacing=26,
    ).resolve_scale(y="independent")


def calibration_heatmap(df: pd.DataFrame) -> alt.LayerChart:
    """Proposed x chosen level (columns proposed_label, level_label, n, text).

    The diagonal is agreement with the model; a cell not shown stays grey with the mark. Each cell's
    fill comes from the palette and its text takes the ink that reads on it (black on the darkest
    cells was 2.95:1 before); the counts are written in the cells, so there is no colour legend.
    """
    data = df[["proposed_label", "level_label", "n", "text"]].astype({"n": "Int64"})
    top = int(data["n"].max()) if data["n"].notna().any() else 0
    data["fill"] = [HIDDEN_FILL if pd.isna(n) else sequential_fill(int(n), top) for n in data["n"]]
    data["ink"] = [ink_on(fill) for fill in data["fill"]]
    base = alt.Chart(data).encode(
        x=alt.X("level_label:N", title="Valgt niveau", axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y("proposed_label:N", title="Foreslået niveau"),
        tooltip=[alt.Tooltip("proposed_label:N", title="Foreslået"),
                 alt.Tooltip("level_label:N", title="Valgt"), alt.Tooltip("text:N", title="Antal")],
    )
    heat = base.mark_rect(stroke="white").encode(color=alt.Color("fill:N", scale=None))
    text = base.mark_text(fontSize=12).encode(text=alt.Text("text:N"),
                                              color=alt.Color("ink:N", scale=None))
    return alt.layer(heat, text).properties(width=320, height=240)
