"""The published model versions: the shipped files and the versions published in the app, as one list.

Published versions are reference data every role reads (like the districts), so these reads take no
scope. A version published in the app is a row of `model_releases`, never updated; its text is
checked against its checksum when read, so a changed row is refused like a changed shipped file.
The version in force on a day is the published one with the latest effective date up to that day;
new cases are triaged under it, old cases keep theirs.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date, datetime

import duckdb

from db.connection import cursor
from model.case import FIRST_MONTH
from model.errors import NotFound, StorageError
from model.handling_model import (
    HandlingModel,
    load_model,
    parse_model,
    shipped_versions,
    text_checksum,
)


@dataclass(frozen=True)
class VersionInfo:
    version: str
    effective_from: date
    parent: str | None  # None for a shipped version
    published_at: datetime | None  # None for a shipped version

    @property
    def shipped(self) -> bool:
        return self.parent is None


_cache: dict[tuple[str, str], HandlingModel] = {}
_cache_lock = threading.Lock()


def published(cur: duckdb.DuckDBPyConnection | None = None) -> list[VersionInfo]:
    """Every published version, in the order they took effect (shipped ones first); read on `cur`
    when given (inside the caller's transaction)."""
    if cur is None:
        with cursor() as own:
            return published(own)
    shipped = [VersionInfo(v, FIRST_MONTH, None, None) for v in shipped_versions()]
    rows = cur.execute("SELECT version, effective_from, parent_version, published_at"
                       " FROM model_releases ORDER BY effective_from, published_at").fetchall()
    return shipped + [VersionInfo(*row) for row in rows]


def version_names() -> list[str]:
    return [v.version for v in published()]


def measure_names() -> dict[str, str]:
    """Measure key -> its name in any published version (the audit log names measures by key)."""
    names: dict[str, str] = {}
    for version in version_names():
        names.update(model_of(version).measure_labels())
    return names


def current_version(today: date | None = None, *,
                    versions: list[VersionInfo] | None = None) -> str:
    """The version new cases are triaged under on `today` (default: today), among `versions`
    (default: read now)."""
    day = today or date.today()
    in_force = [v for v in (published() if versions is None else versions) if v.effective_from <= day]
    return in_force[-1].version if in_force else shipped_versions()[-1]


def model_of(version: str) -> HandlingModel:
    """The published model `version`; NotFound if there is none, StorageError if a stored
    version's text no longer matches its checksum."""
    if version in shipped_versions():
        return load_model(version)
    with cursor() as cur:
        row = cur.execute("SELECT checksum FROM model_releases WHERE version = ?",
                          [version]).fetchone()
        if row is None:
            raise NotFound("Modelversionen findes ikke.")
        with _cache_lock:
            cached = _cache.get((version, row[0]))
        if cached is not None:
            return cached
        text = cur.execute("SELECT definition FROM model_releases WHERE version = ?",
                           [version]).fetchone()[0]
    if text_checksum(text) != row[0]:
        raise StorageError(f"Modelversion {version} er ændret, efter at den blev udgivet. Den kan "
                           "ikke bruges; kontakt administratoren.")
    model = parse_model(text, row[0])
    with _cache_lock:
        _cache[(version, row[0])] = model
    return model


def current_model(today: date | None = None) -> HandlingModel:
    return model_of(current_version(today))


def all_level_numbers() -> list[int]:
    """Every level number of any published version (filters over cases of several versions)."""
    return sorted({n for v in version_names() for n in model_of(v).level_numbers})
