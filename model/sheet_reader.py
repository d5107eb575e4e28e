"""Read a sign-up sheet (CSV in any of Danish Excel's encodings and separators, or .xlsx) into rows.

The result is plain: the header row found and the data rows as lists of strings with their line
numbers in the file, so that the preview can point at the line the organiser sees in Excel.

An uploaded file is hostile until read: a 220 KB .xlsx holding 5 million shared strings once took
53 s and 760 MB and slowed every other user of the server. Reading therefore has hard limits
(`LIMITS`), checked before the expensive step they guard: the zip's directory is checked (members,
uncompressed size of each: zipfile never inflates a member past its declared size) before openpyxl
opens anything, shared strings are counted by a streaming parse before openpyxl loads them all,
cells are counted while rows are read, and a wall-clock deadline is checked throughout.
"""

from __future__ import annotations

import csv
import io
import time
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice
from xml.etree.ElementTree import ParseError, iterparse

from model.errors import ValidationError


@dataclass(frozen=True)
class Limits:
    """What one uploaded sheet may cost; a legitimate sign-up list stays far below each."""

    file_bytes: int = 2_000_000  # also server.maxUploadSize = 2 (MB) in .streamlit/config.toml
    participants: int = 1000
    columns: int = 50  # columns read per row; a sign-up sheet needs about six
    cells: int = 60_000  # rows x columns read (empty rows count as one cell): 1000 x 50, and some
    shared_strings: int = 20_000  # a 1000-row list with six text columns needs 6000
    zip_members: int = 200
    member_bytes: int = 5_000_000  # uncompressed size of a worksheet or shared-strings part
    parsed_part_bytes: int = 1_000_000  # ... of any other XML part: parsed whole on opening
    unzipped_bytes: int = 15_000_000  # uncompressed size of all parts together
    seconds: float = 5.0


LIMITS = Limits()
HEADER_SEARCH_ROWS = 10
SEPARATORS = (";", ",", "\t")

WRONG_FORMAT = (
    "Filen kunne ikke læses. Brug en CSV-fil (adskilt med semikolon eller komma) eller en "
    "Excel-fil (.xlsx)."
)
TOO_BIG = ("Filen er for stor eller for kompleks til at blive læst ({what}). En tilmeldingsliste "
           "må højst have {participants} deltagere: del den op, eller gem den som CSV.")
TOO_SLOW = "Filen tog for lang tid at læse. Gem den som CSV, eller del den op, og prøv igen."
_OLE2 = b"\xd0\xcf\x11\xe0"  # the container of .xls, and of .xlsx files saved with a password
_PROTECTED = ("Filen er beskyttet med adgangskode. Fjern beskyttelsen i Excel, gem den som .xlsx "
              "eller CSV, og prøv igen.")
_OTHER_FORMATS = {
    ".xls": "Det gamle Excel-format (.xls) kan ikke læses. Gem filen som .xlsx eller CSV.",
    ".xlsb": "Excels binære format (.xlsb) kan ikke læses. Gem filen som .xlsx eller CSV.",
    ".ods": "OpenDocument-regneark (.ods) kan ikke læses. Gem filen som .xlsx eller CSV.",
    ".numbers": "Numbers-regneark kan ikke læses. Eksportér filen som .xlsx eller CSV.",
}


@dataclass(frozen=True)
class Sheet:
    """The header row and the data rows below it; `lines[i]` is the file line of `rows[i]`."""

    header: list[str]
    rows: list[list[str]]
    lines: list[int]


