"""A sign-up sheet as a preview: each row valid or with its problems in Danish, and its place.

Decision on capacity: rows beyond the free seats are not errors; they go on the waiting list in file
order, and the preview says so per row. Errors are: missing name, bad e-mail, unknown or missing
role, an e-mail twice in the file (the later row), and an e-mail already on the course.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from model.course_vocab import REGISTRATION_STATUS, RESOURCE_ROLES
from model.courses import MAX_TEXT, Placement, place
from model.email import normalise_email
from model.errors import ValidationError
from model.sheet_reader import read_sheet

REQUIRED = ("name", "email", "role")

_HEADERS = {
    "name": {"navn", "fuldenavn", "fuldtnavn", "deltager", "deltagernavn", "deltagersnavn", "name"},
    "first_name": {"fornavn", "fornavne", "firstname"},
    "last_name": {"efternavn", "lastname", "surname"},
    "email": {"email", "emailadresse", "mail", "mailadresse", "epost"},
    "organisation": {"organisation", "organization", "arbejdssted", "institution", "skole",
                     "arbejdsplads", "forvaltning"},
    "municipality": {"kommune", "municipality", "bopælskommune"},
    "role": {"rolle", "role", "funktion", "stilling", "ressourcepersonrolle", "ressourceperson",
             "stillingsbetegnelse"},
}

_ROLES = {
    "studievejleder": "studievejleder", "studievejledning": "studievejleder",
    "vejleder": "studievejleder", "uuvejleder": "studievejleder",
    "sspkonsulent": "ssp_konsulent", "ssp": "ssp_konsulent", "sspmedarbejder": "ssp_konsulent",
    "ungerådgiver": "ungeraadgiver", "ungeraadgiver": "ungeraadgiver",
    "ungdomsrådgiver": "ungeraadgiver", "ungrådgiver": "ungeraadgiver",
    "offerrådgiver": "offerraadgiver", "offerraadgiver": "offerraadgiver",
    "offerrådgivning": "offerraadgiver",
    "politietsressourceperson": "politiets_ressourceperson", "politiressourceperson":
    "politiets_ressourceperson", "politi": "politiets_ressourceperson",
    "lærerledelse": "laerer_ledelse", "lærer": "laerer_ledelse", "ledelse": "laerer_ledelse",
    "leder": "laerer_ledelse", "rektor": "laerer_ledelse", "skoleleder": "laerer_ledelse",
    "laerer": "laerer_ledelse", "andet": "andet", "anden": "andet",
}
_ROLES.update({code.replace("_", ""): code for code in RESOURCE_ROLES})


def _key(text: str) -> str:
    """Lower-case letters and digits only, æ/ø/å kept (so 'E-mail ' and 'e_mail' match)."""
    text = unicodedata.normalize("NFC", text or "").casefold()
    return re.sub(r"[^0-9a-zæøå]", "", text)


def column_of(header_cell: str) -> str | None:
    key = _key(header_cell)
    return next((col for col, names in _HEADERS.items() if key in names), None)


def header_score(row: Sequence[str]) -> int:
    """How many distinct known columns a row names: the header row is the first scoring >= 2."""
    return len({c for c in map(column_of, row) if c})


def parse_role(text: str) -> str | None:
    """The role code for a label as people write it ('SSP konsulent', 'Lærer / ledelse')."""
    return _ROLES.get(_key(text))


@dataclass
class ImportRow:
    line: int
    name: str
    email: str
    organisation: str
    municipality: str
    role: str | None
    problems: list[str] = field(default_factory=list)
    placement: Placement | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class ImportPreview:
    rows: list[ImportRow]

    @property
    def valid(self) -> list[ImportRow]:
        return [r for r in self.rows if r.ok]

    @property
    def invalid(self) -> list[ImportRow]:
        return [r for r in self.rows if not r.ok]

    @property
    def has_errors(self) -> bool:
        return bool(self.invalid)

    def table(self) -> list[dict[str, object]]:
        """One Danish row per file row, for the preview table."""
        return [
            {
                "Linje": r.line, "Navn": r.name, "E-mail": r.email,
                "Organisation": r.organisation, "Kommune": r.municipality,
                "Rolle": RESOURCE_ROLES.get(r.role or "", ""),
                "Resultat": _outcome(r),
            }
            for r in self.rows
        ]


def _outcome(row: ImportRow) -> str:
    if row.problems:
        return "Fejl: " + " ".join(row.problems)
    if row.placement and row.placement.status == "waiting":
        return f"{REGISTRATION_STATUS['waiting']} (nr. {row.placement.waiting_position})"
    return REGISTRATION_STATUS["registered"]


def _check_row(row: ImportRow, raw_role: str, seen: dict[str, int],
               on_course: Collection[str]) -> None:
    if not row.name:
        row.problems.append("Navn mangler.")
    elif len(row.name) > MAX_TEXT:
        row.problems.append(f"Navnet må højst fylde {MAX_TEXT} tegn.")
    try:
        row.email = normalise_email(row.email)
    except ValidationError as exc:
        row.problems.append(exc.user_message)
    else:
        if row.email in seen:
            row.problems.append(f"E-mailen står også i linje {seen[row.email]}.")
        elif row.email in on_course:
            row.problems.append("Deltageren er allerede tilmeldt kurset.")
        seen.setdefault(row.email, row.line)
    if not raw_role:
        row.problems.append("Rolle mangler.")
    elif row.role is None:
        row.problems.append(f"Ukendt rolle »{raw_role}«. Brug en af: "
                            + ", ".join(RESOURCE_ROLES.values()) + ".")
    if len(row.organisation) > MAX_TEXT or len(row.municipality) > MAX_TEXT:
        row.problems.append(f"Organisation og kommune må højst fylde {MAX_TEXT} tegn.")


def preview_import(
    data: bytes, filename: str, *, capacity: int, registered: int, waiting: int,
    on_course: Collection[str] = (),
) -> ImportPreview:
    """Read and check a sign-up sheet against a course's seats and the e-mails already on it."""
    sheet = read_sheet(data, filename, header_score)
    columns: dict[str, int] = {}
    for index, cell in enumerate(sheet.header):
        col = column_of(cell)
        if col and col not in columns:
            columns[col] = index
    if "name" not in columns and {"first_name", "last_name"} <= columns.keys():
        columns["name"] = -1
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        labels = {"name": "Navn", "email": "E-mail", "role": "Rolle"}
        raise ValidationError("Filen mangler kolonnen " + " og ".join(labels[c] for c in missing)
                              + ".")

    def cell(values: list[str], col: str) -> str:
        i = columns.get(col)
        if col == "name" and i == -1:
            return " ".join(p for p in (cell(values, "first_name"), cell(values, "last_name")) if p)
        return values[i].strip() if i is not None and i < len(values) else ""

    rows: list[ImportRow] = []
    seen: dict[str, int] = {}
    on_course = {e.lower() for e in on_course}
    for line, values in zip(sheet.lines, sheet.rows, strict=True):
        raw_role = cell(values, "role")
        row = ImportRow(line, " ".join(cell(values, "name").split()), cell(values, "email"),
                        cell(values, "organisation"), cell(values, "municipality"),
                        parse_role(raw_role) if raw_role else None)
        _check_row(row, raw_role, seen, on_course)
        rows.append(row)
    valid = [r for r in rows if r.ok]
    for row, placement in zip(valid, place(capacity, registered, waiting, len(valid)), strict=True):
        row.placement = placement
    return ImportPreview(rows)
