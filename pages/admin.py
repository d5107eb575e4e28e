"""Administration: invite or assign a user, change or revoke a membership."""

from __future__ import annotations

import streamlit as st

from db import users
from db.districts import district_names
from model.access import DISTRICT_REQUIRED, NATIONWIDE_ONLY, ROLE_LABELS, Role
from model.danish import timestamp_label
from model.errors import DomainError
from model.text import markdown_code
from pages.components.choice import choice
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

CONFIRM = "_confirm_revoke"


# Not a form: the district list follows the chosen role, so no invalid pair is ever offered.
with st.container(border=True):
    st.header("Tildel en rolle", anchor=False)
    email = st.text_input("E-mailadresse", placeholder="fornavn.efternavn@politi.dk",
                          key="assign_email")
    col_role, col_district = st.columns(2)
    role = col_role.selectbox("Rolle", list(Role), format_func=lambda r: ROLE_LABELS[r],
                              key="assign_role")
    # Only districts that make a valid pair with the role: a contact's starts at "Vælg".
    if role in DISTRICT_REQUIRED:
        district = choice("Politikreds", names, none_label="Vælg politikreds", where=col_district,
                          key=f"assign_district_{role.value}")
    else:
        options = [NATIONWIDE] if role in NATIONWIDE_ONLY else district_options
        district = col_district.selectbox("Politikreds", options, format_func=district_label,
                                          key=f"assign_district_{role.value}",
                                          disabled=len(options) == 1)
    st.caption("Kontaktpersoner hører til én politikreds; projektledere og administratorer "
               "gælder hele landet; kursusarrangører kan have begge dele.")
    if st.button("Tildel rolle", type="primary"):
        try:
            users.assign(scope, email, role, district or None)
        except DomainError as exc:
            show_error(exc)
        else:
            st.success(f"Rollen »{ROLE_LABELS[role]}« er tildelt {markdown_code(email.strip())}.")


def ask_revoke(membership_id: int | None) -> None:
    st.session_state[CONFIRM] = membership_id


def revoke(membership_id: int) -> None:
    """Callback of "Ja, fjern rollen": the database checks rights and the last administrator."""
    st.session_state[CONFIRM] = None
    try:
        users.revoke(scope, membership_id)
    except DomainError as exc:
        st.session_state["_admin_error"] = exc
    else:
        st.session_state["_admin_done"] = "Rollen er fjernet."


st.header("Nuværende roller", anchor=False)
if failed := st.session_state.pop("_admin_error", None):
    show_error(failed)
if done := st.session_state.pop("_admin_done", None):
    st.success(done)
only = st.selectbox("Vis politikreds", district_options,
                    format_func=lambda c: names.get(c, "Alle politikredse og landsdækkende"))
rows = users.members(scope, only or None)
if not rows:
    st.info("Ingen roller at vise.")
for row in rows:
    with st.container(border=True):
        # Address and buttons on one line, the two choices on the next: four controls beside the
        # address were too narrow at 1024 px and 200 % zoom (values cut, buttons shown as "G", "F").
        who, save, remove = st.columns([6, 1.5, 1.5], vertical_alignment="center")
        seen = (f"Sidst logget ind {timestamp_label(row.last_login)}" if row.last_login
                else "Logget ind" if row.logged_in else "Inviteret, ikke logget ind endnu")
        who.markdown(f"**{markdown_code(row.email)}**  \n_{seen}_")
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
        except DomainError as exc:
            show_error(exc)
        remove.button(with_context("Fjern", f"rollen for {row.email}"),
                      key=f"{CONTEXT_KEY}revoke_{row.membership_id}", width="stretch",
                      on_click=ask_revoke, args=(row.membership_id,))
        if st.session_state.get(CONFIRM) == row.membership_id:
            where = names.get(row.district or "", "hele landet")
            st.warning(f"Fjern rollen »{ROLE_LABELS[row.role]}« ({where}) fra {markdown_code(row.email)}? "
                       "Brugeren mister adgangen ved sit næste klik.", icon=":material/warning:")
            yes, no, _ = st.columns([1, 1, 3])
            yes.button("Ja, fjern rollen", type="primary", key=f"confirm_{row.membership_id}",
                       on_click=revoke, args=(row.membership_id,))
            no.button("Annullér", key=f"keep_{row.membership_id}", on_click=ask_revoke,
                      args=(None,))