class _Budget:
    """The limits of one read: a deadline and a running count of cells."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.deadline = time.monotonic() + limits.seconds
        self.cells = 0

    def too_big(self, what: str) -> ValidationError:
        return ValidationError(TOO_BIG.format(what=what, participants=self.limits.participants))

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise ValidationError(TOO_SLOW)

    def take_row(self, width: int) -> None:
        self.cells += max(width, 1)
        if self.cells > self.limits.cells:
            raise self.too_big(f"mere end {_number(self.limits.cells)} celler")
        self.check_time()


def _number(n: int) -> str:
    """10.000, the Danish way."""
    return f"{n:,}".replace(",", ".")


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


_TYPES = "[Content_Types].xml"


def _content_types(archive: zipfile.ZipFile) -> dict[str, str]:
    """Part name -> declared content type, from [Content_Types].xml (its size already checked)."""
    if _TYPES not in archive.namelist():
        return {}
    declared: dict[str, str] = {}
    with archive.open(_TYPES) as types:
        for _, element in iterparse(types, events=("end",)):
            if element.get("PartName"):
                declared[element.get("PartName", "").lstrip("/")] = element.get("ContentType", "")
    return declared


def _part_limit(name: str, content_type: str, limits: Limits) -> int:
    """Worksheets are read row by row and shared strings counted first: those may be large; every
    other XML part (styles, workbook, relationships) is parsed whole when the file is opened."""
    lower = name.lower()
    if lower == "xl/styles.xml":  # openpyxl reads the styles from this path, whatever is declared
        return limits.parsed_part_bytes
    if content_type.endswith(("worksheet+xml", "sharedStrings+xml")):
        return limits.member_bytes
    if lower.endswith((".xml", ".rels")) or content_type.endswith("xml"):
        return limits.parsed_part_bytes
    return limits.member_bytes


def _check_zip(archive: zipfile.ZipFile, budget: _Budget) -> set[str]:
    """Refuse a zip whose directory promises more than the limits, before anything is inflated;
    returns the parts openpyxl will load as shared strings."""
    limits = budget.limits
    members = archive.infolist()
    if len(members) > limits.zip_members:
        raise budget.too_big(f"{len(members)} dele i filen")
    if sum(i.file_size for i in members) > limits.unzipped_bytes:
        raise budget.too_big(f"mere end {limits.unzipped_bytes // 1_000_000} MB udpakket")
    for info in members:
        if info.flag_bits & 0x1:
            raise ValidationError(_PROTECTED)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ValidationError(WRONG_FORMAT)
        if info.file_size > limits.member_bytes or (
                info.filename == _TYPES and info.file_size > limits.parsed_part_bytes):
            raise budget.too_big(f"{info.filename} fylder {_megabytes(info.file_size)} udpakket")
    declared = _content_types(archive)
    for info in members:
        if info.file_size > _part_limit(info.filename, declared.get(info.filename, ""), limits):
            raise budget.too_big(f"{info.filename} fylder {_megabytes(info.file_size)} udpakket")
    return {name for name, kind in declared.items() if kind.endswith("sharedStrings+xml")} | {
        i.filename for i in members if i.filename.lower().endswith("sharedstrings.xml")}


def _megabytes(size: int) -> str:
    """A size the Danish way: 85 MB, 4,9 MB, 12 kB."""
    if size < 1_000_000:
        return f"{max(size // 1000, 1)} kB"
    return (f"{size / 1_000_000:.1f}".rstrip("0").rstrip(".") + " MB").replace(".", ",")


def _count_shared_strings(archive: zipfile.ZipFile, parts: set[str], budget: _Budget) -> None:
    """Count the shared strings with a streaming parse: openpyxl loads them all into memory."""
    count = 0
    for name in sorted(parts & set(archive.namelist())):
        with archive.open(name) as part:
            for _, element in iterparse(part, events=("end",)):
                if element.tag.rpartition("}")[2] != "si":
                    continue
                count += 1
                element.clear()
                if count > budget.limits.shared_strings:
                    raise budget.too_big(f"mere end {_number(budget.limits.shared_strings)} tekster")
                if count % 1000 == 0:
                    budget.check_time()


def xlsx_rows(data: bytes, limits: Limits = LIMITS) -> list[list[str]]:
    """The first worksheet's rows as text (openpyxl, values not formulas), within `limits`."""
    from openpyxl import load_workbook

    budget = _Budget(limits)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _count_shared_strings(archive, _check_zip(archive, budget), budget)
        budget.check_time()
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ValidationError:
        raise
    except (zipfile.BadZipFile, ParseError, KeyError, OSError, ValueError, TypeError, IndexError,
            AttributeError, EOFError) as exc:  # what openpyxl and zipfile raise on broken files
        raise ValidationError(WRONG_FORMAT) from exc
    try:
        return _bounded_rows(book.worksheets[0].iter_rows(max_col=limits.columns, values_only=True),
                             budget, _cell_text)
    except (ParseError, KeyError, ValueError, TypeError, IndexError, EOFError) as exc:
        raise ValidationError(WRONG_FORMAT) from exc
    finally:
        book.close()


