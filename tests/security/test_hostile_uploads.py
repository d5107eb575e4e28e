"""Attack (issue 8, item 8): uploads that hurt everyone. A 220 KB .xlsx holding 5 million shared
strings took 53 s and 760 MB and slowed another district's page from 0.9 s to 7.2 s; anyone could
upload 200 MB per file, logged in or not; /_stcore/metrics answered anyone.

Each hostile file is handed to `preview_import`, as the course page does with an upload, and must
be refused with a Danish message while Python's allocations stay small (tracemalloc: deterministic,
unlike a clock). `scripts/measure_upload.py` gives the times and peak memory for the closing note.
"""

from __future__ import annotations

import tomllib
import tracemalloc
from collections.abc import Callable

import openpyxl
import pytest

from model.errors import ValidationError
from model.participant_import import preview_import
from tests.conftest import ROOT
from tools import crafted_sheets

SMALL = 20_000_000  # bytes of Python allocations a refusal may cost at most


def refused_cheaply(data: bytes, filename: str) -> tuple[str, int]:
    """The Danish refusal of `data` and the peak of Python allocations while reading it."""
    tracemalloc.start()
    try:
        with pytest.raises(ValidationError) as refused:
            preview_import(data, filename, capacity=20, registered=0, waiting=0)
        return refused.value.user_message, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.fixture
def openpyxl_must_not_open(monkeypatch: pytest.MonkeyPatch) -> None:
    def opened(*args, **kwargs):
        raise AssertionError("openpyxl opened the hostile file")
    monkeypatch.setattr(openpyxl, "load_workbook", opened)


@pytest.mark.parametrize("build", [crafted_sheets.shared_strings_bomb,
                                   crafted_sheets.disguised_shared_strings],
                         ids=["shared-strings", "disguised-part-name"])
def test_the_shared_strings_bomb_is_refused_before_openpyxl_opens_it(
        build: Callable[[], bytes], openpyxl_must_not_open):
    data = build()
    assert len(data) < 250_000
    message, peak = refused_cheaply(data, "tilmelding.xlsx")
    assert message.startswith("Filen er for stor eller for kompleks til at blive læst")
    assert peak < SMALL


def test_a_bomb_small_enough_to_pass_the_size_check_is_stopped_by_counting_its_strings(
        openpyxl_must_not_open):
    message, peak = refused_cheaply(crafted_sheets.shared_strings_bomb(250_000), "liste.xlsx")
    assert "tekster" in message and peak < SMALL


def test_a_sheet_claiming_a_million_rows_of_sixteen_thousand_columns_is_refused_cheaply():
    message, peak = refused_cheaply(crafted_sheets.sprawling_sheet(), "liste.xlsx")
    assert "celler" in message and peak < SMALL


def test_a_sheet_of_a_million_cells_in_a_small_zip_is_refused_cheaply(openpyxl_must_not_open):
    message, peak = refused_cheaply(crafted_sheets.many_cells_sheet(), "liste.xlsx")
    assert "udpakket" in message and peak < SMALL


@pytest.mark.parametrize("build", [crafted_sheets.blank_lines_csv, crafted_sheets.wide_csv],
                         ids=["two-million-empty-lines", "six-hundred-thousand-separators"])
def test_a_csv_of_millions_of_empty_cells_is_refused_cheaply(build: Callable[[], bytes]):
    data = build()
    assert len(data) < 2_000_000
    message, peak = refused_cheaply(data, "liste.csv")
    assert "celler" in message and peak < SMALL


@pytest.mark.parametrize(("data", "filename", "says"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "liste.xls", "gamle Excel-format (.xls)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "liste.xlsx", "adgangskode"),
    (b"PK\x03\x04" + bytes(100), "liste.xlsb", "binære format (.xlsb)"),
    (b"PK\x03\x04" + bytes(100), "liste.ods", "OpenDocument"),
    (b"PK\x03\x04" + bytes(100), "liste.numbers", "Numbers"),
], ids=["xls", "password-protected-xlsx", "xlsb", "ods", "numbers"])
def test_old_and_foreign_spreadsheet_formats_get_a_clear_danish_refusal(data, filename, says):
    message, _ = refused_cheaply(data, filename)
    assert says in message and ("xlsx" in message or "CSV" in message)


def test_streamlit_refuses_uploads_over_the_readers_two_megabytes():
    server = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["server"]
    assert server["maxUploadSize"] == 2  # megabytes (Streamlit's default: 200)
    assert server.get("enableXsrfProtection", True) is True
    message, _ = refused_cheaply(b"x" * 2_000_001, "liste.csv")
    assert "højst fylde 2 MB" in message


def test_the_readme_tells_the_proxy_to_guard_metrics_and_uploads():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in ("/_stcore/metrics", "/_stcore/upload_file/", "$cookie__streamlit_user",
                 "client_max_body_size"):
        assert rule in readme, rule
