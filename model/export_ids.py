"""Export ids: a random id in every file the app hands out, and in the audit entry that records it.

Streamlit serves a generated file under an id derived from its content; a random id inside the
content makes that address unguessable, and a copy found later names its audit entry (who, when).
"""

from __future__ import annotations

import secrets

LABEL = "Eksport-id"


def new_export_id() -> str:
    """96 random bits, readable aloud in groups: e.g. 'K7QF-2MXD-9RTA-C4WE-H8PB'."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to confuse on paper
    chars = "".join(secrets.choice(alphabet) for _ in range(20))
    return "-".join(chars[i:i + 4] for i in range(0, 20, 4))


def export_line(export_id: str) -> str:
    return f"{LABEL}: {export_id}"
