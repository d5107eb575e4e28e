"""Audit log: every write and export, filterable by district, user, action, period and export id.

The filters live in the URL (a link shows the same entries), an entry opens in full below the
list (`?post=<nr>`), and the filtered log can be exported: the export is itself audited, with the
export id printed in the file.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from functools import partial

import streamlit as st

from db import audit
from db.collation import sort_danish
from db.districts import district_names
from model.access import Scope
from model.audit_export import audit_file
from model.audit_text import action_label, describe, object_label
from model.danish import date_label, integer, timestamp_label
from pages.components.session import require_page

scope = require_page("audit")
names = district_names()

st.title("Revisionslog", anchor=False)
st.caption("Alle ændringer og eksporter logges her. Loggen kan ikke ændres. Filtrene står i "
           "adresselinjen, så et link viser de samme poster.")

# Two rows of filters, so a date range and an export id stay readable at 200 % zoom.
c1, c2, c3 = st.columns(3)
c4, c5 = st.columns([2, 3])
district = c1.selectbox("Politikreds", ["", *names], format_func=lambda c: names.get(c, "Alle"),
                        key="kreds", bind="query-params")
actor = c2.text_input("Bruger (e-mail)", key="bruger", bind="query-params")
action = c3.selectbox("Handling", ["", *sort_danish(audit.actions(scope), key=action_label)],
                      format_func=lambda a: action_label(a) if a else "Alle", key="handling",
                      bind="query-params")
period = c4.date_input("Periode", value=(date.today() - timedelta(days=30), date.today()),
                       format="DD.MM.YYYY", key="periode", bind="query-params")
since, until = (period[0], period[-1]) if period else (None, None)
export_id = c5.text_input("Eksport-id", key="eksport", bind="query-params",
                          placeholder="F.eks. K7QF-2MXD-9RTA-C4WE-H8PB")
c5.caption("Id'et står i hver eksporteret fil: find, hvem der lavede filen og hvornår.")
if export_id:
    since = until = None  # an id names one entry, whenever it was made

flt = audit.AuditFilter(district=district or None, actor_email=actor or None, action=action or None,
                        since=since, until=until, export_id=export_id or None)
rows = audit.entries(scope, flt)


def _open_entry() -> None:
    """Row picked in the table: its number goes into the URL (?post=...)."""
    picked = st.session_state["audit_rows"].selection.rows
    if picked:
        st.query_params["post"] = str(rows[picked[0]]["audit_id"])
    else:
        st.query_params.pop("post", None)


def _file(scope: Scope, flt: audit.AuditFilter, kind: str) -> bytes:
    """Run on click: the export is audited (with its id) before the file is built."""
    found, export_id = audit.export_entries(scope, flt, kind)
    period = (f"{date_label(flt.since)}-{date_label(flt.until)}" if flt.since and flt.until
              else "hele perioden")
    heading = f"Revisionslog, {period}, {integer(len(found))} poster"
    return audit_file(kind, found, names, heading, export_id)


shown = integer(len(rows)) + " poster" + (" (de nyeste 500)" if len(rows) == 500 else "")
st.markdown(f"**{shown}.** Vælg en række for at se posten i sin helhed.")
st.dataframe(
    [{"Nr.": r["audit_id"], "Tidspunkt": r["logged_at"], "Bruger": r["actor_email"],
      "Handling": action_label(r["action"]), "Politikreds": names.get(r["district_code"], ""),
      "Objekt": object_label(r["object_type"]), "Objekt-id": r["object_id"] or "",
      "Eksport-id": r["export_id"] or "", "Detaljer": " · ".join(describe(r["details"], names))}
     for r in rows],
    hide_index=True, width="stretch", height=min(38 + 35 * max(len(rows), 1), 640),
    key="audit_rows", on_select=_open_entry, selection_mode="single-row",
    column_config={"Tidspunkt": st.column_config.DatetimeColumn(format="DD.MM.YYYY HH:mm:ss"),
                   "Nr.": st.column_config.NumberColumn(format="%d", width="small"),
                   "Detaljer": st.column_config.TextColumn(width="large")},
)

buttons = st.container(horizontal=True)  # buttons keep their full labels when space is short
for column, (kind, label, mime) in zip((buttons, buttons), (
        ("csv", "Eksportér (CSV)", "text/csv"),
        ("xlsx", "Eksportér (Excel)",
         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")), strict=True):
    column.download_button(label, data=partial(_file, scope, flt, kind),
                           file_name=f"revisionslog.{kind}", mime=mime, on_click="ignore",
                           icon=":material/download:", key=f"audit_export_{kind}")
st.caption("Eksporten indeholder de filtrerede poster (højst 10.000) og logges selv med et "
           "eksport-id.")

post = st.query_params.get("post", "")
chosen = audit.entry(scope, int(post)) if post.isdigit() else None
if post and chosen is None:
    st.warning("Posten findes ikke.")
elif chosen is not None:
    with st.container(border=True):
        st.subheader(f"Post nr. {chosen['audit_id']}: {action_label(chosen['action'])}",
                     anchor=False)
        facts = [
            ("Tidspunkt", timestamp_label(chosen["logged_at"])),
            ("Bruger", chosen["actor_email"]),
            ("Handling", f"{action_label(chosen['action'])} ({chosen['action']})"),
            ("Politikreds", names.get(chosen["district_code"] or "", "–")),
            ("Objekt", f"{object_label(chosen['object_type']) or '–'} "
                       f"{chosen['object_id'] or ''}".strip()),
            ("Eksport-id", chosen["export_id"] or "–"),
        ]
        details = [tuple(line.split(": ", 1)) if ": " in line else ("", line)
                   for line in describe(chosen["details"], names)]
        facts += [(f"Detalje: {k}" if k else "Detalje", v) for k, v in details]
        # A table shows user text as text (a Markdown list would turn addresses into links).
        st.table({"Felt": [k for k, _ in facts], "Værdi": [v for _, v in facts]},
                 hide_index=True)
        if chosen["details"]:
            with st.expander("Detaljerne som de er gemt (teknisk)"):
                st.code(json.dumps(json.loads(chosen["details"]), ensure_ascii=False, indent=2),
                        language="json")
