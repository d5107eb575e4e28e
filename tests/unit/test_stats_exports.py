"""Exported files hold what the page shows, nothing more, and every export is audited first."""

from __future__ import annotations

import csv
import io
from datetime import date
from functools import partial

import openpyxl
import pandas as pd
import pytest

from db import audit
from model.access import Role
from model.errors import StorageError
from model.stats_filter import StatsFilter
from model.suppression import SUPPRESSED_MARK, suppress_frame
from pages.components import exports
from pages.components import stats_frames as sf
from tests.conftest import scope_of

LEADER = scope_of(1, "leder@example.com", (Role.PROJECT_LEADER, None))
FLT = StatsFilter(date(2024, 1, 1), date(2024, 6, 1))


def published() -> pd.DataFrame:
    raw = pd.DataFrame({"platform": ["snapchat", "tiktok", "andet", "discord"], "n": [40, 3, 12, 1500]})
    return sf.pivot(suppress_frame(raw, "platform", None, "n"), "platform", None, {}, as_text=False)


def test_csv_marks_hidden_values_and_holds_no_small_count():
    text = exports.table_bytes(published(), "csv", "Platforme", "ABCD").decode("utf-8-sig")
    caption, *rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert caption == ["Platforme · Eksport-id: ABCD"]
    assert rows[0] == ["Platform", "Antal"]
    values = [r[1] for r in rows[1:]]
    assert SUPPRESSED_MARK in values
    assert "1500" in values  # plain integers for machines, no thousands separator
    assert not [v for v in values if v.isdigit() and 1 <= int(v) <= 4]


def test_excel_has_numbers_where_shown_the_mark_where_hidden_and_a_note():
    book = openpyxl.load_workbook(io.BytesIO(exports.table_bytes(published(), "xlsx", "Platforme")))
    cells = [row[1] for row in book["Tal"].iter_rows(min_row=2, values_only=True)]
    assert 40 in cells and SUPPRESSED_MARK in cells
    assert not [v for v in cells if isinstance(v, int) and 1 <= v <= 4]
    assert "diskretionshensyn" in str(list(book["Note"].values))


def test_a_download_is_audited_before_the_file_is_produced(fresh_db, admin_scope):
    produce = partial(exports.table_bytes, published(), "csv", "Platforme")
    data = exports._audited(LEADER, "landstal", "platforme", "csv", FLT, None, produce)
    assert data.startswith("\ufeff".encode())
    entry = audit.entries(admin_scope, audit.AuditFilter(action="stats.export"))[0]
    assert (entry["object_id"], entry["actor_email"]) == ("platforme", "leder@example.com")
    assert f"Eksport-id: {entry['export_id']}" in data.decode("utf-8-sig")
    assert '"2024-01-01"' in entry["details"]


def test_no_file_is_produced_when_the_audit_log_cannot_be_written(monkeypatch):
    def broken(*args, **kwargs):
        raise StorageError()

    produced = []
    monkeypatch.setattr(exports, "record_export", broken)
    with pytest.raises(StorageError):
        exports._audited(LEADER, "landstal", "platforme", "csv", FLT, None,
                         partial(produced.append, "file"))
    assert produced == []


def test_file_names_say_page_table_and_period():
    assert exports.file_name("landstal", "sager-pr-maaned", FLT, "csv") == \
        "landstal-sager-pr-maaned-2024-01-2024-06.csv"
