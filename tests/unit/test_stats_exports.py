"""Exported files hold what the page shows and carry their context; every export is audited first."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from functools import partial

import openpyxl
import pandas as pd
import pytest

from db import audit
from model.access import Role
from model.errors import StorageError
from model.perturbation import CELL_KEY
from model.release import Release
from model.stats_filter import StatsFilter
from pages.components import exports
from pages.components import stats_frames as sf
from tests.conftest import scope_of
from tests.unit.case_helpers import published_frame

LEADER = scope_of(1, "leder@example.com", (Role.PROJECT_LEADER, None))
FLT = StatsFilter(date(2024, 1, 1), date(2024, 6, 1), ("KBH",))
CTX = exports.ExportContext(LEADER, "landstal", FLT, None, Release.on_day(date(2024, 9, 1)), CELL_KEY)


def published() -> pd.DataFrame:
    raw = pd.DataFrame({"platform": ["snapchat", "tiktok", "andet", "discord"], "n": [40, 3, 12, 1500]})
    return sf.pivot(published_frame(raw, "platform", None), "platform", None, {}, as_text=False)


def test_csv_starts_with_its_context_and_holds_plain_published_numbers():
    caption = exports.context_line(CTX, "Platforme", "abc123")
    text = exports.table_bytes(published(), "csv", "Platforme", caption).decode("utf-8-sig")
    first, *rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert first == [caption]
    assert "periode 2024-01–2024-06" in caption and "politikredse: KBH" in caption
    assert "cellekey-D2, højst ±2" in caption and "frigivelse 2024-08-15" in caption
    assert caption.endswith("Eksport-id: abc123")
    assert rows[0] == ["Platform", "Antal"]
    values = [int(r[1]) for r in rows[1:]]
    assert not [v for v in values if v in (1, 2)]
    assert abs(values[3] - 1500) <= 2  # plain integers for machines, no thousands separator


def test_excel_has_the_numbers_and_a_note_with_context_and_method():
    caption = exports.context_line(CTX, "Platforme", "abc123")
    book = openpyxl.load_workbook(io.BytesIO(exports.table_bytes(published(), "xlsx", "Platforme", caption)))
    cells = [row[1] for row in book["Tal"].iter_rows(min_row=2, values_only=True)]
    assert all(isinstance(v, int) for v in cells)
    note = str(list(book["Note"].values))
    assert "Eksport-id: abc123" in note and "let justeret" in note


def test_a_chart_image_carries_the_context_as_subtitle():
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json",
            "data": {"values": [{"a": 1}]}, "mark": "point"}
    svg = exports.chart_bytes(spec, "svg", "Platforme", "Eksport-id: abc123").decode()
    assert "Eksport-id: abc123" in svg and "Platforme" in svg
    assert "title" not in spec  # the cached spec itself is left as it was


def test_a_download_is_audited_with_its_export_id_before_the_file_is_produced(fresh_db, admin_scope):
    data = exports._audited(CTX, "platforme", "csv", "Platforme",
                            partial(exports._table_file, published(), "csv", "Platforme"))
    entry = audit.entries(admin_scope, audit.AuditFilter(action="stats.export"))[0]
    details = json.loads(entry["details"])
    assert (entry["object_id"], entry["actor_email"]) == ("platforme", "leder@example.com")
    assert details["release"] == "2024-08-15" and details["method"] == "cellekey-D2"
    [caption] = next(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert caption.endswith(f"Eksport-id: {entry['export_id']}")


def test_two_downloads_get_two_export_ids(fresh_db, admin_scope):
    for _ in range(2):
        exports._audited(CTX, "platforme", "csv", "Platforme", lambda caption: caption.encode())
    ids = {e["export_id"] for e in audit.entries(admin_scope, audit.AuditFilter(action="stats.export"))}
    assert len(ids) == 2


def test_no_file_is_produced_when_the_audit_log_cannot_be_written(monkeypatch):
    def broken(*args, **kwargs):
        raise StorageError()

    produced = []
    monkeypatch.setattr(exports, "record_export", broken)
    with pytest.raises(StorageError):
        exports._audited(CTX, "platforme", "csv", "Platforme", produced.append)
    assert produced == []


def test_file_names_say_page_table_and_period():
    assert exports.file_name("landstal", "sager-pr-maaned", FLT, "csv") == \
        "landstal-sager-pr-maaned-2024-01-2024-06.csv"
