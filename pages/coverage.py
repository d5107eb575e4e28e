"""Uddannelsesdækning: courses held and planned per district, resource persons trained by role."""

from __future__ import annotations

import streamlit as st

from db import coverage
from db.districts import district_names
from model.course_vocab import RESOURCE_ROLES
from model.errors import DomainError
from model.suppression import SUPPRESSED_NOTE, TOTAL, for_display
from pages.components.course_charts import courses_per_district, trained_by_role
from pages.components.course_retention import run_retention_daily
from pages.components.session import require_page, show_error

scope = require_page("coverage")
run_retention_daily()
names = district_names()

st.title("Uddannelsesdækning")
st.caption("Målet er, at ressourcepersoner i alle politikredse tilbydes kursus i "
           "håndteringsmodellen. Tallene viser kurser og uddannede ressourcepersoner.")

try:
    by_district = coverage.courses_by_district(scope)
    own = coverage.own_districts(scope)
    others = coverage.trained_nationwide(scope)
except DomainError as exc:
    show_error(exc)
    st.stop()

mainland = by_district[by_district["Fastland"]]
c1, c2, c3 = st.columns(3)
c1.metric("Politikredse med afholdt kursus",
          f"{int((~mainland['Uden kursus']).sum())} af {len(mainland)}")
c2.metric("Afholdte kurser", int(by_district["Afholdte kurser"].sum()))
c3.metric("Planlagte kurser", int(by_district["Planlagte kurser"].sum()))

st.subheader("Kurser pr. politikreds")
st.altair_chart(courses_per_district(mainland), width="stretch")

missing = by_district[by_district["Uden kursus"]]
st.subheader("Politikredse uden afholdt kursus")
if missing.empty:
    st.success("Der er afholdt kursus i alle politikredse.")
else:
    st.markdown("\n".join(
        f"- {row['Politikreds']}"
        + (f" · næste kursus {row['Næste kursus']:%d.%m.%Y}" if row["Planlagte kurser"] else
           " · intet kursus planlagt")
        for _, row in missing.iterrows()))

for district in own:
    st.subheader(f"Uddannede i {names[district]}")
    mine = coverage.trained_in_district(scope, district)
    st.altair_chart(trained_by_role(mine), width="stretch")
    st.caption(f"I alt {int(mine['Uddannede'].sum())} uddannede ressourcepersoner.")

st.subheader("Uddannede efter rolle i øvrige politikredse" if own
             else "Uddannede efter rolle og politikreds")
table = for_display(others, ["Uddannede"]).pivot(index="Politikreds", columns="Rolle",
                                                  values="Uddannede")
rows = [n for n in [*names.values(), TOTAL] if n in table.index]
cols = [*RESOURCE_ROLES.values(), TOTAL]
st.dataframe(table.loc[rows, cols], width="stretch", height=35 * (len(rows) + 1) + 3,
             column_config={c: st.column_config.TextColumn(c, width=90) for c in cols})
st.caption("Tæller deltagere, der mødte op på et afholdt kursus. " + SUPPRESSED_NOTE)
