"""The one rule for exported cells: text never becomes a formula, in CSV or in .xlsx."""

from __future__ import annotations

import csv
import io
import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from model.export_cells import csv_bytes, inert, text_not_formulas


@given(st.text())
def test_no_text_cell_starts_like_a_formula_nor_holds_one_after_a_separator(text):
    cell = inert(text)
    assert cell.replace("'", "") == text.replace("'", "")  # only quotes are added
    first, *rest = re.split(r"[;,\t\r\n]", cell)
    for piece in ([] if first.startswith("'") else [first]) + rest:
        head = unicodedata.normalize("NFKC", piece[:16]).lstrip(" \u00a0\u3000")
        assert not head or head[0] not in "=+-@"


def test_each_formula_character_gets_a_leading_quote_and_ordinary_text_does_not():
    for text in ["=1+1", "+45 22334455", "-2", "@SUM(A1)", "\t1", "\r1", " =1", "＝1+1"]:
        assert inert(text) == "'" + text
    assert inert("\t=1") == "'\t'=1"  # the tab is a separator too (a tab-separated reading)
    for text in ["Søren Ærø", "SSP & UU", "'quoted", "1+1", "a=b", "Politigården, Helsingør", ""]:
        assert inert(text) == text
    assert inert("Skolen,=1+1; -2") == "Skolen,'=1+1; '-2"


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
