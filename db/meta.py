"""Facts about the database itself (not about any tenant), such as whether it holds demo data."""

from __future__ import annotations

from db.connection import reading, transaction
from db.read_cache import until_change


@until_change
def is_demo() -> bool:
    """True when the database was filled with generated demo data: the UI then says so (every
    run: kept until the next change)."""
    with reading() as cur:
        row = cur.execute("SELECT value FROM app_meta WHERE key = 'demo'").fetchone()
    return bool(row and row[0] == "true")


def mark_demo() -> None:
    with transaction() as cur:
        cur.execute("INSERT OR REPLACE INTO app_meta (key, value) VALUES ('demo', 'true')")
