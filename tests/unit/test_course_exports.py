"""Exports of a participant list: Danish-Excel CSV, a real .xlsx, and an escaped sign-in sheet."""

from __future__ import annotations

import io
from datetime import datetime

from openpyxl import load_workbook

from model.course_exports import (
    CourseHeading,
    ListedParticipant,
    attendance_csv,
    attendance_xlsx,
    signin_sheet_html,
)

COURSE = CourseHeading("Nordsjællands Politi", datetime(2026, 5, 7, 9), "Politigården, Helsingør",
                       "SSP & UU", "2018")
PEOPLE = [
    ListedParticipant("Søren Ærø", "soren@example.com", "Espergærde Gymnasium", "Helsingør",
                      "studievejleder", "registered", True),
    ListedParticipant("<b>Åse</b>", "aase@example.org", "SSP", "Hillerød", "ssp_konsulent",
                      "waiting", None),
]


def test_the_csv_opens_in_danish_excel_with_letters_intact():
    data = attendance_csv(COURSE, PEOPLE, "K7QF-2MXD-9RTA-C4WE-H8PB")
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert "07.05.2026 kl. 09.00" in lines[0] and "Eksport-id: K7QF-2MXD-9RTA-C4WE-H8PB" in lines[0]
    assert lines[1] == '"Navn";"E-mail";"Organisation";"Kommune";"Rolle";"Status";"Mødt"'
    assert lines[2] == ('"Søren Ærø";"soren@example.com";"Espergærde Gymnasium";"Helsingør";'
                        '"Studievejleder";"Tilmeldt";"Ja"')


def test_the_excel_file_holds_a_heading_and_one_row_per_participant():
    sheet = load_workbook(io.BytesIO(attendance_xlsx(COURSE, PEOPLE))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert "07.05.2026 kl. 09.00" in rows[0][0]
    assert rows[2][0] == "Søren Ærø" and rows[3][5] == "Venteliste"


def test_the_sign_in_sheet_lists_seated_participants_only_and_escapes_text():
    page = signin_sheet_html(COURSE, PEOPLE)
    assert "Søren Ærø" in page and "Åse" not in page
    assert "SSP &amp; UU" in page and "<b>" not in page
