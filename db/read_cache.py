"""Reads kept until the database may have changed: for what every page run reads (the login's
rights, the page's data versions, the published model versions), so that a rerun with nothing
changed reads nothing.

Exact, not timed: a value is kept under `connection.changes()` as it was before the read, and used
only while that number has not moved; it moves after every cursor or transaction that may have
written (a revoked role, a logout, a saved case) and whenever a database is opened. Whatever
depends on the clock (a session's expiry, the release in force today) is decided by the caller on
every run, from the kept rows and today's date in the arguments.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from db import connection

P = ParamSpec("P")
R = TypeVar("R")


def until_change(read: Callable[P, R]) -> Callable[P, R]:
    """Keep `read`'s results (by its hashable arguments) until the next change. `read` must only
    read, on `connection.reading()` cursors, and return what nobody alters (tuples)."""
    lock = threading.Lock()
    kept: dict[object, R] = {}
    kept_at: list[int] = [-1]

    @functools.wraps(read)
    def kept_read(*args: P.args, **kwargs: P.kwargs) -> R:
        key = (args, tuple(sorted(kwargs.items())))
        at = connection.changes()  # before the read: a change during it makes the value unused
        with lock:
            if kept_at[0] == at and key in kept:
                return kept[key]
        value = read(*args, **kwargs)
        with lock:
            if kept_at[0] != at:
                kept.clear()
                kept_at[0] = at
            kept[key] = value
        return value

    return kept_read
