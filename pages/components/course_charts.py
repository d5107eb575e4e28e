"""Charts of training coverage, as pure functions of plain frames (tested through to_dict()).

Each chart goes on the page with its text alternative (`*_ALT`) and its figures in a table beside
it; Vega's own screen-reader texts (English, one per bar) are switched off (`aria=False`).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from pages.components.palette import CATEGORIES, DARK_INK

HELD = "Afholdte kurser"
PLANNED = "Planlagte kurser"
COURSES_ALT = ("Kurser pr. politikreds: liggende søjler med afholdte og planlagte kurser i hver "
               "politikreds. Tallene står i tabellen ved siden af.")
TRAINED_ALT = ("Uddannede ressourcepersoner efter rolle: liggende søjler, én pr. rolle. Tallene står "
               "i tabellen ved siden af.")


def _accessible(chart: alt.Chart) -> alt.Chart:
    """No English screen-reader text per bar (the page gives the chart its own), and axis and
    legend text in dark ink rather than the theme's light grey."""
    return (chart.configure(aria=False).configure_mark(aria=False)
            .configure_axis(labelColor=DARK_INK, titleColor=DARK_INK)
            .configure_legend(labelColor=DARK_INK, titleColor=DARK_INK))


def courses_per_district(df: pd.DataFrame) -> alt.Chart:
    """Stacked bars of held and planned courses per district, districts in official order.

    `df` has the columns Politikreds, Afholdte kurser, Planlagte kurser (one row per district).
    """
    order = list(df["Politikreds"])
    long = df.melt(id_vars=["Politikreds"], value_vars=[HELD, PLANNED], var_name="Status",
                   value_name="Kurser")
    long["Status"] = long["Status"].map({HELD: "Afholdt", PLANNED: "Planlagt"})
    return _accessible(
        alt.Chart(long)
        .mark_bar()
        .encode(
            y=alt.Y("Politikreds:N", sort=order, title=None, axis=alt.Axis(labelLimit=320)),
            x=alt.X("Kurser:Q", title="Antal kurser", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("Status:N", sort=["Afholdt", "Planlagt"],
                            scale=alt.Scale(domain=["Afholdt", "Planlagt"],
                                            range=list(CATEGORIES[:2])),
                            legend=alt.Legend(title=None, orient="top")),
            order=alt.Order("Status:N"),
            tooltip=["Politikreds:N", "Status:N", "Kurser:Q"],
        )
        .properties(height=alt.Step(22))
    )


def trained_by_role(df: pd.DataFrame) -> alt.Chart:
    """Bars of trained resource persons per role (exact counts of the organiser's own district).

    `df` has the columns Rolle and Uddannede.
    """
    return _accessible(
        alt.Chart(df)
        .mark_bar(color=CATEGORIES[0])
        .encode(
            y=alt.Y("Rolle:N", sort=list(df["Rolle"]), title=None,
                    axis=alt.Axis(labelLimit=320)),
            x=alt.X("Uddannede:Q", title="Uddannede ressourcepersoner",
                    axis=alt.Axis(tickMinStep=1)),
            tooltip=["Rolle:N", "Uddannede:Q"],
        )
        .properties(height=alt.Step(22))
    )
