"""The sheet reader's hard limits: each fires before the work it guards, and real lists pass.

The attacks themselves (the shared-strings bomb of issue 8 and its kin) are in tests/security/;
here each limit is shown with small `Limits`, so the tests stay cheap and deterministic.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from model.errors import ValidationError
from model.participant_import import header_score
from model.sheet_reader import LIMITS, TOO_SLOW, read_sheet
from tools import crafted_sheets

PEOPLE = [(f"Deltager {i}", f"d{i}@example.com", "SSP-konsulent") for i in range(1000)]


def read(data: bytes, name: str, **limits):
    return read_sheet(data, name, header_score, replace(LIMITS, **limits))


def test_a_full_list_of_a_thousand_participants_is_read_as_excel_and_as_csv():
    assert len(read(crafted_sheets.plain_workbook(PEOPLE), "liste.xlsx").rows) == 1000
    text = "Navn;E-mail;Rolle\n" + "".join(";".join(p) + "\n" for p in PEOPLE)
    assert len(read(text.encode(), "liste.csv").rows) == 1000


@pytest.mark.parametrize(("limits", "message"), [
    ({"zip_members": 5}, "dele i filen"),
    ({"unzipped_bytes": 10_000}, "udpakket"),
    ({"parsed_part_bytes": 2_000}, "xml fylder 10 kB udpakket"),
    ({"member_bytes": 500}, "fylder"),
])
def test_the_zip_directory_is_checked_before_anything_is_inflated(limits, message):
    with pytest.raises(ValidationError, match=message):
        read(crafted_sheets.plain_workbook(), "liste.xlsx", **limits)


def test_shared_strings_are_counted_before_openpyxl_loads_them():
    with pytest.raises(ValidationError, match="mere end 10 tekster"):
        read(crafted_sheets.shared_strings_bomb(20), "liste.xlsx", shared_strings=10)
    assert len(read(crafted_sheets.shared_strings_bomb(20), "liste.xlsx").rows) == 1


def test_cells_are_counted_as_rows_are_read():
    with pytest.raises(ValidationError, match="mere end 300 celler"):
        read(crafted_sheets.plain_workbook(PEOPLE), "liste.xlsx", cells=300)
    text = "Navn;E-mail;Rolle\n" + "\n" * 500
    with pytest.raises(ValidationError, match="mere end 300 celler"):
        read(text.encode(), "liste.csv", cells=300)


def test_only_the_first_columns_of_a_row_are_read():
    wide = ("Navn;E-mail;Rolle" + ";x" * 60 + "\nAnne Eksempel;a@example.com;SSP" + ";x" * 60 + "\n")
    sheet = read(wide.encode(), "liste.csv")
    assert len(sheet.header) == LIMITS.columns and len(sheet.rows[0]) == LIMITS.columns


def test_a_read_past_its_deadline_stops_with_a_danish_message():
    for data, name in [(crafted_sheets.plain_workbook(PEOPLE), "liste.xlsx"),
                       (b"Navn;E-mail;Rolle\nA;a@example.com;SSP\n", "liste.csv")]:
        with pytest.raises(ValidationError) as refused:
            read(data, name, seconds=-1)
        assert refused.value.user_message == TOO_SLOW


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"PK\x03\x04rest", "liste.ods", "OpenDocument"),
    (b"PK\x03\x04rest", "liste.xlsb", "binære format"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 50, "liste.xlsx", "adgangskode"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 50, "liste.dat", ".xls"),
    (b"%PDF-1.7", "liste.pdf", "Brug en CSV-fil"),
])
def test_other_formats_get_their_own_danish_message(data, name, message):
    with pytest.raises(ValidationError, match=message):
        read(data, name)
