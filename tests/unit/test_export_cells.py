"""The one rule for exported cells: text never becomes a formula, in CSV or in .xlsx."""

from __future__ import annotations

import csv
import io
import unicodedata

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from model.export_cells import csv_bytes, inert, text_not_formulas

TRIGGERS = "=+-@\t\r\n"


@given(st.text())
def test_no_text_cell_starts_like_a_formula_after_the_rule(text):
    cell = inert(text)
    head = unicodedata.normalize("NFKC", cell[:16]).lstrip(" \u00a0\u3000")
    assert cell == text or cell == "'" + text
    if cell == text and text:
        assert text[0] not in TRIGGERS and head[:1] not in TRIGGERS


def test_each_formula_character_gets_a_leading_quote_and_ordinary_text_does_not():
    for text in ["=1+1", "+45 22334455", "-2", "@SUM(A1)", "\t=1", "\r=1", " =1", "＝1+1"]:
        assert inert(text) == "'" + text
    for text in ["Søren Ærø", "SSP & UU", "'quoted", "1+1", "a=b", ""]:
        assert inert(text) == text


def test_numbers_stay_numbers():
    assert inert(12) == 12 and inert(None) is None
    assert csv_bytes([["Antal"], [12], [".."]]).decode("utf-8-sig") == '"Antal"\r\n12\r\n".."\r\n'


def test_every_text_cell_is_quoted_so_a_separator_inside_it_starts_no_new_cell():
    data = csv_bytes([["Navn"], ["Hansen;=1+1"], ["Hansen,=1+1"], ['Han "sen"']])
    text = data.decode("utf-8-sig")
    for delimiter in ";,":
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
        assert [len(r) for r in rows] == [1, 1, 1, 1]
    assert list(csv.reader(io.StringIO(text), delimiter=";"))[3] == ['Han "sen"']


def test_a_workbook_keeps_formula_looking_text_as_strings():
    book = Workbook()
    book.active.append(['=HYPERLINK("http://x","y")', "ok", 3])
    text_not_formulas(book)
    buffer = io.BytesIO()
    book.save(buffer)
    cells = next(load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows())
    assert [(c.value, c.data_type) for c in cells] == [
        ('=HYPERLINK("http://x","y")', "s"), ("ok", "s"), (3, "n")]
