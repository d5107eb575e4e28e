"""Administration: invite or assign a user, change or revoke a membership."""

from __future__ import annotations

import streamlit as st

from db import users
from db.districts import district_names
from model.access import ROLE_LABELS, Role
from model.errors import DomainError
from model.text import markdown_code
from pages.components.page_setup import CONTEXT_KEY, with_context
from pages.components.session import require_page, show_error

scope = require_page("admin")
names = district_names()
NATIONWIDE = ""
district_options = [NATIONWIDE, *names]


def district_label(code: str) -> str:
    return names.get(code, "Hele landet (ingen politikreds)")


st.title("Brugere og roller", anchor=False)
st.caption("Giv en bruger en rolle ved at skrive den e-mailadresse, brugeren logger ind med.")

with st.form("assign"):
    st.header("Tildel en rolle", anchor=False)
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

st.header("Nuværende roller", anchor=False)
only = st.selectbox("Vis politikreds", district_options,
                    format_func=lambda c: names.get(c, "Alle politikredse og landsdækkende"))
rows = users.members(scope, only or None)
if not rows:
    st.info("Ingen roller at vise.")
for row in rows:
    with st.container(border=True):
        # Address and buttons on one line, the two choices on the next: four controls beside the
        # address were too narrow at 1024 px and 200 % zoom (values cut, buttons shown as "G", "F").
        who, save, revoke = st.columns([6, 1.5, 1.5], vertical_alignment="center")
        pending = " · _inviteret, ikke logget ind endnu_" if not row.logged_in else ""
        who.markdown(f"**{markdown_code(row.email)}**{pending}")
        mid, right = st.columns(2)
        # Labels hidden on screen name the user for screen readers: "Rolle for x@y", not "Rolle".
        new_role = mid.selectbox(f"Rolle for {row.email}", list(Role),
                                 index=list(Role).index(row.role),
                                 format_func=lambda r: ROLE_LABELS[r],
                                 key=f"role_{row.membership_id}", label_visibility="collapsed")
        new_district = right.selectbox(
            f"Politikreds for {row.email}", district_options,
            index=district_options.index(row.district or ""),
            format_func=district_label, key=f"district_{row.membership_id}",
            label_visibility="collapsed")
        try:
            if save.button(with_context("Gem", f"rollen for {row.email}"),
                           key=f"{CONTEXT_KEY}save_{row.membership_id}", width="stretch"):
                users.change(scope, row.membership_id, new_role, new_district or None)
                st.rerun()
            if revoke.button(with_context("Fjern", f"rollen for {row.email}"),
                             key=f"{CONTEXT_KEY}revoke_{row.membership_id}", width="stretch"):
                users.revoke(scope, row.membership_id)
                st.rerun()
        except DomainError as exc:
            show_error(exc)
