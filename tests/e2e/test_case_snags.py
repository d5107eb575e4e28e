"""Snags of the contact's journeys in the browser (issue 12): Esc keeps a triage answer, the link
after saving stays in the app, and a URL that is no page of the user's answers in Danish."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import Stack, choose, login, navigate, rerun, wait_for_app
from tools import demo

CODE = re.compile(r"NSJ-\d{4}-\d{4}")


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