def _bounded_rows(rows: Iterable[Sequence[object]], budget: _Budget,
                  text: Callable[[object], str]) -> list[list[str]]:
    """Rows as text until more than the participants (and a header) are seen, within the budget."""
    out: list[list[str]] = []
    filled = 0
    for row in rows:
        budget.take_row(len(row))
        cells = [text(v) for v in row[:budget.limits.columns]]
        out.append(cells)
        filled += any(cells)
        if filled > budget.limits.participants + HEADER_SEARCH_ROWS:
            break
    budget.check_time()
    return out


def csv_rows(text: str, score: Callable[[Sequence[str]], int],
             limits: Limits = LIMITS) -> list[list[str]]:
    """Rows split by whichever separator makes the most header cells recognisable."""
    lines = list(islice(io.StringIO(text), HEADER_SEARCH_ROWS))

    def best_for(sep: str) -> tuple[int, int]:
        try:
            rows = list(csv.reader(lines, delimiter=sep))
        except csv.Error:  # e.g. a field beyond csv's limit when split by the wrong separator
            return (0, 0)
        return max(((score(r[:limits.columns]), len(r)) for r in rows), default=(0, 0))

    sep = max(SEPARATORS, key=best_for)
    try:
        reader = csv.reader(io.StringIO(text), delimiter=sep)
        return _bounded_rows(reader, _Budget(limits), lambda c: str(c).strip())
    except csv.Error as exc:
        raise ValidationError(WRONG_FORMAT) from exc


def _refuse_other_formats(name: str, data: bytes) -> None:
    if name.endswith((".xlsx", ".xlsm")) and data.startswith(_OLE2):
        raise ValidationError(_PROTECTED)
    for suffix, message in _OTHER_FORMATS.items():
        if name.endswith(suffix):
            raise ValidationError(message)
    if data.startswith(_OLE2):
        raise ValidationError(_OTHER_FORMATS[".xls"])


def read_sheet(data: bytes, filename: str, score: Callable[[Sequence[str]], int],
               limits: Limits = LIMITS) -> Sheet:
    """The sheet in `data`; `score` says how many cells of a row are known column headers."""
    if not data:
        raise ValidationError("Filen er tom.")
    if len(data) > limits.file_bytes:
        raise ValidationError(f"Filen er for stor. Den må højst fylde "
                              f"{limits.file_bytes // 1_000_000} MB.")
    name = filename.lower()
    _refuse_other_formats(name, data)
    if name.endswith((".xlsx", ".xlsm")) or data.startswith(b"PK\x03\x04"):
        rows = xlsx_rows(data, limits)
    elif name.endswith((".csv", ".txt")):
        rows = csv_rows(decode(data), score, limits)
    else:
        raise ValidationError(WRONG_FORMAT)
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if score(row) >= 2:
            body = rows[index + 1:]
            numbered = [(index + 2 + i, r) for i, r in enumerate(body) if any(c.strip() for c in r)]
            if len(numbered) > limits.participants:
                raise ValidationError(f"Filen har mere end {limits.participants} deltagere. "
                                      "Del den op.")
            return Sheet(header=row, rows=[r for _, r in numbered], lines=[n for n, _ in numbered])
    raise ValidationError(
        "Filen mangler en overskriftsrække med kolonnerne Navn, E-mail og Rolle "
        "(Organisation og Kommune kan også komme med)."
    )
