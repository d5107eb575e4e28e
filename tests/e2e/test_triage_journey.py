"""A district contact triages a case, follows it up and closes it; another district never sees it."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import Stack, choose, login, navigate, rerun, tall_screenshot, wait_for_app
from tools import demo

CODE = re.compile(r"NSJ-\d{4}-\d{4}")


def test_contact_triages_follows_up_and_closes_a_case_invisible_to_another_district(
        page: Page, stack: Stack):
    login(page, stack, demo.CONTACT_NSJ)
    navigate(page, "Ny sag")
    expect(page.get_by_text("så snart du har valgt")).to_be_visible()
    choose(page, "Aldersgruppe", "16-17 år")
    choose(page, "Uddannelsesinstitution (type)", "Gymnasium/HF")
    choose(page, "Hvad viser billedet?", "Nøgenbillede")
    with rerun(page):
        page.get_by_text("Ansigtet er genkendeligt").click()
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("Niveau 3: Ofret reagerer ude af kontrol").first).to_be_visible()
    expect(main.get_by_text("straffelovens § 235").first).to_be_visible()
    tall_screenshot(page, "triage-proposal")

    success = page.get_by_test_id("stAlertContentSuccess")
    with rerun(page, shows=success.filter(has_text="Sagen er gemt med sagsnummeret")):
        page.get_by_role("button", name="Gem sag").click()
    code = CODE.search(success.inner_text()).group(0)
    expect(page.get_by_role("button", name="Hent handleplan (til udskrift)")).to_be_visible()
    tall_screenshot(page, "triage-saved")

    navigate(page, "Opfølgning")
    expect(page.get_by_test_id("stDataFrame")).to_contain_text(code)
    page.goto(f"{stack.url}/cases?sag={code}")
    wait_for_app(page)
    expect(page.get_by_role("heading", name=f"Sag {code}")).to_be_visible()
    first_measure = page.get_by_test_id("stRadio").first
    first_measure.get_by_text("Udført", exact=True).click()  # inside the form: no rerun
    with rerun(page):
        page.get_by_role("button", name="Gem opfølgning").click()
    expect(page.get_by_text("Opfølgningen er gemt.")).to_be_visible()
    expect(page.get_by_text(re.compile(r"udført \w+ \d{4}")).first).to_be_visible()
    tall_screenshot(page, "follow-up")

    closing = page.get_by_test_id("stExpander").filter(has_text="Afslut sagen")
    closing.get_by_text("Afslut sagen: spørgsmål om forløbet").click()
    closing.get_by_text("Ja, niveauet passede").click()  # inside the form: no rerun
    closing.get_by_text("Bedre", exact=True).click()
    expect(closing.get_by_text("skal-tiltag, der ikke er udført")).to_be_visible()
    closing.get_by_text("Luk sagen alligevel").click()
    with rerun(page):
        closing.get_by_role("button", name="Luk sagen").click()
    expect(page.get_by_text("Sagen er lukket. Tak for svarene.").first).to_be_visible()
    expect(page.get_by_role("button", name="Genåbn sagen")).to_be_visible()

    other = page.context.browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        theirs = other.new_page()
        login(theirs, stack, demo.CONTACT_KBH)
        theirs.goto(f"{stack.url}/cases?sag={code}")
        wait_for_app(theirs)
        expect(theirs.get_by_text("Sagen findes ikke, eller du har ikke adgang til den.")
               ).to_be_visible()
        expect(theirs.get_by_role("heading", name=f"Sag {code}")).to_have_count(0)
        theirs.get_by_label("Status").first.click()
        with rerun(theirs):
            theirs.get_by_role("option", name="Alle", exact=True).click()
        expect(theirs.get_by_text(code)).to_have_count(0)
        tall_screenshot(theirs, "follow-up-other-district")
    finally:
        other.close()
