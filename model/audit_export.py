"""The audit log as a file (CSV for Danish Excel, or .xlsx): Danish columns, details as text, and
the export id of the file's own audit entry in its first line.

The log holds text users typed: cells are made inert the way every export of the app does it
(model/export_cells.py: no formula in CSV or .xlsx).
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

from model.audit_text import action_label, describe, object_label
from model.danish import timestamp_label
from model.export_cells import csv_bytes, text_not_formulas
from model.export_ids import export_line

COLUMNS = ("Nr.", "Tidspunkt", "Bruger", "Handling", "Politikreds", "Objekt", "Objekt-id",
           "Eksport-id", "Detaljer")


def audit_rows(entries: Sequence[Mapping[str, Any]], districts: Mapping[str, str]) -> list[list[str]]:
    return [[str(v) for v in (
        e["audit_id"], timestamp_label(e["logged_at"]), e["actor_email"],
        action_label(e["action"]), districts.get(e["district_code"] or "", ""),
        object_label(e["object_type"]), e["object_id"] or "", e["export_id"] or "",
        " · ".join(describe(e["details"], districts)))] for e in entries]


def audit_file(kind: str, entries: Sequence[Mapping[str, Any]], districts: Mapping[str, str],
               heading: str, export_id: str) -> bytes:
    """`kind` "csv" (UTF-8 with BOM, semicolons) or "xlsx"; `heading` says which filter."""
    first = f"{heading} · {export_line(export_id)}"
    rows = audit_rows(entries, districts)
    if kind == "csv":
        return csv_bytes([[first], list(COLUMNS), *rows])
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Revisionslog"
    for values in ([first], list(COLUMNS), *rows):
        sheet.append(values)
    text_not_formulas(book)
    sheet["A1"].font = Font(bold=True)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDEFGHI", (8, 22, 30, 30, 26, 16, 20, 28, 80), strict=True):
        sheet.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
