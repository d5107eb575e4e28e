"""Uddannelsesdækning: courses held and planned per district, resource persons trained by role."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from db import coverage
from db.districts import district_names
from model.course_vocab import RESOURCE_ROLES
from model.errors import DomainError
from model.suppression import SUPPRESSED_NOTE, TOTAL, for_display
from pages.components.course_charts import (
    COURSES_ALT,
    HELD,
    PLANNED,
    TRAINED_ALT,
    courses_per_district,
    trained_by_role,
)
from pages.components.course_retention import run_retention_daily
from pages.components.session import require_page, show_error

scope = require_page("coverage")
run_retention_daily()
names = district_names()

st.title("Uddannelsesdækning", anchor=False)
st.caption("Målet er, at ressourcepersoner i alle 12 politikredse tilbydes kursus i "
           "håndteringsmodellen. Tallene viser kurser og uddannede ressourcepersoner.")

try:
    by_district = coverage.courses_by_district(scope)
    own = coverage.own_districts(scope)
    others = coverage.trained_nationwide(scope)
except DomainError as exc:
    show_error(exc)
    st.stop()


def next_course(row: pd.Series) -> str:
    return (f"næste kursus {row['Næste kursus']:%d.%m.%Y}" if row[PLANNED]
            else "intet kursus planlagt")


# The goal covers the 12 mainland districts; Greenland and the Faroe Islands count on their own.
mainland = by_district[by_district["Fastland"]]
outside = by_district[~by_district["Fastland"]]
with_courses = by_district[by_district["Fastland"] | (by_district[HELD] + by_district[PLANNED] > 0)]
c1, c2, c3 = st.columns(3)
c1.metric("Politikredse med afholdt kursus",
          f"{int((~mainland['Uden kursus']).sum())} af {len(mainland)}")
c2.metric("Afholdte kurser", int(by_district[HELD].sum()))
c3.metric("Planlagte kurser", int(by_district[PLANNED].sum()))

st.header("Kurser pr. politikreds", anchor=False)
chart_col, table_col = st.columns(2, gap="medium")
chart_col.altair_chart(courses_per_district(with_courses), width="stretch", alt=COURSES_ALT)
table_col.table(
    with_courses.assign(**{"Næste kursus": [f"{d:%d.%m.%Y}" if pd.notna(d) else "–"
                                            for d in with_courses["Næste kursus"]]})
    [["Politikreds", HELD, PLANNED, "Næste kursus"]], hide_index=True)

st.header("Politikredse uden afholdt kursus", anchor=False)
missing = mainland[mainland["Uden kursus"]]
if missing.empty:
    st.success("Der er afholdt kursus i alle 12 politikredse.")
else:
    st.markdown("\n".join(f"- {row['Politikreds']} · {next_course(row)}"
                          for _, row in missing.iterrows()))
if not outside.empty:
    st.caption("Uden for målet: " + " · ".join(
        f"{row['Politikreds']}: {int(row[HELD])} afholdt, {next_course(row)}"
        for _, row in outside.iterrows()) + ".")

for district in own:
    st.header(f"Uddannede i {names[district]}", anchor=False)
    mine = coverage.trained_in_district(scope, district)
    chart_col, table_col = st.columns(2, gap="medium")
    chart_col.altair_chart(trained_by_role(mine), width="stretch", alt=TRAINED_ALT)
    table_col.table(mine, hide_index=True)
    st.caption(f"I alt {int(mine['Uddannede'].sum())} uddannede ressourcepersoner.")

st.header("Uddannede efter rolle i øvrige politikredse" if own
          else "Uddannede efter rolle og politikreds", anchor=False)
table = for_display(others, ["Uddannede"]).pivot(index="Politikreds", columns="Rolle",
                                                  values="Uddannede")
rows = [n for n in [*names.values(), TOTAL] if n in table.index]
cols = [*RESOURCE_ROLES.values(), TOTAL]
st.table(table.loc[rows, cols].reset_index(), hide_index=True)
st.caption("Tæller deltagere, der mødte op på et afholdt kursus. " + SUPPRESSED_NOTE)
