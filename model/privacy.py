"""Screening of free text for identifiers: CPR numbers, e-mail addresses, phone numbers and dates.

A case is anonymous by construction, so any free text that carries such an identifier is refused
whole (never cleaned and stored): the user removes it and saves again.
"""

from __future__ import annotations

import re

from model.errors import ValidationError

# A day's date (dates finer than a month identify): 3.4.2018, 03-04-18, 2018-04-03.
_DATE = re.compile(
    r"(?<!\d)(?:(?:0?[1-9]|[12]\d|3[01])[./-](?:0?[1-9]|1[0-2])[./-](?:\d{4}|\d{2})"
    r"|\d{4}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01]))(?!\d)"
)
# DDMMYY-XXXX, DDMMYYXXXX or DDMMYY XXXX; any 10 digits in a row count, valid date or not.
_CPR = re.compile(r"(?<!\d)\d{6}[-‐–\s]?\d{4}(?!\d)")
_EMAIL = re.compile(
    r"[\w.!#$%&'*+/=?^`{|}~-]+\s*(?:@|\(at\)|\[at\])\s*[\w-]+(?:\.[\w-]+)+", re.IGNORECASE
)
# Danish numbers: 8 digits, optionally grouped 2-2-2-2 or 4-4, optionally +45/0045; or any
# international number starting with + and at least 7 further digits.
_PHONE_DK = re.compile(
    r"(?<![\d+])(?:(?:\+|00)\s?45[\s-]?)?"
    r"(?:\d{8}|\d{4} \d{4}|\d{2}([\s.-])\d{2}\1\d{2}\1\d{2})(?!\d)"
)
_PHONE_INTL = re.compile(r"(?<![\w+])\+\d(?:[\s.-]?\d){6,14}(?!\d)")

MESSAGES = {
    "cpr": "Teksten ligner et CPR-nummer. Fjern det: sager må ikke indeholde CPR-numre.",
    "email": "Teksten indeholder en e-mailadresse. Fjern den: sager må ikke kunne identificere nogen.",
    "date": "Teksten indeholder en dato. Angiv højst måned og år, aldrig en dag.",
    "phone": "Teksten ligner et telefonnummer. Fjern det: sager må ikke kunne identificere nogen.",
}


def find_identifiers(text: str | None) -> list[str]:
    """The kinds of identifier found in `text` ("cpr", "email", "date", "phone"), in that order."""
    if not text:
        return []
    found = []
    if _CPR.search(text):
        found.append("cpr")
    if _EMAIL.search(text):
        found.append("email")
    if _DATE.search(text):
        found.append("date")
    rest = _DATE.sub(" ", _CPR.sub(" ", text))
    if _PHONE_DK.search(rest) or _PHONE_INTL.search(rest):
        found.append("phone")
    return found


def identifier_problems(text: str | None) -> list[str]:
    """Danish messages for each kind of identifier in `text`; empty when the text is clean."""
    return [MESSAGES[kind] for kind in find_identifiers(text)]


def screen_text(text: str | None) -> str | None:
    """The text stripped, or ValidationError when it carries an identifier; None for empty text."""
    problems = identifier_problems(text)
    if problems:
        raise ValidationError(problems)
    cleaned = (text or "").strip()
    return cleaned or None
