"""E-mail addresses: one check for memberships and course participants alike."""

from __future__ import annotations

import unicodedata

from email_validator import EmailNotValidError, validate_email

from model.errors import ValidationError


def normalise_email(text: str | None) -> str:
    """The address in normal form (see email_key), or ValidationError with a Danish message."""
    raw = (text or "").strip()
    if not raw:
        raise ValidationError("Skriv en e-mailadresse.")
    try:
        address = validate_email(raw, check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise ValidationError(f"»{raw}« er ikke en gyldig e-mailadresse.") from exc
    return email_key(address)


def email_key(text: str) -> str:
    """The form addresses are stored and compared in: Unicode NFKC, then casefolded.

    A login's address and an invitation's match only in this form, so look-alike spellings
    (full-width characters, other cases) neither miss nor double an invitation.
    """
    return unicodedata.normalize("NFKC", text.strip()).casefold()
