"""Record keys of the cell key method: one secret random integer per case, set once at insert.

Drawn from the operating system's CSPRNG (`secrets`, `os.urandom`), never shown, never exported, never
in an audit entry: whoever knew a case's key could strip its noise. See model/perturbation.py.
"""

from __future__ import annotations

import os
import secrets

import duckdb
import numpy as np
import pandas as pd

from model.perturbation import KEY_SPACE

FILL_CHUNK = 1_000_000


def new_key() -> int:
    """A fresh record key in [0, KEY_SPACE)."""
    return secrets.randbelow(KEY_SPACE)


def fill_missing(cur: duckdb.DuckDBPyConnection) -> int:
    """Give every case without a record key a fresh one (migrations); returns how many."""
    ids = [r[0] for r in cur.execute("SELECT case_id FROM cases WHERE record_key IS NULL").fetchall()]
    for lo in range(0, len(ids), FILL_CHUNK):
        part = ids[lo:lo + FILL_CHUNK]
        keys = np.frombuffer(os.urandom(4 * len(part)), dtype="<u4")
        cur.register("new_record_keys", pd.DataFrame({"case_id": part, "k": keys}))
        cur.execute("UPDATE cases SET record_key = n.k FROM new_record_keys n"
                    " WHERE cases.case_id = n.case_id")
        cur.unregister("new_record_keys")
    return len(ids)
