"""Kontakter på handleplanen: the local contacts of each district and the national help lines that
every printed handling plan lists. Administrators only; every change is audited."""

from __future__ import annotations

import streamlit as st

from db import help_contacts
from db.districts import district_names
from model.errors import DomainError
from model.help_contacts import HelpContact
from model.text import markdown_literal
from pages.components.session import require_page, show_error

scope = require_page("help_contacts")
names = district_names()
NATIONAL = ""
CONFIRM = "_confirm_contact_removal"

st.title("Kontakter på handleplanen")
st.caption("Den udskrevne handleplan slutter med politikredsens egne kontakter og de "
           "landsdækkende hjælpelinjer. Skriv kun organisationer og deres offentlige numre, "
           "aldrig noget om en sag.")

where = st.selectbox("Gælder for", [NATIONAL, *names], key="contacts_for",
                     format_func=lambda c: names.get(c, "Hele landet (landsdækkende hjælpelinjer)"))
district = where or None
if done := st.session_state.pop("_contacts_done", None):
    st.success(done)


def _fields(prefix: str, contact: HelpContact | None) -> HelpContact:
    c1, c2 = st.columns([3, 2])
    name = c1.text_input("Navn", value=contact.name if contact else "", key=f"{prefix}_name",
                         placeholder="F.eks. SSP Helsingør eller Offerrådgivningen")
    phone = c2.text_input("Telefon", value=contact.phone if contact else "",
                          key=f"{prefix}_phone", placeholder="F.eks. 116 006")
    c3, c4 = st.columns([4, 1])
    note = c3.text_input("Bemærkning", value=contact.note if contact else "", key=f"{prefix}_note",
                         placeholder="F.eks. åbningstider eller webadresse")
    position = c4.number_input("Rækkefølge", value=contact.position if contact else 0, step=1,
                               key=f"{prefix}_position")
    return HelpContact(name, phone, note, district, int(position or 0),
                       contact.contact_id if contact else None)


def _save(entry: HelpContact, message: str) -> None:
    try:
        help_contacts.save(scope, entry)
    except DomainError as exc:
        show_error(exc)
    else:
        st.session_state["_contacts_done"] = message
        st.rerun()


def _remove(contact_id: int) -> None:
    """Callback of "Ja, fjern": the database re-checks the administrator's rights."""
    st.session_state[CONFIRM] = None
    try:
        help_contacts.remove(scope, contact_id)
    except DomainError as exc:
        st.session_state["_contacts_error"] = exc
    else:
        st.session_state["_contacts_done"] = "Kontakten er fjernet."


if failed := st.session_state.pop("_contacts_error", None):
    show_error(failed)

entries = help_contacts.listed(scope, district)
st.subheader(f"{len(entries)} kontakter" if entries else "Ingen kontakter endnu", anchor=False)
for entry in entries:
    with st.container(border=True):
        with st.form(f"contact_{entry.contact_id}", border=False):
            edited = _fields(f"c{entry.contact_id}", entry)
            if st.form_submit_button("Gem ændringer"):
                _save(edited, f"»{markdown_literal(edited.name.strip())}« er gemt.")
        if st.session_state.get(CONFIRM) == entry.contact_id:
            st.warning(f"Fjern »{markdown_literal(entry.name)}« fra handleplanerne?",
                       icon=":material/warning:")
            yes, no, _ = st.columns([1, 1, 3])
            yes.button("Ja, fjern", type="primary", key=f"remove_yes_{entry.contact_id}",
                       on_click=_remove, args=(entry.contact_id,))
            no.button("Annullér", key=f"remove_no_{entry.contact_id}",
                      on_click=lambda: st.session_state.update({CONFIRM: None}))
        else:
            st.button("Fjern", key=f"remove_{entry.contact_id}",
                      on_click=lambda cid=entry.contact_id: st.session_state.update({CONFIRM: cid}))

with st.container(border=True):
    st.markdown("**Tilføj en kontakt**")
    with st.form(f"new_contact_{where}", clear_on_submit=False, border=False):
        new = _fields(f"new_{where}", None)
        if st.form_submit_button("Tilføj", type="primary"):
            _save(new, f"»{markdown_literal(new.name.strip())}« er tilføjet.")
