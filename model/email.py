"""E-mail addresses: one check for memberships and course participants alike."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email

from model.errors import ValidationError


def normalise_email(text: str | None) -> str:
    """The address in normal form (lower-case domain), or ValidationError with a Danish message."""
    raw = (text or "").strip()
    if not raw:
        raise ValidationError("Skriv en e-mailadresse.")
    try:
        address = validate_email(raw, check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise ValidationError(f"»{raw}« er ikke en gyldig e-mailadresse.") from exc
    return address.lower()
