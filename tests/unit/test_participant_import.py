"""The sign-up sheet parser, on files made the way organisers make them (Danish Excel and friends)."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from model.errors import ValidationError
from model.participant_import import parse_role, preview_import

ROWS = [
    ("Søren Ærøskøbing", "soren@example.com", "Espergærde Gymnasium og HF", "Helsingør",
     "Studievejleder"),
    ("Åse Møller", "aase.moller@example.org", "SSP Hillerød", "Hillerød", "SSP-konsulent"),
    ("Jørgen Ålbæk", "jorgen@example.com", "Ungdomsrådgivningen", "Gribskov", "Ungerådgiver"),
]
HEADER = ("Navn", "E-mail", "Organisation", "Kommune", "Rolle")


def csv_bytes(rows, *, sep=";", encoding="cp1252", header=HEADER, before=()) -> bytes:
    lines = [*before, sep.join(header), *(sep.join(r) for r in rows)]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def xlsx_bytes(rows, header=HEADER, title: str | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def preview(data: bytes, name: str = "tilmeldinger.csv", **kw):
    kw = {"capacity": 20, "registered": 0, "waiting": 0, **kw}
    return preview_import(data, name, **kw)


@pytest.mark.parametrize(("sep", "encoding"), [(";", "cp1252"), (",", "utf-8"), (";", "utf-8-sig"),
                                               ("\t", "utf-16"), (",", "cp1252")])
def test_danish_letters_survive_every_common_encoding_and_separator(sep, encoding):
    result = preview(csv_bytes(ROWS, sep=sep, encoding=encoding))
    assert not result.has_errors
    assert [r.name for r in result.rows] == [r[0] for r in ROWS]
    assert result.rows[0].organisation == "Espergærde Gymnasium og HF"
    assert [r.role for r in result.rows] == ["studievejleder", "ssp_konsulent", "ungeraadgiver"]


def test_an_excel_sheet_with_a_title_row_above_the_header_is_read():
    result = preview(xlsx_bytes(ROWS, title="Tilmelding: kursus i håndteringsmodellen"),
                     "Tilmeldinger.xlsx")
    assert [r.email for r in result.valid] == [r[1] for r in ROWS]
    assert [r.line for r in result.rows] == [3, 4, 5]


def test_header_variants_and_split_names_are_understood():
    header = ("Fornavn", "Efternavn", "E-mailadresse", "Arbejdssted", "kommune", "Funktion")
    rows = [("Åse", "Møller", "ASE@Example.ORG", "Skolen", "Furesø", "lærer / ledelse")]
    data = csv_bytes([(*r,) for r in rows], header=header, encoding="utf-8")
    row = preview(data).rows[0]
    assert (row.name, row.email, row.organisation, row.role) == (
        "Åse Møller", "ase@example.org", "Skolen", "laerer_ledelse")


def test_each_bad_row_gets_its_own_danish_problem_with_its_line_number():
    rows = [*ROWS,
            ("Mads Fejl", "mads@@example", "X", "Y", "Studievejleder"),
            ("Ida Ukendt", "ida@example.com", "X", "Y", "Pedel"),
            ("Søren Igen", "SOREN@example.com", "X", "Y", "Andet"),
            ("", "tom@example.com", "X", "Y", "Andet")]
    result = preview(csv_bytes(rows, before=("Kursus 12. maj;;;;",)))
    problems = {r.line: " ".join(r.problems) for r in result.invalid}
    assert set(problems) == {6, 7, 8, 9}
    assert "ikke en gyldig e-mailadresse" in problems[6]
    assert "Ukendt rolle »Pedel«" in problems[7]
    assert "står også i linje 3" in problems[8]
    assert "Navn mangler" in problems[9]
    assert len(result.valid) == 3


def test_someone_already_on_the_course_is_an_error_not_a_second_registration():
    result = preview(csv_bytes(ROWS), on_course={"aase.moller@example.org"})
    assert [r.name for r in result.invalid] == ["Åse Møller"]
    assert "allerede tilmeldt" in result.invalid[0].problems[0]


def test_rows_beyond_the_free_seats_go_on_the_waiting_list_in_file_order():
    result = preview(csv_bytes(ROWS), capacity=10, registered=9, waiting=2)
    assert [(r.placement.status, r.placement.waiting_position) for r in result.rows] == [
        ("registered", None), ("waiting", 3), ("waiting", 4)]
    assert result.table()[1]["Resultat"] == "Venteliste (nr. 3)"


def test_blank_lines_are_skipped_and_do_not_shift_line_numbers():
    data = csv_bytes([ROWS[0], ("", "", "", "", ""), ROWS[1]])
    assert [r.line for r in preview(data).rows] == [2, 4]


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"", "x.csv", "tom"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 50, "gammel.xls", ".xls"),
    (b"%PDF-1.4 ...", "liste.pdf", "CSV-fil"),
    (b"PK\x03\x04 not really a zip", "liste.xlsx", "kunne ikke læses"),
    ("Deltagere\nÅse Møller\n".encode("cp1252"), "x.csv", "overskriftsrække"),
    ("Navn;Organisation\nÅse;Skolen\n".encode("cp1252"), "x.csv", "kolonnen E-mail og Rolle"),
    ("Navn;E-mail\nÅse;a@example.com\n".encode(), "x.csv", "kolonnen Rolle"),
    (b"Navn;E-mail;Rolle\n\x81\x8d;a@example.com;Andet\n\xff\x00", "x.csv", "kunne ikke læses"),
    (b"Navn;E-mail;Rolle\n\x81\x8d\x90;a@example.com;Andet\n", "x.csv", "tegnsæt"),
])
def test_a_file_in_the_wrong_format_is_refused_with_a_clear_danish_message(data, name, message):
    with pytest.raises(ValidationError, match=message):
        preview(data, name)


def test_roles_are_recognised_as_people_actually_write_them():
    assert parse_role("SSP konsulent") == "ssp_konsulent"
    assert parse_role("Politiets Ressourceperson") == "politiets_ressourceperson"
    assert parse_role("OFFERRÅDGIVER") == "offerraadgiver"
    assert parse_role("Pedel") is None
