"""Cells of exported spreadsheets: text stays text, in CSV and in .xlsx alike.

A participant called `=HYPERLINK("http://x","klik")` must not become a live formula in the
organiser's Excel. The rule, in one place for every file the app writes:
- CSV (the OWASP CSV-injection rule): a text cell that starts with `=`, `+`, `-`, `@`, a tab, a
  carriage return or a line feed, also after leading spaces or written full-width (`＝`), gets a
  leading single quote. Every text cell is quoted, so `Hansen;=1+1` stays one cell in Danish Excel;
  but Excel with a comma as list separator splits our `;` file at every comma, quotes or not, so a
  formula character after a separator inside a value (`Skolen,=1+1`) gets the quote too.
- .xlsx: every cell is written with data type "s" (string), never "f" (formula).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

_FORMULA_START = frozenset("=+-@\t\r\n")
_LEADING_SPACE = " \u00a0\u3000"
# A separator (any list separator a spreadsheet may use, or a line break), spaces, then a formula
# character (ASCII or full-width): the quote goes right before that character.
_AFTER_SEPARATOR = re.compile("([;,\t\r\n][ \u00a0\u3000]*)(?=[=+\\-@\uff1d\uff0b\uff0d\uff20])")


def inert(value: Any) -> Any:
    """`value` as a CSV cell that no spreadsheet evaluates; numbers and None pass unchanged."""
    if not isinstance(value, str) or not value:
        return value
    value = _AFTER_SEPARATOR.sub(r"\1'", value)
    head = unicodedata.normalize("NFKC", value[:16]).lstrip(_LEADING_SPACE)
    if value[0] in _FORMULA_START or head[:1] in _FORMULA_START:
        return "'" + value
    return value


def csv_bytes(rows: Iterable[Sequence[Any]]) -> bytes:
    """A CSV file for Danish Excel (UTF-8 with BOM, `;`), every text cell inert and quoted."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
    writer.writerows([inert(v) for v in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def text_not_formulas(book: Any) -> None:
    """Mark every formula cell of an openpyxl workbook as a string: no cell the app writes is a
    formula, so one that looks like one came from user data and must stay text."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
