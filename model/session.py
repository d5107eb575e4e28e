"""A login session as the ID token describes it, and the rules that end it.

Streamlit's login cookie is stateless and lives 30 days; the token inside it says when it was issued
(`iat`) and when it expires (`exp`). A session is over when the token has expired, when it is older
than the configured maximum age, or when the user logged out after it was issued (the logout is
recorded server-side, so a copied cookie dies with the logout). Pure rules: the database supplies
the logout time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

DEFAULT_MAX_AGE_SECONDS = 8 * 3600  # a working day


@dataclass(frozen=True)
class Session:
    """Who logged in (issuer, subject) and when the token was issued and expires (epoch seconds)."""

    issuer: str
    subject: str
    issued_at: int
    expires_at: int | None = None

    @classmethod
    def from_claims(cls, claims: Mapping[str, Any]) -> Session | None:
        """The session of ID-token claims; None when issuer, subject or issue time is missing."""
        issuer, subject = str(claims.get("iss") or ""), str(claims.get("sub") or "")
        try:
            issued = int(float(claims["iat"]))
            expires = None if claims.get("exp") is None else int(float(claims["exp"]))
        except (KeyError, TypeError, ValueError):
            return None
        if not issuer or not subject:
            return None
        return cls(issuer, subject, issued, expires)


def session_over(session: Session, *, now: float, max_age: int, valid_from: int | None) -> bool:
    """True when the session may no longer act: expired, too old, or issued before a logout."""
    if session.expires_at is not None and session.expires_at <= now:
        return True
    if now - session.issued_at > max_age:
        return True
    return valid_from is not None and session.issued_at < valid_from


def email_verified(claims: Mapping[str, Any]) -> bool:
    """The provider vouches for the address (`email_verified` true; some send the string)."""
    value = claims.get("email_verified")
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")
