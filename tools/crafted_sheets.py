"""Hostile spreadsheets, built as an attacker would, for tests/security and the upload benchmark.

Each builder returns the bytes of one file. They start from a real workbook written by openpyxl and
swap in the part that does the harm, so openpyxl would otherwise read them as ordinary .xlsx files.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from openpyxl import Workbook

HEADER = ("Navn", "E-mail", "Rolle")
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def plain_workbook(rows: list[tuple[str, ...]] | None = None) -> bytes:
    """An ordinary sign-up sheet: a header and the given rows (strings are shared strings)."""
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows or [("Deltager Eksempel", "deltager@example.com", "SSP-konsulent")]:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _replace_parts(data: bytes, parts: dict[str, Iterator[bytes] | bytes],
                   level: int = 9) -> bytes:
    """`data` with the named zip members replaced (or added), streamed and compressed hard."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as target:
        for info in source.infolist():
            if info.filename not in parts:
                target.writestr(info, source.read(info.filename))
        for name, content in parts.items():
            with target.open(name, "w", force_zip64=True) as member:
                for chunk in ([content] if isinstance(content, bytes) else content):
                    member.write(chunk)
    return out.getvalue()


_REAL = ("Navn", "E-mail", "Rolle", "Deltager Eksempel", "deltager@example.com", "SSP-konsulent")
_SHEET_OF_SHARED = (
    f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}"><sheetData>'
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
    '</row><row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c>'
    '<c r="C2" t="s"><v>5</v></c></row></sheetData></worksheet>').encode()
_SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def _shared_strings(count: int) -> Iterator[bytes]:
    """A shared-strings part: the sheet's six real strings, then `count` more of one letter."""
    total = count + len(_REAL)
    yield (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_MAIN}" count="{total}" '
           f'uniqueCount="{total}">').encode()
    yield "".join(f"<si><t>{text}</t></si>" for text in _REAL).encode()
    block = b"<si><t>x</t></si>" * 10_000
    for _ in range(count // 10_000):
        yield block
    yield b"<si><t>x</t></si>" * (count % 10_000)
    yield b"</sst>"


def _with_shared_strings(count: int, part: str) -> bytes:
    """An ordinary sheet whose strings are shared strings, in `part`, padded with `count` more;
    the part is declared in [Content_Types].xml and the workbook's relationships, as Excel does."""
    data = plain_workbook()
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        types = source.read("[Content_Types].xml").replace(
            b"</Types>", f'<Override PartName="/{part}" ContentType="{_SST_TYPE}" /></Types>'.encode())
        rels = source.read("xl/_rels/workbook.xml.rels").replace(
            b"</Relationships>",
            f'<Relationship Type="{_SST_REL}" Target="/{part}" Id="rId9" /></Relationships>'.encode())
    return _replace_parts(data, {"[Content_Types].xml": types, "xl/_rels/workbook.xml.rels": rels,
                                 "xl/worksheets/sheet1.xml": _SHEET_OF_SHARED,
                                 part: _shared_strings(count)})


def shared_strings_bomb(count: int = 5_000_000) -> bytes:
    """The file of issue 8: a small .xlsx whose shared-strings part holds `count` strings."""
    return _with_shared_strings(count, "xl/sharedStrings.xml")


def disguised_shared_strings(count: int = 2_000_000) -> bytes:
    """The same bomb under a part name that does not say what it is: only the content type does."""
    return _with_shared_strings(count, "xl/t.xml")


def sprawling_sheet() -> bytes:
    """A worksheet that claims A1:XFD1048576 and has a cell in its last row: openpyxl pads every
    row to 16,384 columns and yields a million empty rows in between."""
    sheet = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}">'
             '<dimension ref="A1:XFD1048576"/><sheetData>'
             '<row r="1"><c r="A1" t="inlineStr"><is><t>Navn</t></is></c>'
             '<c r="B1" t="inlineStr"><is><t>E-mail</t></is></c>'
             '<c r="C1" t="inlineStr"><is><t>Rolle</t></is></c></row>'
             '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
             "</sheetData></worksheet>").encode()
    return _replace_parts(plain_workbook(), {"xl/worksheets/sheet1.xml": sheet})


def many_cells_sheet(rows: int = 30_000, columns: int = 40) -> bytes:
    """A worksheet of `rows` full rows of numbers: small zipped, large in cells."""
    def parts() -> Iterator[bytes]:
        yield f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}"><sheetData>'.encode()
        cells = "".join(f"<c><v>{c}</v></c>" for c in range(columns))
        for r in range(1, rows + 1):
            yield f'<row r="{r}">{cells}</row>'.encode()
        yield b"</sheetData></worksheet>"
    return _replace_parts(plain_workbook(), {"xl/worksheets/sheet1.xml": parts()})


def blank_lines_csv(lines: int = 1_900_000) -> bytes:
    """A CSV under 2 MB that is all line breaks after its header: two million empty rows."""
    return ("Navn;E-mail;Rolle\n" + "\n" * lines).encode()


def wide_csv(columns: int = 600_000) -> bytes:
    """A CSV under 2 MB whose second line has hundreds of thousands of separators."""
    return ("Navn;E-mail;Rolle\n" + ";" * columns + "\n").encode()
