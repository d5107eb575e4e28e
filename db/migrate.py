"""Apply the numbered migrations in db/migrations once each, recording them in schema_migrations.

A migration is an SQL file, or a Python file with `apply(cur)` for a step SQL cannot do (e.g. filling
a column from the operating system's CSPRNG); both run in one transaction with their record.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from db.connection import cursor, transaction

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.(sql|py)$")


def available() -> list[tuple[int, Path]]:
    """The migration files in order; a badly named file is an error, not silently skipped."""
    found = []
    for path in sorted(p for p in MIGRATIONS_DIR.iterdir() if p.suffix in (".sql", ".py")):
        match = _NAME.match(path.name)
        if not match:
            raise ValueError(f"Migration file name must be NNNN_name.sql or .py: {path.name}")
        found.append((int(match.group(1)), path))
    numbers = [n for n, _ in found]
    if len(numbers) != len(set(numbers)):
        raise ValueError("Two migrations share a number")
    return found


def _run(cur, path: Path) -> None:
    if path.suffix == ".sql":
        cur.execute(path.read_text(encoding="utf-8"))
        return
    spec = importlib.util.spec_from_file_location(f"db_migration_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.apply(cur)


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
            _run(cur, path)
            cur.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [number, path.name]
            )
        names.append(path.name)
    return names


if __name__ == "__main__":
    for name in migrate():
        print(f"applied {name}")
