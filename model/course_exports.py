"""Files made from a course's participant list: attendance list (CSV, Excel) and a sign-in sheet.

The CSV is written for Danish Excel: UTF-8 with BOM and `;` as separator, so æ, ø and å survive a
double click. Names and organisations are typed by people outside the app (sign-up sheets): cells
go through model.export_cells, so none becomes a formula. The sign-in sheet is self-contained HTML
that prints on A4, every text escaped. Every file carries the export id of its audit entry, so a
copy found later can be traced.
"""

from __future__ import annotations

import html
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from model.course_vocab import REGISTRATION_STATUS, RESOURCE_ROLES
from model.danish import time_label
from model.export_cells import csv_bytes, text_not_formulas
from model.export_ids import export_line

COLUMNS = ("Navn", "E-mail", "Organisation", "Kommune", "Rolle", "Status", "Mødt")


@dataclass(frozen=True)
class ListedParticipant:
    name: str
    email: str
    organisation: str
    municipality: str
    role: str
    status: str
    attended: bool | None


@dataclass(frozen=True)
class CourseHeading:
    district_name: str
    starts_at: datetime
    place: str
    trainers: str
    model_version: str


def _attended(value: bool | None) -> str:
    return {True: "Ja", False: "Nej", None: ""}[value]


def attendance_rows(people: Sequence[ListedParticipant]) -> list[list[str]]:
    return [
        [p.name, p.email, p.organisation, p.municipality, RESOURCE_ROLES.get(p.role, p.role),
         REGISTRATION_STATUS.get(p.status, p.status), _attended(p.attended)]
        for p in people
    ]


def caption(course: CourseHeading, export_id: str) -> str:
    """The line above the list: which course, and the export's id."""
    return (f"{course.district_name} · {time_label(course.starts_at)} · {course.place}"
            + (f" · {export_line(export_id)}" if export_id else ""))


def attendance_csv(course: CourseHeading, people: Sequence[ListedParticipant],
                   export_id: str = "") -> bytes:
    return csv_bytes([[caption(course, export_id)], COLUMNS, *attendance_rows(people)])


def attendance_xlsx(course: CourseHeading, people: Sequence[ListedParticipant],
                    export_id: str = "") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Deltagere"
    sheet.append([caption(course, export_id)])
    sheet["A1"].font = Font(bold=True)
    sheet.append(list(COLUMNS))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in attendance_rows(people):
        sheet.append(row)
    for letter, width in zip("ABCDEFG", (28, 32, 28, 18, 26, 12, 8), strict=True):
        sheet.column_dimensions[letter].width = width
    text_not_formulas(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def signin_sheet_html(course: CourseHeading, people: Sequence[ListedParticipant],
                      export_id: str = "") -> str:
    """A printable sign-in sheet: registered participants only, with an empty signature column."""
    e = html.escape
    body = "".join(
        f"<tr><td>{i}</td><td>{e(p.name)}</td><td>{e(p.organisation)}</td>"
        f"<td>{e(RESOURCE_ROLES.get(p.role, p.role))}</td><td class='sign'></td></tr>"
        for i, p in enumerate((p for p in people if p.status == "registered"), start=1)
    )
    blanks = "".join(
        "<tr><td></td><td></td><td></td><td></td><td class='sign'></td></tr>" for _ in range(3)
    )
    return (
        "<!DOCTYPE html><html lang='da'><head><meta charset='utf-8'>"
        "<title>Underskriftsliste</title><style>"
        "body{font-family:Arial,sans-serif;margin:2cm}h1{font-size:20pt}"
        "table{border-collapse:collapse;width:100%}th,td{border:1px solid #333;padding:6px;"
        "text-align:left;font-size:11pt}td.sign{width:30%;height:1.2cm}"
        "@page{size:A4;margin:1.5cm}</style></head><body>"
        "<h1>Underskriftsliste · Kursus i håndteringsmodellen</h1>"
        f"<p><strong>{e(course.district_name)}</strong><br>{e(time_label(course.starts_at))} · "
        f"{e(course.place)}<br>Undervisere: {e(course.trainers)} · Modelversion "
        f"{e(course.model_version)}</p>"
        "<table><thead><tr><th>Nr.</th><th>Navn</th><th>Organisation</th><th>Rolle</th>"
        f"<th>Underskrift</th></tr></thead><tbody>{body}{blanks}</tbody></table>"
        f"<p style='font-size:9pt'>{e(export_line(export_id)) if export_id else ''}</p>"
        "</body></html>"
    )


def course_file(kind: str, course: CourseHeading, people: Sequence[ListedParticipant],
                export_id: str) -> bytes:
    """The file of `kind` ("csv", "xlsx" or "signin") as bytes."""
    if kind == "csv":
        return attendance_csv(course, people, export_id)
    if kind == "xlsx":
        return attendance_xlsx(course, people, export_id)
    return signin_sheet_html(course, people, export_id).encode("utf-8")
