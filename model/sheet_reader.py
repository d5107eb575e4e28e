"""Read a sign-up sheet (CSV in any of Danish Excel's encodings and separators, or .xlsx) into rows.

The result is plain: the header row found and the data rows as lists of strings with their line
numbers in the file, so that the preview can point at the line the organiser sees in Excel.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from model.errors import ValidationError

MAX_BYTES = 2_000_000
MAX_ROWS = 1000
HEADER_SEARCH_ROWS = 10
SEPARATORS = (";", ",", "\t")

WRONG_FORMAT = (
    "Filen kunne ikke læses. Brug en CSV-fil (adskilt med semikolon eller komma) eller en "
    "Excel-fil (.xlsx)."
)


@dataclass(frozen=True)
class Sheet:
    """The header row and the data rows below it; `lines[i]` is the file line of `rows[i]`."""

    header: list[str]
    rows: list[list[str]]
    lines: list[int]


def decode(data: bytes) -> str:
    """Text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ValidationError(WRONG_FORMAT) from exc
    if b"\x00" in data:
        raise ValidationError(WRONG_FORMAT)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            "Filens tegnsæt kunne ikke genkendes. Gem den som »CSV UTF-8« fra Excel og prøv igen."
        ) from exc


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def xlsx_rows(data: bytes) -> list[list[str]]:
    """The first worksheet's rows as text (openpyxl, values not formulas)."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ValidationError(WRONG_FORMAT) from exc
    try:
        sheet = book.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append([_cell_text(v) for v in row])
            if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
                break
        return rows
    finally:
        book.close()


def csv_rows(text: str, score: Callable[[Sequence[str]], int]) -> list[list[str]]:
    """Rows split by whichever separator makes the most header cells recognisable."""
    lines = text.splitlines()[:HEADER_SEARCH_ROWS]

    def best_for(sep: str) -> tuple[int, int]:
        rows = list(csv.reader(lines, delimiter=sep))
        return max(((score(r), len(r)) for r in rows), default=(0, 0))

    sep = max(SEPARATORS, key=best_for)
    try:
        return [[c.strip() for c in row] for row in csv.reader(io.StringIO(text), delimiter=sep)]
    except csv.Error as exc:
        raise ValidationError(WRONG_FORMAT) from exc


def read_sheet(data: bytes, filename: str, score: Callable[[Sequence[str]], int]) -> Sheet:
    """The sheet in `data`; `score` says how many cells of a row are known column headers."""
    if not data:
        raise ValidationError("Filen er tom.")
    if len(data) > MAX_BYTES:
        raise ValidationError("Filen er for stor. Den må højst fylde 2 MB.")
    name = filename.lower()
    if name.endswith(".xls") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ValidationError(
            "Det gamle Excel-format (.xls) kan ikke læses. Gem filen som .xlsx eller CSV."
        )
    if name.endswith((".xlsx", ".xlsm")) or data.startswith(b"PK\x03\x04"):
        rows = xlsx_rows(data)
    elif name.endswith((".csv", ".txt")):
        rows = csv_rows(decode(data), score)
    else:
        raise ValidationError(WRONG_FORMAT)
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if score(row) >= 2:
            body = rows[index + 1:]
            numbered = [(index + 2 + i, r) for i, r in enumerate(body) if any(c.strip() for c in r)]
            if len(numbered) > MAX_ROWS:
                raise ValidationError(f"Filen har mere end {MAX_ROWS} deltagere. Del den op.")
            return Sheet(header=row, rows=[r for _, r in numbered], lines=[n for n, _ in numbered])
    raise ValidationError(
        "Filen mangler en overskriftsrække med kolonnerne Navn, E-mail og Rolle "
        "(Organisation og Kommune kan også komme med)."
    )
