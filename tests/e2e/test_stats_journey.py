"""A project leader opens the nationwide dashboard (one year of 700 cases, as in real life), filters,
downloads a CSV that carries its context and export id; Streamlit's own chart toolbar cannot be used.

The stack here is the harness's, with synthetic cases loaded before the server starts (the server
must be the only writer afterwards).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from db.synthetic import GENERATOR, generate
from tests.e2e.conftest import Stack, login, navigate, rerun, running_stack, tall_screenshot
from tools import demo


def users_and_synthetic_cases() -> None:
    demo.seed_users()
    generate(GENERATOR, 700, seed=5, first_month=date(2025, 1, 1), months=12)


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with running_stack(tmp_path_factory.mktemp("e2e-stats"), users_and_synthetic_cases) as running:
        yield running


def counts_in(csv_text: str) -> list[int]:
    rows = list(csv.reader(io.StringIO(csv_text), delimiter=";"))[2:]  # caption, header
    return [int(v) for row in rows for v in row[1:] if v.isdigit()]


def test_project_leader_filters_and_downloads_a_csv_without_small_counts(page: Page, stack: Stack):
    login(page, stack, demo.LEADER)
    navigate(page, "Landstal")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Landstal")).to_be_visible()
    expect(main.get_by_text("Sager pr. måned og niveau").first).to_be_visible()
    expect(main.get_by_text("let justeret (højst ±2)").first).to_be_visible()
    expect(main.get_by_test_id("stDataFrame").first.locator("canvas").first).to_be_visible()
    expect(main.get_by_role("button", name="SVG").first).to_be_visible()
    tall_screenshot(page, "stats-national-year-700")

    districts = page.get_by_role("combobox", name="Politikredse").first
    for name in ("Københavns Politi", "Nordsjællands Politi"):
        districts.click()
        page.keyboard.type(name)
        with rerun(page):
            page.get_by_role("option", name=name, exact=True).click()
    page.keyboard.press("Escape")
    expect(main.get_by_test_id("stVegaLiteChart").first).to_be_visible()
    tall_screenshot(page, "stats-national")

    with page.expect_download() as info:
        main.get_by_test_id("stDownloadButton").get_by_role("button", name="CSV").first.click()
    download = info.value
    assert download.suggested_filename.startswith("landstal-sager-pr-maaned-2025-01-2025-12")
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    [caption], header = list(csv.reader(io.StringIO(text), delimiter=";"))[:2]
    assert caption.startswith("Sager pr. måned og niveau · periode 2025-01–2025-12")
    assert "politikredse: KBH, NSJ" in caption and "metode: cellekey-D2, højst ±2" in caption
    export_id = caption.rsplit("Eksport-id: ", 1)[1]
    assert header[:2] == ["Måned", "Niveau 1"]
    shown = counts_in(text)
    assert shown and not [n for n in shown if n in (1, 2)]

    page.get_by_role("tab", name="Politikredse").click()
    expect(main.get_by_text("Sager pr. politikreds").first).to_be_visible()
    tall_screenshot(page, "stats-national-districts")

    admin = page.context.browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        audit_page = admin.new_page()
        login(audit_page, stack, demo.ADMIN)
        navigate(audit_page, "Revisionslog")
        expect(audit_page.get_by_test_id("stDataFrame")).to_contain_text("Statistik eksporteret")
        assert len(export_id) == 24  # model.export_ids: 20 characters in groups of four
    finally:
        admin.close()


def test_streamlits_own_chart_toolbar_cannot_be_used(page: Page, stack: Stack):
    """Its "Download as PNG", "Show data" and "Copy Vega-Lite spec" would bypass the audit log."""
    login(page, stack, demo.LEADER)
    navigate(page, "Landstal")
    main = page.get_by_test_id("stMain")
    chart = main.get_by_test_id("stVegaLiteChart").first
    expect(chart).to_be_visible()
    chart.hover()
    table = main.get_by_test_id("stDataFrame").first
    table.hover()  # the table keeps its toolbar: the rule hides the charts' only
    expect(table.locator("xpath=..").get_by_test_id("stElementToolbar")).to_have_count(1)
    chart.hover()
    for action in ("Download as PNG", "Show data", "Copy Vega-Lite spec"):
        expect(page.get_by_role("button", name=action)).to_have_count(0)
    toolbars = page.locator("[data-testid='stElementContainer']:has([data-testid='stVegaLiteChart'])"
                            " [data-testid='stElementToolbar']")
    assert toolbars.count() > 0  # Streamlit does draw them ...
    for i in range(toolbars.count()):
        expect(toolbars.nth(i)).to_be_hidden()  # ... and none can be seen, clicked or tabbed to


def test_project_leader_reads_the_calibration_page(page: Page, stack: Stack):
    login(page, stack, demo.LEADER)
    navigate(page, "Modeljustering")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Modelversion 2018")).to_be_visible()
    expect(main.get_by_text("Foreslået og valgt niveau").first).to_be_visible()
    expect(main.get_by_test_id("stDataFrame").last.locator("canvas").first).to_be_visible()
    expect(main.get_by_role("button", name="SVG").first).to_be_visible()
    tall_screenshot(page, "stats-calibration")


def test_district_contact_sees_own_district_beside_the_country(page: Page, stack: Stack):
    login(page, stack, demo.CONTACT_NSJ)
    navigate(page, "Kredsens tal")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Kredsens tal · Nordsjællands Politi")).to_be_visible()
    expect(main.get_by_role("heading", name="Hele landet").first).to_be_visible()
    expect(page.get_by_test_id("stSidebarNav").get_by_role("link", name="Landstal")).to_have_count(0)
    expect(main.get_by_text("præcise og løbende opdateret").first).to_be_visible()
    expect(main.get_by_test_id("stDataFrame").first.locator("canvas").first).to_be_visible()
    expect(main.get_by_role("button", name="SVG").first).to_be_visible()
    tall_screenshot(page, "stats-district")
