"""Record keys for the cell key method (model/perturbation.py): a new column, filled for existing cases.

A Python migration because the keys must come from the operating system's CSPRNG, which SQL cannot
reach (DuckDB's random() is a seeded PRNG). The column stays nullable: DuckDB cannot add NOT NULL to an
indexed table; every insert path sets it, and tests check that none is left NULL.
"""

from __future__ import annotations

import duckdb

from db.record_keys import fill_missing


def apply(cur: duckdb.DuckDBPyConnection) -> None:
    cur.execute("ALTER TABLE cases ADD COLUMN record_key UINTEGER")
    fill_missing(cur)
