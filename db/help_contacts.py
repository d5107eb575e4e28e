"""Local contacts and national help lines: read by everyone who prints a plan, written by
administrators only, each write audited and the writer's rights re-read in its transaction."""

from __future__ import annotations

from dataclasses import asdict

from db import audit, rights
from db.connection import cursor, transaction
from db.districts import is_district
from model.access import Role, Scope
from model.errors import AccessDenied, NotFound, ValidationError
from model.help_contacts import HelpContact, validate_contact

_SELECT = ("SELECT name, phone, note, district_code, position, contact_id FROM help_contacts")


def contacts_for(district: str) -> list[HelpContact]:
    """The district's contacts and the national lines (public reference data, no scope needed:
    the caller is printing a plan of that district, which db.case_updates has checked)."""
    with cursor() as cur:
        rows = cur.execute(_SELECT + " WHERE district_code = ? OR district_code IS NULL"
                           " ORDER BY district_code NULLS LAST, position, contact_id",
                           [district]).fetchall()
    return [HelpContact(*r) for r in rows]


def listed(scope: Scope, district: str | None) -> list[HelpContact]:
    """The entries of one district (None: the national lines), for the administrator's page."""
    if not scope.has(Role.ADMIN):
        raise AccessDenied()
    with cursor() as cur:
        rows = cur.execute(_SELECT + " WHERE district_code IS NOT DISTINCT FROM ?"
                           " ORDER BY position, contact_id", [district]).fetchall()
    return [HelpContact(*r) for r in rows]


def _admin(cur, scope: Scope) -> Scope:
    fresh = rights.recheck(cur, scope)
    if not fresh.has(Role.ADMIN):
        raise AccessDenied()
    return fresh


def save(scope: Scope, contact: HelpContact) -> int:
    """Add (contact_id None) or change an entry; returns its id."""
    clean = validate_contact(contact)
    if clean.district is not None and not is_district(clean.district):
        raise ValidationError("Den valgte politikreds findes ikke.")
    with transaction() as cur:
        fresh = _admin(cur, scope)
        values = [clean.district, clean.name, clean.phone, clean.note, clean.position]
        if clean.contact_id is None:
            contact_id = cur.execute(
                "INSERT INTO help_contacts (district_code, name, phone, note, position, updated_by)"
                " VALUES (?, ?, ?, ?, ?, ?) RETURNING contact_id",
                [*values, fresh.user_id]).fetchone()[0]
        else:
            found = cur.execute(
                "UPDATE help_contacts SET district_code = ?, name = ?, phone = ?, note = ?,"
                " position = ?, updated_by = ?, updated_at = current_timestamp"
                " WHERE contact_id = ? RETURNING contact_id",
                [*values, fresh.user_id, clean.contact_id]).fetchone()
            if found is None:
                raise NotFound("Kontakten findes ikke længere. Genindlæs siden.")
            contact_id = found[0]
        details = {k: v for k, v in asdict(clean).items() if k != "contact_id"}
        audit.record(cur, fresh, "help_contact.save", district=clean.district,
                     object_type="help_contact", object_id=contact_id, details=details)
    return contact_id


def remove(scope: Scope, contact_id: int) -> None:
    with transaction() as cur:
        fresh = _admin(cur, scope)
        found = cur.execute("DELETE FROM help_contacts WHERE contact_id = ?"
                            " RETURNING district_code, name", [contact_id]).fetchone()
        if found is None:
            raise NotFound("Kontakten findes ikke længere. Genindlæs siden.")
        audit.record(cur, fresh, "help_contact.remove", district=found[0],
                     object_type="help_contact", object_id=contact_id,
                     details={"name": found[1]})
