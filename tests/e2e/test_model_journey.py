"""The model learns (issue 11), in Chromium through the real login: a project leader drafts a version
with a fifth level, reads the diff and the backtest and publishes it; a contact triages a new case
under it and re-assesses a 2018 case; the calibration page shows both versions and the
re-assessments."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from playwright.sync_api import Locator, Page, expect

from db.case_reassessment import reassess
from db.cases import create_case
from model.case import CaseFacts
from model.reassessment import Reassessment
from tests.e2e.conftest import (
    Stack,
    login,
    running_stack,
    tall_screenshot,
    wait_for_app,
)
from tests.unit.case_helpers import draft, release_long_ago
from tests.unit.model_helpers import LEVEL_5_REASON
from tools import demo
from tools.demo_cases import contact_scope

TODAY = date.today()
MONTH = (TODAY - timedelta(days=200)).replace(day=1)  # released today (see release_long_ago)
TARGET = f"NSJ-{TODAY.year}-0001"  # the 2018 case the contact re-assesses
TITLE_5 = "Testniveau 5: ofret er i akut krise"
LEVEL_2 = CaseFacts("16_17", "partly_nude")
THREATENED = CaseFacts("16_17", "nude", "public", face_recognisable=True, threats=True)


def users_and_2018_cases() -> None:
    """The demo users; NSJ cases under 2018 of a released month: the one to re-assess, six
    threatened cases at level 4 (the draft proposes 5 for them) and six already re-assessed from
    level 2 to 3. What the journey itself does today is counted from the next release on."""
    demo.seed_users()
    contact = contact_scope(demo.SEEDER, demo.CONTACT_NSJ.email, "NSJ")
    create_case(contact, "NSJ", draft(LEVEL_2, chosen_level=2, month=MONTH))
    for _ in range(6):
        create_case(contact, "NSJ", draft(THREATENED, chosen_level=4, month=MONTH))
    for _ in range(6):
        code = create_case(contact, "NSJ", draft(LEVEL_2, chosen_level=2, month=MONTH)).code
        reassess(contact, code, 1, Reassessment(
            CaseFacts("16_17", "nude", face_recognisable=True), "2018", 3))
    release_long_ago(MONTH)


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with running_stack(tmp_path_factory.mktemp("e2e-model"), users_and_2018_cases) as running:
        yield running


def expander(page: Page, title: str) -> Locator:
    found = page.get_by_test_id("stExpander").filter(has_text=title).first
    found.get_by_text(title).first.click()
    return found


def submit(page: Page, button: str, message: str) -> None:
    """Click a form's button; done when its success message is shown and the app is idle (the
    message appears only after the action's own rerun)."""
    page.get_by_role("button", name=button, exact=True).click()
    expect(page.get_by_text(message).first).to_be_visible()
    wait_for_app(page)


# Waits here are on what the user would see (the value chosen, the message, the figure), not on
# observing each script run: on a loaded machine a run can be missed, a visible result cannot.

def open_tab(page: Page, name: str) -> Locator:
    """Select a tab (the tabs keep their state across reruns) and return its panel."""
    tab = page.get_by_role("tab", name=name)
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true")
    wait_for_app(page)
    return page.get_by_role("tabpanel", name=name)


def go(page: Page, link: str) -> None:
    """Open a page from the sidebar and wait until its title is shown."""
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=link).click()
    expect(page.get_by_test_id("stMain").get_by_role("heading", name=link, level=1)).to_be_visible()
    wait_for_app(page)


def select(page: Page, label: str, option: str) -> None:
    """Choose `option` in the selectbox `label` (outside a form) and wait until it shows it."""
    box = page.get_by_role("combobox", name=label).first
    box.click()
    page.get_by_role("option", name=option, exact=True).click()
    expect(box).to_have_value(option)
    wait_for_app(page)


def tick(scope: Locator | Page, label: str) -> None:
    """Tick the checkbox `label` and wait until it is ticked."""
    scope.get_by_text(label, exact=True).click()
    expect(scope.get_by_role("checkbox", name=label).first).to_be_checked()


def pick(page: Page, scope: Locator, label: str, option: str) -> None:
    """A selectbox or multiselect inside a form (no rerun until the form is submitted); typing
    filters the list, whose long lists are drawn only in part."""
    scope.get_by_role("combobox", name=label).first.click()
    page.keyboard.type(option)
    page.get_by_role("option", name=option, exact=True).click()


