"""Administration: invite or assign a user, change or revoke a membership."""

from __future__ import annotations

import streamlit as st

from db import users
from db.districts import district_names
from model.access import ROLE_LABELS, Role
from model.errors import DomainError
from model.text import markdown_code
from pages.components.session import require_page, show_error

scope = require_page("admin")
names = district_names()
NATIONWIDE = ""
district_options = [NATIONWIDE, *names]


def district_label(code: str) -> str:
    return names.get(code, "Hele landet (ingen politikreds)")


st.title("Brugere og roller")
st.caption("Giv en bruger en rolle ved at skrive den e-mailadresse, brugeren logger ind med.")

with st.form("assign"):
    st.subheader("Tildel en rolle")
    email = st.text_input("E-mailadresse", placeholder="fornavn.efternavn@politi.dk")
    col_role, col_district = st.columns(2)
    role = col_role.selectbox("Rolle", list(Role), format_func=lambda r: ROLE_LABELS[r])
    district = col_district.selectbox("Politikreds", district_options, format_func=district_label,
                                      help="Kontaktpersoner skal have en politikreds; projektledere "
                                           "og administratorer gælder hele landet.")
    if st.form_submit_button("Tildel rolle", type="primary"):
        try:
            users.assign(scope, email, role, district or None)
        except DomainError as exc:
            show_error(exc)
        else:
            st.success(f"Rollen »{ROLE_LABELS[role]}« er tildelt {markdown_code(email.strip())}.")

st.subheader("Nuværende roller")
only = st.selectbox("Vis politikreds", district_options,
                    format_func=lambda c: names.get(c, "Alle politikredse og landsdækkende"))
rows = users.members(scope, only or None)
if not rows:
    st.info("Ingen roller at vise.")
for row in rows:
    with st.container(border=True):
        left, mid, right, act = st.columns([3, 3, 3, 2], vertical_alignment="center")
        pending = "" if row.logged_in else "  \n_Inviteret, ikke logget ind endnu_"
        left.markdown(f"**{markdown_code(row.email)}**{pending}")
        new_role = mid.selectbox("Rolle", list(Role), index=list(Role).index(row.role),
                                 format_func=lambda r: ROLE_LABELS[r],
                                 key=f"role_{row.membership_id}", label_visibility="collapsed")
        new_district = right.selectbox(
            "Politikreds", district_options, index=district_options.index(row.district or ""),
            format_func=district_label, key=f"district_{row.membership_id}",
            label_visibility="collapsed")
        save, revoke = act.columns(2, gap="small")
        try:
            if save.button("Gem", key=f"save_{row.membership_id}", width="stretch"):
                users.change(scope, row.membership_id, new_role, new_district or None)
                st.rerun()
            if revoke.button("Fjern", key=f"revoke_{row.membership_id}", width="stretch"):
                users.revoke(scope, row.membership_id)
                st.rerun()
        except DomainError as exc:
            show_error(exc)
