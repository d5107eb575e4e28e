"""Audit log: every write and export, filterable by district, user, action and period."""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from db import audit
from db.districts import district_names
from pages.components.audit_labels import action_label
from pages.components.session import require_page

scope = require_page("audit")
names = district_names()

st.title("Revisionslog", anchor=False)
st.caption("Alle ændringer og eksporter logges her. Loggen kan ikke ændres.")

c1, c2, c3, c4, c5 = st.columns(5)
district = c1.selectbox("Politikreds", ["", *names], format_func=lambda c: names.get(c, "Alle"))
actor = c2.text_input("Bruger (e-mail)")
action = c3.selectbox("Handling", ["", *audit.actions(scope)],
                      format_func=lambda a: action_label(a) if a else "Alle")
period = c4.date_input("Periode", value=(date.today() - timedelta(days=30), date.today()),
                       format="DD.MM.YYYY")
since, until = (period[0], period[-1]) if period else (None, None)
export_id = c5.text_input("Eksport-id", help="Id'et står i hver eksporteret fil: find, hvem der "
                                             "lavede filen og hvornår.")
if export_id:
    since = until = None  # an id names one entry, whenever it was made

rows = audit.entries(scope, audit.AuditFilter(district=district or None, actor_email=actor or None,
                                              action=action or None, since=since, until=until,
                                              export_id=export_id or None))
st.write(f"{len(rows)} poster" + (" (de nyeste 500)" if len(rows) == 500 else ""))
st.dataframe(
    [{"Tidspunkt": r["logged_at"], "Bruger": r["actor_email"], "Handling": action_label(r["action"]),
      "Politikreds": names.get(r["district_code"], ""), "Objekt": r["object_type"] or "",
      "Id": r["object_id"] or "", "Eksport-id": r["export_id"] or "",
      "Detaljer": r["details"] or ""} for r in rows],
    hide_index=True, width="stretch",
    column_config={"Tidspunkt": st.column_config.DatetimeColumn(format="DD.MM.YYYY HH:mm:ss")},
)
