"""Landing page: the user's roles and, per district, the district's name and its people."""

from __future__ import annotations

import streamlit as st

from db.districts import all_districts, district_names
from db.users import colleagues
from model.access import ROLE_LABELS, pages_for
from pages.components.session import require_page

scope = require_page("home")
names = district_names()

st.title("Håndteringsmodellen", anchor=False)
st.write("Velkommen. Her er de sider, du har adgang til:")
for spec in pages_for(scope.roles):
    if spec.key != "home":
        st.page_link(spec.path, label=spec.title, icon=spec.icon)

st.header("Dine roller", anchor=False)
for m in scope.memberships:
    where = names[m.district] if m.district else "Hele landet"
    st.markdown(f"- **{ROLE_LABELS[m.role]}** · {where}")

mine = {m.district for m in scope.memberships if m.district}
for code in [d.code for d in all_districts() if d.code in mine]:  # the official order
    st.header(names[code], anchor=False)
    people = colleagues(scope, code)
    st.dataframe(
        [{"E-mail": email, "Rolle": ROLE_LABELS[role]} for email, role in people],
        hide_index=True,
        width="stretch",
    )
