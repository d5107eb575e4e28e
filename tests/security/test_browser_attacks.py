"""Attacks through the browser, against `streamlit run` behind the real OIDC provider:
a copied login cookie after logout, another open tab after logout, a provider account with an
unverified invited address, and handing out files (made on click, audited, unguessable)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from db.demo_courses import seed_demo_courses
from db.users import assign
from model.errors import SessionEnded
from tests.e2e.conftest import (
    Stack,
    log_out,
    login,
    login_new_account,
    navigate,
    rerun,
    running_stack,
    wait_for_app,
)
from tools import demo
from tools.demo_cases import seed_demo_cases

pytestmark = pytest.mark.e2e

INVITED = "ny.kontakt@example.com"
MEDIA_FILE = re.compile(r"(?<!static)/media/")  # Streamlit's generated files (not its own fonts)
EXPORT_ID = re.compile(r"Eksport-id: ([A-Z0-9-]{24})")


def seed() -> None:
    demo.seed_users()
    assign(demo.SEEDER, INVITED, "district_contact", "NSJ")
    seed_demo_cases(demo.SEEDER, {demo.CONTACT_NSJ.email: "NSJ"}, history=0, per_contact=1)
    seed_demo_courses()


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with running_stack(tmp_path_factory.mktemp("security"), seed) as running:
        yield running


def new_page(browser: Browser) -> Page:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="da-DK")
    context.set_default_timeout(20_000)
    return context.new_page()


def test_a_copied_login_cookie_is_dead_after_logout(page: Page, stack: Stack, browser: Browser):
    login(page, stack, demo.CONTACT_NSJ)
    copied = page.context.cookies()
    thief = new_page(browser)
    try:
        thief.context.add_cookies(copied)
        thief.goto(stack.url)
        wait_for_app(thief)
        expect(thief.get_by_text(demo.CONTACT_NSJ.email).first).to_be_visible()  # it works now

        log_out(page, stack)
        thief.goto(stack.url)
        wait_for_app(thief)
        expect(thief.get_by_text(SessionEnded.default_message)).to_be_visible()
        expect(thief.get_by_text(demo.CONTACT_NSJ.email)).to_have_count(0)
        expect(thief.get_by_test_id("stSidebarNav")).to_have_count(0)
    finally:
        thief.context.close()


def test_another_open_tab_stops_at_its_next_action_after_logout(page: Page, stack: Stack):
    login(page, stack, demo.CONTACT_NSJ)
    other_tab = page.context.new_page()
    other_tab.goto(stack.url)
    wait_for_app(other_tab)
    expect(other_tab.get_by_text(demo.CONTACT_NSJ.email).first).to_be_visible()

    log_out(page, stack)
    with rerun(other_tab):
        other_tab.get_by_test_id("stSidebarNav").get_by_role("link", name="Opfølgning").click()
    expect(other_tab.get_by_text(SessionEnded.default_message).first).to_be_visible()
    expect(other_tab.get_by_test_id("stDataFrame")).to_have_count(0)


def test_an_unverified_provider_account_cannot_take_an_invitation(page: Page, stack: Stack):
    claims = {"email": INVITED.upper(), "email_verified": False, "name": "Angriber"}
    login_new_account(page, stack, "attacker", claims)
    expect(page.get_by_text("Du har endnu ikke adgang")).to_be_visible()
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)


def download_twice(page: Page, button_name: str) -> list[tuple[str, str]]:
    """Click a download button twice: (file text, file URL) of each."""
    files = []
    for _ in range(2):
        with page.expect_download() as info:  # made on click, without a rerun
            page.get_by_role("button", name=button_name).click()
        download = info.value
        files.append((Path(download.path()).read_text(encoding="utf-8-sig"), download.url))
    return files


def expect_audited(browser: Browser, stack: Stack, export_id: str, action: str) -> None:
    """The administrator finds the file's audit entry by the export id printed in it."""
    admin = new_page(browser)
    try:
        login(admin, stack, demo.ADMIN)
        navigate(admin, "Revisionslog")
        field = admin.get_by_role("textbox", name="Eksport-id")
        with rerun(admin):
            field.fill(export_id)
            field.press("Enter")
        grid = admin.get_by_test_id("stDataFrame")
        expect(grid).to_contain_text(export_id)
        expect(grid).to_contain_text(action)
        expect(admin.get_by_text("1 poster")).to_be_visible()
    finally:
        admin.context.close()


def test_the_handling_plan_is_made_on_click_audited_and_its_address_unguessable(
        page: Page, stack: Stack, browser: Browser):
    login(page, stack, demo.CONTACT_NSJ)
    code = f"NSJ-{date.today().year}-0001"  # the seeded case
    page.goto(f"{stack.url}/cases?sag={code}")
    wait_for_app(page)
    expect(page.get_by_role("button", name="Hent handleplan (til udskrift)")).to_be_visible()
    assert not MEDIA_FILE.search(page.content())  # nothing of the plan has reached the browser

    (first, first_url), (second, second_url) = download_twice(page, "Hent handleplan (til udskrift)")
    assert f"Handleplan for sag {code}" in first
    ids = [EXPORT_ID.search(text).group(1) for text in (first, second)]
    assert ids[0] != ids[1] and first_url != second_url  # same content, new id, new address
    expect_audited(browser, stack, ids[1], "Handleplan hentet")


def test_a_participant_list_is_audited_at_every_download(page: Page, stack: Stack,
                                                          browser: Browser):
    login(page, stack, demo.ORGANISER_NSJ)
    navigate(page, "Kurser")
    tab = page.get_by_role("tab", name="Lister og eksport")
    with rerun(page):
        tab.click()
    assert not MEDIA_FILE.search(page.content())
    (first, _), (second, _) = download_twice(page, "Fremmødeliste (CSV til Excel)")
    ids = [EXPORT_ID.search(text).group(1) for text in (first, second)]
    assert ids[0] != ids[1]
    expect_audited(browser, stack, ids[0], "Deltagerliste eksporteret")
