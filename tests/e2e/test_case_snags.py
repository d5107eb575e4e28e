"""Snags of the contact's journeys in the browser (issue 12): Esc keeps a triage answer, the link
after saving stays in the app, and a URL that is no page of the user's answers in Danish."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from model.danish import month_label
from tests.e2e.conftest import (
    Stack,
    choose,
    login,
    navigate,
    rerun,
    running_stack,
    screenshot,
    wait_for_app,
)
from tools import demo

CODE = re.compile(r"NSJ-\d{4}-\d{4}")


def seed() -> None:
    demo.seed_users()
    demo.seed_help_lines()


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with running_stack(tmp_path_factory.mktemp("e2e-cases"), seed) as running:
        yield running


def answer_age_and_image(page: Page) -> None:
    navigate(page, "Ny sag")
    choose(page, "Aldersgruppe", "16-17 år")
    choose(page, "Uddannelsesinstitution (type)", "Gymnasium/HF")
    choose(page, "Hvad viser billedet?", "Nøgenbillede")
    expect(page.get_by_role("heading", name="Forslag")).to_be_visible()


def test_esc_on_a_focused_or_an_open_dropdown_keeps_the_triage_answer(page: Page, stack: Stack):
    login(page, stack, demo.CONTACT_NSJ)
    answer_age_and_image(page)
    age = page.get_by_role("combobox", name="Aldersgruppe").first

    age.focus()
    page.keyboard.press("Escape")  # on the focused, closed box
    age.click()
    expect(page.get_by_role("listbox")).to_be_visible()
    page.keyboard.press("Escape")  # on the open list: closes it
    expect(page.get_by_role("listbox")).to_have_count(0)
    page.keyboard.press("Escape")  # and once more on the box
    # A clear would have reached the server with the next rerun: make one, then look.
    with rerun(page):
        page.get_by_text("Ansigtet er genkendeligt").click()
    expect(age).to_have_value("16-17 år")
    expect(page.get_by_role("combobox", name="Hvad viser billedet?").first).to_have_value(
        "Nøgenbillede")
    expect(page.get_by_role("heading", name="Forslag")).to_be_visible()
    expect(page.get_by_text("Niveau 3: Ofret reagerer ude af kontrol").first).to_be_visible()
    expect(page.get_by_role("button", name="Clear value")).to_have_count(0)  # no x to wipe one


def test_the_follow_up_link_after_saving_stays_in_the_same_tab_and_session(
        page: Page, stack: Stack):
    login(page, stack, demo.CONTACT_NSJ)
    answer_age_and_image(page)
    success = page.get_by_test_id("stAlertContentSuccess")
    with rerun(page, shows=success.filter(has_text="Sagen er gemt med sagsnummeret")):
        page.get_by_role("button", name="Gem sag").click()
    code = CODE.search(success.inner_text()).group(0)

    with rerun(page):
        page.get_by_role("link", name="Følg op på sagen under Opfølgning").click()
    expect(page.get_by_role("heading", name=f"Sag {code}")).to_be_visible()
    assert re.search(rf"/cases\?sag={code}$", page.url), page.url
    assert len(page.context.pages) == 1  # no new tab, so no new session and login
    expect(page.get_by_test_id("stSidebar")).to_contain_text(demo.CONTACT_NSJ.email)


def test_a_forbidden_or_unknown_page_url_answers_in_danish(page: Page, stack: Stack):
    login(page, stack, demo.CONTACT_NSJ)
    for path in ("admin", "findes-ikke"):
        page.goto(f"{stack.url}/{path}")
        wait_for_app(page)
        expect(page.get_by_role("heading", name="Siden findes ikke")).to_be_visible()
        expect(page.get_by_text("Siden findes ikke, eller du har ikke adgang til den.")
               ).to_be_visible()
        expect(page.get_by_text("Page not found")).to_have_count(0)
        expect(page.get_by_role("heading", name="Brugere og roller")).to_have_count(0)
    with rerun(page):
        page.get_by_role("link", name="Gå til forsiden").click()
    expect(page.get_by_role("heading", name="Håndteringsmodellen")).to_be_visible()


def test_the_printed_plan_names_district_month_statuses_and_whom_to_call(
        page: Page, stack: Stack, tmp_path: Path):
    login(page, stack, demo.CONTACT_NSJ)
    answer_age_and_image(page)
    page.get_by_text("Jeg vurderer, at et andet niveau passer bedre").click()
    expect(page.get_by_role("combobox", name="Niveau")).to_be_visible()
    choose(page, "Niveau", "Niveau 4: Ofret reagerer voldsomt og har stort behov for støtte fra "
                           "ressourcepersoner")
    expect(page.get_by_text("Tiltag, hvis du gemmer sagen på Niveau 4")).to_be_visible()
    choose(page, "Begrundelse", "Ofrets reaktion er stærkere end billedet tilsiger")
    success = page.get_by_test_id("stAlertContentSuccess")
    with rerun(page, shows=success.filter(has_text="Sagen er gemt med sagsnummeret")):
        page.get_by_role("button", name="Gem sag").click()
    code = CODE.search(success.inner_text()).group(0)
    with rerun(page):
        page.get_by_role("link", name="Følg op på sagen under Opfølgning").click()
    radios = page.get_by_test_id("stRadio")
    radios.nth(0).get_by_text("Udført", exact=True).click()
    radios.nth(1).get_by_text("Ikke relevant", exact=True).click()
    with rerun(page):
        page.get_by_role("button", name="Gem opfølgning").click()
    expect(page.get_by_text("Opfølgningen er gemt.")).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("button", name="Hent handleplan (til udskrift)").click()
    plan = tmp_path / "plan.html"
    download.value.save_as(plan)
    printed = page.context.new_page()
    printed.goto(plan.as_uri())
    printed.emulate_media(media="print")
    text = printed.locator("body").inner_text()
    assert f"Handleplan for sag {code}" in text
    assert "Politikreds: Nordsjællands Politi" in text
    assert f"Dato: {month_label(date.today())}" in text
    assert "Niveau 4." in text and "(version 2018)" not in text
    assert printed.locator("tr.done").count() == 1 and printed.locator("tr.not_relevant").count() == 1
    expect(printed.locator("tr.not_relevant td.text")).to_have_css("text-decoration-line",
                                                                   "line-through")
    expect(printed.get_by_text("Udskriv planen med Ctrl+P")).to_be_hidden()  # not on paper
    assert "Politiets ressourceperson (eksempel)" in text and "116 006" in text
    assert "Eksport-id:" in text
    printed.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    screenshot(printed, "handling-plan-print")
    printed.close()


def test_the_audit_log_keeps_its_filters_in_the_url_and_exports_what_it_shows(
        page: Page, stack: Stack, tmp_path: Path):
    login(page, stack, demo.ADMIN)
    page.goto(f"{stack.url}/audit")
    wait_for_app(page)
    choose(page, "Handling", "Rolle tildelt")
    expect(page).to_have_url(re.compile(r"handling=Rolle(\+|%20)tildelt"))
    page.reload()
    wait_for_app(page)
    expect(page.get_by_role("combobox", name="Handling")).to_have_value("Rolle tildelt")
    expect(page.get_by_test_id("stMain")).to_contain_text("poster")
    with page.expect_download() as download:
        page.get_by_role("button", name="Eksportér (CSV)").click()
    wait_for_app(page)
    saved = tmp_path / "log.csv"
    download.value.save_as(saved)
    lines = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8-sig")), delimiter=";"))
    export_id = re.search(r"Eksport-id: ([A-Z0-9-]+)", lines[0][0]).group(1)
    assert lines[1][:4] == ["Nr.", "Tidspunkt", "Bruger", "Handling"]
    assert lines[2:] and all(line[3] == "Rolle tildelt" for line in lines[2:])
    page.goto(f"{stack.url}/audit?eksport={export_id}")
    wait_for_app(page)
    expect(page.get_by_test_id("stDataFrame")).to_contain_text("Revisionslog eksporteret")
