"""Reads kept until the database may have changed (db/read_cache.py): exact, never timed."""

from __future__ import annotations

from pathlib import Path

import pytest

from db import connection
from db.connection import cursor, reading, transaction
from db.migrate import migrate
from db.read_cache import until_change
from model.errors import StorageError


@pytest.fixture
def counted_read(fresh_db):
    """A kept read of the number of users, and how many times it really ran."""
    runs: list[int] = []

    @until_change
    def users_count(offset: int = 0) -> int:
        with reading() as cur:
            runs.append(1)
            return cur.execute("SELECT count(*) FROM users").fetchone()[0] + offset

    return users_count, runs


def add_user(email: str) -> None:
    with transaction() as cur:
        cur.execute("INSERT INTO users (email) VALUES (?)", [email])


def test_a_kept_read_runs_once_while_nothing_changes(counted_read):
    read, runs = counted_read
    assert [read(), read(), read()] == [0, 0, 0]
    assert read(5) == 5  # other arguments: read of their own
    assert len(runs) == 2


def test_reads_on_reading_cursors_are_not_changes(counted_read):
    read, runs = counted_read
    read()
    with reading() as cur:
        cur.execute("SELECT count(*) FROM memberships").fetchone()
    read()
    assert len(runs) == 1


def test_a_write_is_read_at_the_next_call(counted_read):
    read, runs = counted_read
    assert read() == 0
    add_user("a@example.com")
    assert read() == 1
    with cursor() as cur:  # a write outside a transaction counts too: every cursor may write
        cur.execute("INSERT INTO users (email) VALUES ('b@example.com')")
    assert read() == 2
    assert len(runs) == 3


def test_a_failed_write_counts_as_a_change_too(counted_read):
    read, runs = counted_read
    read()
    with pytest.raises(StorageError), transaction() as cur:
        cur.execute("INSERT INTO users (email) VALUES ('c@example.com')")
        cur.execute("INSERT INTO no_such_table VALUES (1)")
    assert read() == 0
    assert len(runs) == 2


def test_another_database_is_read_afresh(counted_read, tmp_path: Path):
    read, runs = counted_read
    add_user("a@example.com")
    assert read() == 1
    connection.configure(tmp_path / "other.duckdb")
    migrate()
    assert read() == 0
    assert len(runs) == 2
