"""The one place that opens DuckDB.

One read-write connection per process (DuckDB allows a single writer process), created lazily under a
lock; every caller gets its own cursor, because a DuckDB connection is not thread-safe and Streamlit
runs each session in its own thread.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import duckdb

from model.errors import ConflictError, DomainError, StorageError

DEFAULT_PATH = Path("data") / "haandtering.duckdb"

_lock = threading.Lock()
_connection: duckdb.DuckDBPyConnection | None = None
_path: Path | None = None
_changes = 0  # see changes()


def changes() -> int:
    """A number that moves whenever the database may have changed: after every `cursor()` and
    `transaction()` (any of them may write), and when a database is opened or closed; never with
    a `reading()` cursor. A read keyed by it is exact (db/read_cache.py): every use of the
    database goes through this module, and while this process holds the file no other process
    can write it (DuckDB's lock)."""
    return _changes


def _changed() -> None:
    global _changes
    with _lock:
        _changes += 1


def database_path() -> Path:
    """The configured file: `configure()` wins, then $HMD_DB_PATH, then data/haandtering.duckdb."""
    if _path is not None:
        return _path
    return Path(os.environ.get("HMD_DB_PATH", str(DEFAULT_PATH)))


def configure(path: str | Path) -> None:
    """Point the process at another database file (tests, tools); closes the open connection."""
    global _path
    close()
    with _lock:
        _path = Path(path)
    _changed()


def open_database(path: str | Path) -> duckdb.DuckDBPyConnection:
    """A connection to the file at `path` with the app's settings: the one duckdb.connect. The
    app's own database goes through `cursor()`; this is for a separate file (a benchmark's
    baseline)."""
    # Give freed query memory back to the system soon (default keeps 128 MB per process):
    # keeps the server's memory flat after large aggregates (see scripts/bench_stats.py).
    return duckdb.connect(str(path), config={
        "allocator_flush_threshold": "16MB", "allocator_background_threads": True})


def _root() -> duckdb.DuckDBPyConnection:
    global _connection
    with _lock:
        if _connection is None:
            path = database_path()
            path.parent.mkdir(parents=True, exist_ok=True)
            _connection = open_database(path)
        return _connection


def close() -> None:
    """Checkpoint and close the process's connection (it reopens on next use)."""
    global _connection
    with _lock:
        if _connection is not None:
            try:
                _connection.execute("CHECKPOINT")
            finally:
                _connection.close()
                _connection = None
    _changed()


@contextmanager
def cursor() -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor of its own for the calling thread, closed afterwards; errors become StorageError.
    What it did counts as a change (`changes()`), once it is closed."""
    try:
        with reading() as cur:
            yield cur
    finally:
        _changed()


@contextmanager
def reading() -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor for SELECTs only, as `cursor()` but not counted as a change: for the reads every
    page run makes, cached until the next change (db/read_cache.py). Never write on it."""
    cur = _root().cursor()
    try:
        yield cur
    except DomainError:
        raise
    except duckdb.TransactionException as exc:
        raise ConflictError() from exc
    except duckdb.Error as exc:
        raise StorageError() from exc
    finally:
        cur.close()


@contextmanager
def transaction() -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor inside BEGIN/COMMIT: all of it is written, or (on any exception) none of it."""
    with cursor() as cur:
        cur.execute("BEGIN TRANSACTION")
        try:
            yield cur
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        # A failed COMMIT (e.g. a write-write conflict) has already rolled back in DuckDB; it
        # surfaces from cursor() as ConflictError or StorageError with the original cause.
        cur.execute("COMMIT")


def insert_rows(cur: duckdb.DuckDBPyConnection, into: str, rows: Sequence[Sequence[object]], *,
                returning: str | None = None) -> list[tuple]:
    """Insert `rows` (all of one width) with one statement, a column per list parameter.

    A statement costs DuckDB about half a millisecond of CPU whatever its size, so one per row
    (`executemany`) was the largest part of a save; and binding each value as a parameter of its own
    (a multi-row VALUES) costs about 6 us a value, five times an `unnest` of one list per column.
    `into` and `returning` are code ("table (col, col)", "col, col"), never input. Returns the
    `returning` columns of the rows written (else [])."""
    if not rows:
        return []
    columns = [list(column) for column in zip(*rows, strict=True)]
    sql = f"INSERT INTO {into} SELECT {', '.join(['unnest(?)'] * len(columns))}"
    if returning is None:
        cur.execute(sql, columns)
        return []
    return cur.execute(f"{sql} RETURNING {returning}", columns).fetchall()
