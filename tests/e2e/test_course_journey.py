"""Course journey through the real login: create a course, import a sign-up sheet, mark attendance,
and see the coverage view count the newly trained resource persons."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import Stack, login, rerun, screenshot, wait_for_app
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
    """Select a tab and wait for the rerun that switching tabs starts (on_change="rerun")."""
    tab = page.get_by_role("tab", name=name)
    with rerun(page):
        tab.click()
    expect(tab).to_have_attribute("aria-selected", "true")


def focus_cell(page: Page, grid, column: int, row: int) -> None:
    """Move the data grid's own keyboard focus to (column, row), through its accessible cells.

    Focusing the first cell selects it (the grid draws on a canvas; its cells are an accessible
    table behind it); arrow keys then move the selection, and each step is checked, so a key can
    never land outside the grid.
    """
    first = grid.get_by_test_id("glide-cell-0-0")
    first.focus()
    expect(first).to_be_focused()
    for c in range(1, column + 1):
        page.keyboard.press("ArrowRight")
        expect(grid.get_by_test_id(f"glide-cell-{c}-0")).to_be_focused()
    for r in range(1, row + 1):
        page.keyboard.press("ArrowDown")
        expect(grid.get_by_test_id(f"glide-cell-{column}-{r}")).to_be_focused()


def toggle_focused_checkbox(page: Page) -> None:
    """Enter flips a checkbox cell; the edit is a rerun of its own."""
    with rerun(page):
        page.keyboard.press("Enter")


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
    form = page.get_by_role("tabpanel", name="Opret kursus")
    form.get_by_role("textbox", name="Sted").fill("Kulturværftet, Helsingør")
    form.get_by_role("textbox", name="Undervisere (organisation eller funktion)").fill(
        "Projektgruppen, Nordsjællands Politi")
    with rerun(page, shows=page.get_by_text("Kurset er oprettet.")):
        page.get_by_role("button", name="Opret kursus").click()

    sheet = tmp_path / "tilmeldinger.csv"
    sheet.write_bytes("\r\n".join(SHEET).encode("cp1252"))
    open_tab(page, "Indlæs fil")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(sheet))
    expect(page.get_by_text("3 rækker: 3 gyldige, 0 med fejl.")).to_be_visible(timeout=15_000)
    wait_for_app(page)
    screenshot(page, "courses-import-preview")
    with rerun(page, shows=page.get_by_text("3 deltagere er indlæst.")):
        page.get_by_role("button", name="Gem 3 deltagere").click()

    open_tab(page, "Fremmøde")
    grid = page.locator("[class*='st-key-attendance_'] [data-testid='stDataFrame']")
    marked = page.get_by_test_id("stMain").get_by_text("markeret som mødt")
    expect(grid.get_by_test_id("glide-cell-3-2")).to_be_attached()  # all three rows drawn
    expect(marked).to_have_text("0 af 3 markeret som mødt.")
    focus_cell(page, grid, column=3, row=0)  # Mødt of the first participant
    toggle_focused_checkbox(page)
    expect(marked).to_have_text("1 af 3 markeret som mødt.")
    focus_cell(page, grid, column=3, row=1)  # and of the second
    toggle_focused_checkbox(page)
    expect(marked).to_have_text("2 af 3 markeret som mødt.")
    screenshot(page, "courses-attendance")
    with rerun(page, shows=page.get_by_text("· Afholdt ·")):
        page.get_by_role("button", name="Gem fremmøde").click()
    expect(page.get_by_test_id("stMain")).not_to_contain_text("Der var ingen ændringer")

    open_page(page, stack, "coverage")
    expect(trained_caption(page)).to_have_text("I alt 2 uddannede ressourcepersoner.")
    missing = page.get_by_test_id("stMarkdown").filter(has_text="Bornholms Politi")
    expect(missing.first).not_to_contain_text("Nordsjællands Politi ·")
    screenshot(page, "coverage-organiser")
