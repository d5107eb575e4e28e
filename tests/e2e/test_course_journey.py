"""Course journey through the real login: create a course, import a sign-up sheet, mark attendance,
and see the coverage view count the newly trained resource persons."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import Stack, login, screenshot, wait_for_app
from tools import demo

SHEET = [
    "Tilmelding til kursus i håndteringsmodellen",
    "Navn;E-mail;Organisation;Kommune;Rolle",
    "Søren Ærøskøbing;soren@example.com;Espergærde Gymnasium og HF;Helsingør;Studievejleder",
    "Åse Møller;aase@example.org;SSP Hillerød;Hillerød;SSP-konsulent",
    "Jørgen Ålbæk;jorgen@example.com;Ungdomsrådgivningen;Gribskov;Ungerådgiver",
]


def open_page(page: Page, stack: Stack, key: str) -> None:
    page.goto(f"{stack.url}/{key}")
    wait_for_app(page)


def open_tab(page: Page, name: str) -> None:
    """Select a tab and wait for the rerun that switching tabs starts."""
    wait_for_app(page)
    tab = page.get_by_role("tab", name=name)
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true")
    page.wait_for_timeout(500)
    wait_for_app(page)
    expect(tab).to_have_attribute("aria-selected", "true")


def trained_caption(page: Page):
    return page.get_by_text("I alt ").filter(has_text="uddannede ressourcepersoner.")


@pytest.mark.e2e
def test_organiser_creates_course_imports_sheet_marks_attendance_and_coverage_updates(
        page: Page, stack: Stack, tmp_path: Path):
    login(page, stack, demo.ORGANISER_NSJ)
    open_page(page, stack, "coverage")
    expect(trained_caption(page)).to_have_text("I alt 0 uddannede ressourcepersoner.")

    open_page(page, stack, "courses")
    open_tab(page, "Opret kursus")
    page.get_by_label("Sted").first.fill("Kulturværftet, Helsingør")
    page.get_by_label("Undervisere").first.fill("Mette Eksempelsen")
    page.get_by_role("button", name="Opret kursus").click()
    wait_for_app(page)
    expect(page.get_by_text("Kurset er oprettet.")).to_be_visible()

    sheet = tmp_path / "tilmeldinger.csv"
    sheet.write_bytes("\r\n".join(SHEET).encode("cp1252"))
    open_tab(page, "Indlæs fil")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(sheet))
    expect(page.get_by_text("3 rækker: 3 gyldige, 0 med fejl.")).to_be_visible(timeout=15_000)
    wait_for_app(page)
    screenshot(page, "courses-import-preview")
    page.get_by_role("button", name="Gem 3 deltagere").click()
    wait_for_app(page)
    expect(page.get_by_text("3 deltagere er indlæst.")).to_be_visible()

    open_tab(page, "Fremmøde")
    grid = page.locator("[class*='st-key-attendance_'] [data-testid='stDataFrame']")
    box = grid.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 40, box["y"] + 35 + 17)  # first row, first column
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Space")  # Mødt for the first participant
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")  # and for the second
    page.wait_for_timeout(800)
    wait_for_app(page)  # each edit of the table is a rerun of its own
    screenshot(page, "courses-attendance")
    page.get_by_role("button", name="Gem fremmøde").click()
    wait_for_app(page)
    expect(page.get_by_text("· Afholdt ·")).to_be_visible(timeout=15_000)
    expect(page.get_by_test_id("stMain")).not_to_contain_text("Der var ingen ændringer")

    open_page(page, stack, "coverage")
    expect(trained_caption(page)).to_have_text("I alt 2 uddannede ressourcepersoner.")
    missing = page.get_by_test_id("stMarkdown").filter(has_text="Bornholms Politi")
    expect(missing.first).not_to_contain_text("Nordsjællands Politi ·")
    screenshot(page, "coverage-organiser")
