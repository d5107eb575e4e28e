"""Migrations apply once on an empty database and a second run changes nothing."""

from __future__ import annotations

from db import connection
from db.connection import cursor
from db.migrate import available, migrate


def test_migrations_apply_on_an_empty_database_and_a_second_run_does_nothing(tmp_path):
    connection.configure(tmp_path / "empty.duckdb")
    try:
        first = migrate()
        assert first == [path.name for _, path in available()]
        assert migrate() == []
        with cursor() as cur:
            versions = [r[0] for r in cur.execute(
                "SELECT version FROM schema_migrations ORDER BY version").fetchall()]
        assert versions == [n for n, _ in available()]
    finally:
        connection.close()


def test_districts_hold_the_twelve_districts_plus_greenland_and_the_faroe_islands(fresh_db):
    with cursor() as cur:
        rows = cur.execute("SELECT name, in_mainland FROM districts ORDER BY sort_order").fetchall()
    assert len(rows) == 14
    assert sum(1 for _, mainland in rows if mainland) == 12
    names = {name for name, _ in rows}
    assert {"Nordsjællands Politi", "Københavns Vestegns Politi", "Bornholms Politi",
            "Grønlands Politi", "Færøernes Politi"} <= names


def test_a_failed_transaction_leaves_nothing_behind(fresh_db):
    import pytest

    from db.connection import transaction
    from model.errors import StorageError

    with pytest.raises(StorageError), transaction() as cur:
        cur.execute("INSERT INTO app_meta VALUES ('x', 'y')")
        cur.execute("INSERT INTO app_meta VALUES ('x', 'again')")  # duplicate key
    with cursor() as cur:
        assert cur.execute("SELECT count(*) FROM app_meta").fetchone()[0] == 0


def test_a_commit_conflict_becomes_a_conflict_error_with_its_cause_and_writes_nothing(fresh_db):
    import threading

    import duckdb
    import pytest

    from db.connection import transaction
    from model.errors import ConflictError

    with transaction() as cur:
        cur.execute("INSERT INTO app_meta VALUES ('k', 'v0')")
    inside = threading.Event()
    release = threading.Event()

    def competing_update() -> None:
        with transaction() as cur:
            cur.execute("UPDATE app_meta SET value = 'first' WHERE key = 'k'")
            inside.set()
            release.wait(5)

    worker = threading.Thread(target=competing_update)
    worker.start()
    inside.wait(5)
    with pytest.raises(ConflictError) as caught, transaction() as cur:
        cur.execute("UPDATE app_meta SET value = 'second' WHERE key = 'k'")
    release.set()
    worker.join()
    assert isinstance(caught.value.__cause__, duckdb.TransactionException)
    with cursor() as cur:
        assert cur.execute("SELECT value FROM app_meta WHERE key = 'k'").fetchone()[0] == "first"


def test_rows_go_in_with_one_statement_all_or_none(fresh_db):
    import pytest

    from db.connection import insert_rows, transaction
    from model.errors import StorageError

    with transaction() as cur:
        insert_rows(cur, "app_meta (key, value)", [])  # nothing to write: no statement
        insert_rows(cur, "app_meta (key, value)", [["a", "1"], ["b", "2"], ["c", "3"]])
    with pytest.raises(StorageError), transaction() as cur:
        insert_rows(cur, "app_meta (key, value)", [["d", "4"], ["a", "again"]])  # one duplicate
    with cursor() as cur:
        assert cur.execute("SELECT key, value FROM app_meta ORDER BY key").fetchall() == [
            ("a", "1"), ("b", "2"), ("c", "3")]
