"""Charts of training coverage, as pure functions of plain frames (tested through to_dict())."""

from __future__ import annotations

import altair as alt
import pandas as pd

HELD = "Afholdte kurser"
PLANNED = "Planlagte kurser"


def courses_per_district(df: pd.DataFrame) -> alt.Chart:
    """Stacked bars of held and planned courses per district, districts in official order.

    `df` has the columns Politikreds, Afholdte kurser, Planlagte kurser (one row per district).
    """
    order = list(df["Politikreds"])
    long = df.melt(id_vars=["Politikreds"], value_vars=[HELD, PLANNED], var_name="Status",
                   value_name="Kurser")
    long["Status"] = long["Status"].map({HELD: "Afholdt", PLANNED: "Planlagt"})
    return (
        alt.Chart(long)
        .mark_bar()
        .encode(
            y=alt.Y("Politikreds:N", sort=order, title=None, axis=alt.Axis(labelLimit=320)),
            x=alt.X("Kurser:Q", title="Antal kurser", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("Status:N", sort=["Afholdt", "Planlagt"],
                            scale=alt.Scale(range=["#1f5f8b", "#9cc3e0"]),
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
    return (
        alt.Chart(df)
        .mark_bar(color="#1f5f8b")
        .encode(
            y=alt.Y("Rolle:N", sort=list(df["Rolle"]), title=None,
                    axis=alt.Axis(labelLimit=320)),
            x=alt.X("Uddannede:Q", title="Uddannede ressourcepersoner",
                    axis=alt.Axis(tickMinStep=1)),
            tooltip=["Rolle:N", "Uddannede:Q"],
        )
        .properties(height=alt.Step(22))
    )
