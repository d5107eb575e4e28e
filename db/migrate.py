"""Apply the numbered SQL files in db/migrations once each, recording them in schema_migrations."""

from __future__ import annotations

import re
from pathlib import Path

from db.connection import cursor, transaction

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def available() -> list[tuple[int, Path]]:
    """The migration files in order; a badly named file is an error, not silently skipped."""
    found = []
    for path in sorted(MIGRATIONS_DIR.glob("*.sql")):
        match = _NAME.match(path.name)
        if not match:
            raise ValueError(f"Migration file name must be NNNN_name.sql: {path.name}")
        found.append((int(match.group(1)), path))
    numbers = [n for n, _ in found]
    if len(numbers) != len(set(numbers)):
        raise ValueError("Two migrations share a number")
    return found


def applied() -> set[int]:
    with cursor() as cur:
        cur.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
            " applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
        )
        return {row[0] for row in cur.execute("SELECT version FROM schema_migrations").fetchall()}


def migrate() -> list[str]:
    """Apply pending migrations, each in its own transaction; returns the names applied."""
    done = applied()
    names = []
    for number, path in available():
        if number in done:
            continue
        with transaction() as cur:
            cur.execute(path.read_text(encoding="utf-8"))
            cur.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [number, path.name]
            )
        names.append(path.name)
    return names


if __name__ == "__main__":
    for name in migrate():
        print(f"applied {name}")
