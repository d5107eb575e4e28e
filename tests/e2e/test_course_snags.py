"""Snags of the organiser's journeys in the browser (issue 12): a new course is the one an import
goes to, the course form answers every submit in Danish, the uploader speaks Danish and the
attendance message stays."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from db.demo_courses import seed_demo_courses
from tests.e2e.conftest import Stack, choose, login, rerun, running_stack, screenshot, wait_for_app
from tests.e2e.test_course_journey import SHEET, focus_cell, open_tab, toggle_focused_checkbox
from tools import demo


def seed() -> None:
    demo.seed_users()
    seed_demo_courses()  # NSJ: two held courses and one planned; KBH: two courses


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with running_stack(tmp_path_factory.mktemp("e2e-courses"), seed) as running:
        yield running


def open_courses(page: Page, stack: Stack) -> None:
    page.goto(f"{stack.url}/courses")
    wait_for_app(page)


def pick_course(page: Page, pattern: str) -> None:
    page.get_by_role("combobox", name="Vælg kursus").click()
    with rerun(page):
        page.get_by_role("option", name=re.compile(pattern)).first.click()


def create_course(page: Page, place: str, district: str | None = None) -> None:
    open_tab(page, "Opret kursus")
    form = page.get_by_role("tabpanel", name="Opret kursus")
    if district:
        form.get_by_role("combobox", name="Politikreds").click()
        page.get_by_role("option", name=district, exact=True).click()  # in the form: no rerun
    form.get_by_label("Sted").fill(place)
    form.get_by_label("Undervisere").fill("Projektgruppen, Nordsjællands Politi")
    with rerun(page, shows=page.get_by_text("Kurset er oprettet.")):
        form.get_by_role("button", name="Opret kursus").click()


def import_sheet(page: Page, tmp_path: Path) -> None:
    sheet = tmp_path / "tilmeldinger.csv"
    sheet.write_bytes("\r\n".join(SHEET).encode("cp1252"))
    open_tab(page, "Indlæs fil")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(sheet))
    expect(page.get_by_text("3 rækker: 3 gyldige, 0 med fejl.")).to_be_visible(timeout=15_000)
    wait_for_app(page)
    with rerun(page, shows=page.get_by_text("3 deltagere er indlæst.")):
        page.get_by_role("button", name="Gem 3 deltagere").click()


def registered_on(page: Page, place: str) -> str:
    """The overview table's "Tilmeldte" of the course at `place`."""
    row = page.get_by_test_id("stDataFrame").first.get_by_role("row").filter(has_text=place)
    return row.get_by_role("gridcell").nth(5).inner_text()


def test_a_course_created_while_another_is_chosen_is_where_the_import_goes(
        page: Page, stack: Stack, tmp_path: Path):
    login(page, stack, demo.ORGANISER_NSJ)
    open_courses(page, stack)
    pick_course(page, r"\(afholdt\)")  # another course is chosen
    create_course(page, "Kulturværftet, Helsingør")
    heading = page.get_by_role("heading", level=2).filter(has_text="Kulturværftet")
    expect(heading).to_be_visible()
    expect(page.get_by_role("combobox", name="Vælg kursus")).to_have_value(
        re.compile("Kulturværftet"))

    import_sheet(page, tmp_path)
    expect(heading).to_be_visible()
    expect(page.get_by_test_id("stMain")).to_contain_text("3 af 20 pladser besat")
    open_tab(page, "Deltagere")
    expect(page.get_by_role("tabpanel", name="Deltagere").get_by_test_id("stDataFrame")
           ).to_contain_text("Åse Møller")


def test_a_nationwide_organiser_filtering_another_district_imports_into_the_new_course(
        page: Page, stack: Stack, tmp_path: Path):
    login(page, stack, demo.ORGANISER_ALL)
    open_courses(page, stack)
    choose(page, "Politikreds", "Københavns Politi")
    create_course(page, "Hillerød Bibliotek", district="Nordsjællands Politi")
    expect(page.get_by_role("heading", level=2).filter(has_text="Hillerød Bibliotek")
           ).to_be_visible()
    expect(page.get_by_role("combobox", name="Politikreds").first).to_have_value(
        "Nordsjællands Politi")
    import_sheet(page, tmp_path)
    expect(page.get_by_role("heading", level=2).filter(has_text="Hillerød Bibliotek")
           ).to_be_visible()
    expect(page.get_by_test_id("stMain")).to_contain_text("3 af 20 pladser besat")


def test_every_course_submit_shows_its_own_danish_errors(page: Page, stack: Stack):
    login(page, stack, demo.ORGANISER_NSJ)
    open_courses(page, stack)
    open_tab(page, "Opret kursus")
    form = page.get_by_role("tabpanel", name="Opret kursus")
    with rerun(page):
        form.get_by_role("button", name="Opret kursus").click()
    expect(page.get_by_text("Skriv hvor kurset holdes.")).to_be_visible()
    form.get_by_label("Sted").fill("Kulturværftet, Helsingør")
    form.get_by_label("Undervisere").fill("Projektgruppen, Nordsjællands Politi")
    form.get_by_label("Antal pladser").fill("-1")
    with rerun(page):  # the browser no longer holds the submit back with an English tooltip
        form.get_by_role("button", name="Opret kursus").click()
    expect(page.get_by_text("Antal pladser skal være mindst 1.")).to_be_visible()
    expect(page.get_by_text("Skriv hvor kurset holdes.")).to_have_count(0)
    expect(form.get_by_label("Sted")).to_have_value("Kulturværftet, Helsingør")
    screenshot(page, "course-form-capacity-error")


def test_the_uploader_speaks_danish_and_an_old_excel_file_is_refused_in_danish(
        page: Page, stack: Stack, tmp_path: Path):
    login(page, stack, demo.ORGANISER_NSJ)
    open_courses(page, stack)  # the first course shown is planned (the latest start)
    open_tab(page, "Indlæs fil")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("højst 2 MB")).to_be_visible()
    expect(main.get_by_text("200MB")).to_have_count(0)
    expect(main.get_by_text("per file")).to_be_hidden()
    old = tmp_path / "tilmeldinger.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(old))
    expect(main.get_by_text("Det gamle Excel-format (.xls) kan ikke læses.")).to_be_visible(
        timeout=15_000)
    expect(main.get_by_text("not allowed")).to_have_count(0)


def test_the_attendance_saved_message_stays_on_screen(page: Page, stack: Stack):
    login(page, stack, demo.ORGANISER_NSJ)
    open_courses(page, stack)
    pick_course(page, r"\(afholdt\)")
    open_tab(page, "Fremmøde")
    grid = page.locator("[class*='st-key-attendance_'] [data-testid='stDataFrame']")
    focus_cell(page, grid, column=3, row=0)
    toggle_focused_checkbox(page)
    saved = page.get_by_text(re.compile(r"Fremmødet er gemt \(\d+ mødt\)\."))
    with rerun(page, shows=saved):
        page.get_by_role("button", name="Gem fremmøde").click()
    # The table clears its edits after the save and reruns the page by itself: make one more
    # run happen and finish, then the message must still be there.
    open_tab(page, "Deltagere")
    open_tab(page, "Fremmøde")
    expect(saved).to_be_visible()
