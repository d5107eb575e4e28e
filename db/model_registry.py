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

from db.connection import reading
from db.read_cache import until_change
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
    when given (inside the caller's transaction), else as kept until the next change."""
    shipped = [VersionInfo(v, FIRST_MONTH, None, None) for v in shipped_versions()]
    return shipped + [VersionInfo(*row) for row in (_releases() if cur is None else _rows(cur))]


def _rows(cur: duckdb.DuckDBPyConnection) -> tuple[tuple, ...]:
    return tuple(cur.execute("SELECT version, effective_from, parent_version, published_at"
                             " FROM model_releases ORDER BY effective_from, published_at").fetchall())


@until_change
def _releases() -> tuple[tuple, ...]:  # read on every run of the statistics pages
    with reading() as cur:
        return _rows(cur)


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
    checksum = _checksum(version)
    if checksum is None:
        raise NotFound("Modelversionen findes ikke.")
    with _cache_lock:
        cached = _cache.get((version, checksum))
    if cached is not None:
        return cached
    with reading() as cur:
        text = cur.execute("SELECT definition FROM model_releases WHERE version = ?",
                           [version]).fetchone()[0]
    if text_checksum(text) != checksum:
        raise StorageError(f"Modelversion {version} er ændret, efter at den blev udgivet. Den kan "
                           "ikke bruges; kontakt administratoren.")
    model = parse_model(text, checksum)
    with _cache_lock:
        _cache[(version, checksum)] = model
    return model


@until_change
def _checksum(version: str) -> str | None:  # every published version's, on every statistics run
    with reading() as cur:
        row = cur.execute("SELECT checksum FROM model_releases WHERE version = ?",
                          [version]).fetchone()
    return None if row is None else row[0]


def current_model(today: date | None = None) -> HandlingModel:
    return model_of(current_version(today))


def all_level_numbers(versions: list[str] | None = None) -> list[int]:
    """Every level number of any published version (filters over cases of several versions);
    `versions`: the published versions' names when the caller has read them already."""
    return sorted({n for v in (version_names() if versions is None else versions)
                   for n in model_of(v).level_numbers})
