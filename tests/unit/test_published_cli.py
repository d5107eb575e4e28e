"""`python -m db.published`: the schema for both kinds of viewer, the release day, errors, the audit."""

from __future__ import annotations

import json
from datetime import date

import pytest

from db import audit, published
from db.connection import configure
from db.synthetic import GENERATOR, generate

SCHEMA = {"name": str, "title": str, "rows": list, "cols": list, "cells": list, "exact_sums": bool}


@pytest.fixture
def db(fresh_db):
    generate(GENERATOR, 400, seed=3, first_month=date(2025, 1, 1), months=12)
    return fresh_db


def run(db, capsys, *args: str) -> tuple[int, dict | None, str]:
    code = published.main(["--db", str(db), *args])
    configure(db)  # main() pointed the process at the file; keep it for the test's own reads
    out = capsys.readouterr()
    return code, (json.loads(out.out) if code == 0 else None), out.err


def check_table(table: dict) -> None:
    for key, kind in SCHEMA.items():
        assert isinstance(table[key], kind), key
    assert len(table["cells"]) == len(table["rows"])
    assert all(len(row) == len(table["cols"]) for row in table["cells"])
    assert all(v is None or isinstance(v, int) for row in table["cells"] for v in row)
    for key, size in (("row_totals", len(table["rows"])), ("col_totals", len(table["cols"]))):
        assert table[key] is None or len(table[key]) == size
    assert table["total"] is None or isinstance(table["total"], int)


def test_a_project_leader_gets_every_table_of_both_pages_perturbed(db, capsys):
    code, doc, _ = run(db, capsys, "--as", "leader", "--from", "2025-01", "--to", "2025-12",
                       "--on", "2026-03-01")
    assert code == 0
    release = "frigivet 2026-02-15, måneder til og med 2026-01; revideret 2026-01-15"
    assert doc["method"] == {"name": "cellekey-D2", "noise_bound": 2, "release": release}
    names = [t["name"] for t in doc["tables"]]
    assert names[:2] == ["by_month", "by_district"]
    assert {"measures:1", "calibration:2018", "direction:2018", "reasons:2018", "by_version"} <= set(names)
    for table in doc["tables"]:
        check_table(table)
        assert table["exact_sums"] is False
        values = [v for row in table["cells"] for v in row]
        assert not {1, 2} & set(values)
    months = doc["tables"][0]
    assert months["rows"][0] == "2025-01" and months["cols"] == ["1", "2", "3", "4"]
    measures = next(t for t in doc["tables"] if t["name"] == "measures:1")
    assert measures["col_totals"] is None and measures["total"] is None


def test_a_contact_gets_the_nationwide_tables_and_their_own_exact(db, capsys):
    code, doc, _ = run(db, capsys, "--as", "contact:BOR", "--from", "2025-01", "--to", "2025-12")
    assert code == 0
    names = [t["name"] for t in doc["tables"]]
    tables = ["by_month", "status", "police", "platforms", "takedowns", "age_gender"]
    assert names == [*tables, "by_district", *(f"own:{t}" for t in tables)]
    for table in doc["tables"]:
        check_table(table)
        assert table["exact_sums"] is table["name"].startswith("own:")
    own = doc["tables"][7]
    assert sum(map(sum, own["cells"])) == own["total"]  # exact: the cells add up


def test_the_day_chooses_the_release(db, capsys):
    _, early, _ = run(db, capsys, "--as", "leader", "--from", "2025-01", "--to", "2025-12",
                      "--on", "2025-04-14")
    assert early["tables"][0]["rows"][-1] == "2025-02"  # March is released on 15 April


@pytest.mark.parametrize("args", [["--as", "someone"], ["--as", "contact:BOR", "--districts", "KBH"]])
def test_bad_viewers_and_filters_are_refused_in_danish(db, capsys, args):
    code, _, err = run(db, capsys, *args, "--from", "2025-01", "--to", "2025-12")
    assert code == 2 and err.startswith("fejl:")


def test_each_run_is_audited_as_an_export(db, capsys, admin_scope):
    run(db, capsys, "--as", "leader", "--from", "2025-01", "--to", "2025-03")
    entry = audit.entries(admin_scope, audit.AuditFilter(action="stats.export"))[0]
    details = json.loads(entry["details"])
    assert details["format"] == "json" and details["page"] == "db.published" and entry["export_id"]