def leader_drafts_and_publishes(page: Page) -> None:
    go(page, "Modelversioner")
    new = expander(page, "Ny kladde")
    new.get_by_label("Navn på kladden").fill("Forslag med femte niveau")
    submit(page, "Opret kladde", "Kladden er oprettet.")

    add = expander(page, "Tilføj niveau 5 øverst")
    add.get_by_label("Titel (ofrets reaktion)").fill(TITLE_5)
    add.get_by_label("Billedet").fill("Testbillede: et billede af ofret, delt offentligt.")
    add.get_by_label("Hjælpen").fill("Testhjælp: politiet og ressourcepersonerne handler samme dag.")
    add.get_by_label("Varighed").fill("Testvarighed: en længere periode.")
    submit(page, "Tilføj niveauet", "Niveau 5 er tilføjet.")
    expect(page.get_by_text("Niveau 5: niveauet skal have mindst ét tiltag.")).to_be_visible()

    indicator = page.get_by_test_id("stForm").filter(has_text="Gem indikatoren")
    indicator.get_by_label("Begrundelse (vises for kontaktpersonen)").fill(LEVEL_5_REASON)
    pick(page, indicator, "Der er trusler", "ja")
    pick(page, indicator, "Hvor bredt er billedet delt?", "Offentligt (fx en åben side eller profil)")
    page.keyboard.press("Escape")
    submit(page, "Gem indikatoren", "Indikatoren er gemt.")

    measure = page.get_by_test_id("stForm").filter(has_text="Gem tiltaget")
    pick(page, measure, "Tiltag", "Politianmeldelse")
    measure.get_by_label("Tekst").fill("Testtekst: politianmeld samme dag")
    submit(page, "Gem tiltaget", "Tiltaget er gemt.")
    expect(page.get_by_text("Kladden opfylder alle regler og kan udgives.")).to_be_visible()

    changes = open_tab(page, "Forskelle")
    expect(changes.get_by_role("table")).to_contain_text(TITLE_5)
    expect(changes.get_by_role("table")).to_contain_text(LEVEL_5_REASON)
    tall_screenshot(page, "model-draft-diff")

    test = open_tab(page, "Backtest")
    test.get_by_role("button", name="Kør backtest").click()
    expect(test.get_by_test_id("stMetric").first).to_contain_text("100 %")
    expect(test.get_by_text(f"Niveau 4 → 5: {LEVEL_5_REASON}")).to_be_visible()
    tall_screenshot(page, "model-draft-backtest")

    open_tab(page, "Udgiv").get_by_label("Versionens navn").fill("2019")
    submit(page, "Udgiv versionen", "Version 2019 er udgivet")
    expect(page.get_by_role("table").first).to_contain_text("2019 (gældende)")


def contact_triages_under_2019_and_reassesses(page: Page) -> None:
    go(page, "Ny sag")
    expect(page.get_by_text("efter håndteringsmodellens version 2019")).to_be_visible()
    select(page, "Aldersgruppe", "16-17 år")
    select(page, "Uddannelsesinstitution (type)", "Gymnasium/HF")
    select(page, "Hvad viser billedet?", "Nøgenbillede")
    select(page, "Hvor bredt er billedet delt?", "Offentligt (fx en åben side eller profil)")
    for box in ("Ansigtet er genkendeligt", "Der er trusler"):
        tick(page, box)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text(f"Niveau 5: {TITLE_5}").first).to_be_visible()
    expect(main.get_by_text("straffelovens § 266").first).to_be_visible()
    wait_for_app(page)
    page.get_by_role("button", name="Gem sag").click()
    expect(page.get_by_test_id("stAlertContentSuccess").filter(
        has_text="Sagen er gemt med sagsnummeret")).to_be_visible()

    page.goto(page.url.split("/triage")[0] + f"/cases?sag={TARGET}")
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")
    expect(page.get_by_text("Modelversion 2018").first).to_be_visible()
    form = expander(page, "Genvurdér sagen")
    expect(form.get_by_text("Sagens version (2018)")).to_be_visible()
    tick(form, "Der er trusler")
    expect(form.get_by_text("Niveau 4: Ofret reagerer voldsomt").first).to_be_visible()
    wait_for_app(page)
    page.get_by_role("button", name="Gem genvurdering").click()
    expect(page.get_by_text("Sagen er genvurderet: niveau 4.")).to_be_visible()
    expect(page.get_by_role("table").first).to_contain_text("Genvurdering")
    tall_screenshot(page, "model-reassessed-case")


# A long journey on a shared 2-core machine: conditions get more time than the harness's default.
PATIENCE_MS = 60_000


def test_a_draft_with_a_fifth_level_is_published_used_and_calibrated(page: Page, stack: Stack):
    page.set_default_timeout(PATIENCE_MS)
    expect.set_options(timeout=PATIENCE_MS)
    login(page, stack, demo.LEADER)
    leader_drafts_and_publishes(page)

    other = page.context.browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        contact = other.new_page()
        contact.set_default_timeout(PATIENCE_MS)
        login(contact, stack, demo.CONTACT_NSJ)
        contact_triages_under_2019_and_reassesses(contact)
    finally:
        other.close()

    go(page, "Modeljustering")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Modelversion 2018")).to_be_visible()
    expect(main.get_by_role("heading", name="Modelversion 2019")).to_be_visible()
    moves = main.get_by_text("Genvurderinger: niveau før (rækker) og efter (kolonner)")
    expect(moves).to_be_visible()
    expect(main.get_by_role("table").filter(has_text="Højere niveau").first).to_be_visible()
    tall_screenshot(page, "model-calibration", height=5200)
