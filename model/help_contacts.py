"""Local contacts and national help lines for the printed handling plan: what a valid entry is.

They are organisations and their public numbers (an SSP office, Offerrådgivningen, the police's
resource person), maintained by an administrator; a national line (district None) is printed
in every district's plans, after the district's own contacts.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from model.errors import ValidationError

MAX_NAME = 120
MAX_PHONE = 40
MAX_NOTE = 200


@dataclass(frozen=True)
class HelpContact:
    name: str
    phone: str = ""
    note: str = ""  # e.g. opening hours or a web address
    district: str | None = None  # None: a national help line
    position: int = 0
    contact_id: int | None = None


def validate_contact(contact: HelpContact) -> HelpContact:
    """The entry with trimmed texts, or ValidationError listing every problem in Danish."""
    clean = replace(contact, name=" ".join(contact.name.split()),
                    phone=" ".join(contact.phone.split()), note=" ".join(contact.note.split()))
    problems = []
    if not clean.name:
        problems.append("Skriv navnet på kontakten eller hjælpelinjen.")
    elif len(clean.name) > MAX_NAME:
        problems.append(f"Navnet må højst fylde {MAX_NAME} tegn.")
    if not clean.phone and not clean.note:
        problems.append("Skriv et telefonnummer eller en bemærkning (fx en webadresse).")
    if len(clean.phone) > MAX_PHONE:
        problems.append(f"Telefonnummeret må højst fylde {MAX_PHONE} tegn.")
    if clean.phone and not all(c.isdigit() or c in " +-()" for c in clean.phone):
        problems.append("Telefonnummeret må kun have cifre, mellemrum, +, - og parenteser.")
    if len(clean.note) > MAX_NOTE:
        problems.append(f"Bemærkningen må højst fylde {MAX_NOTE} tegn.")
    if problems:
        raise ValidationError(problems)
    return clean


def for_plan(contacts: list[HelpContact], district: str) -> tuple[list[HelpContact],
                                                                  list[HelpContact]]:
    """The district's own contacts and the national lines, each in its set order."""
    local = sorted((c for c in contacts if c.district == district), key=lambda c: c.position)
    national = sorted((c for c in contacts if c.district is None), key=lambda c: c.position)
    return local, national
