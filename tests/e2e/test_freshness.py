"""An open page notices a colleague's save by itself (issue 10): the case list and "Kredsens tal"
rerun when their district's data moves, and only then.

The app here checks every second (HMD_REFRESH_SECONDS=1; 30 in production). The colleague is a
second district contact of the same district, with an account of their own at the provider.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from db.users import assign
from model.errors import SessionEnded
from pages.components.freshness import ENV as REFRESH_ENV
from tests.e2e.conftest import (
    Stack,
    choose,
    log_out,
    login,
    login_new_account,
    navigate,
    rerun,
    running_stack,
    wait_for_app,
)
from tools import demo

COLLEAGUE = "kollega.nsj@example.com"
CODE = re.compile(r"NSJ-\d{4}-\d{4}")
RUNS = "() => Number(document.querySelector('[data-e2e-run]')?.dataset.e2eRun ?? 0)"
TICKS = "() => Number(document.querySelector('[data-e2e-fresh]')?.dataset.e2eFresh ?? 0)"


def seed() -> None:
    demo.seed_users()
    assign(demo.SEEDER, COLLEAGUE, "district_contact", "NSJ")


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with running_stack(tmp_path_factory.mktemp("e2e-fresh"), seed, env={REFRESH_ENV: "1"}) as running:
        yield running


def colleague_saves_a_case(browser: Browser, stack: Stack) -> str:
    """The colleague logs in with their own provider account and saves a case; its code."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        login_new_account(page, stack, "kollega", {
            "email": COLLEAGUE, "email_verified": True, "name": "Kollega Nordsjælland"})
        navigate(page, "Ny sag")
        choose(page, "Aldersgruppe", "16-17 år")
        choose(page, "Uddannelsesinstitution (type)", "Gymnasium/HF")
        choose(page, "Hvad viser billedet?", "Nøgne dele af kroppen")
        success = page.get_by_test_id("stAlertContentSuccess")
        with rerun(page, shows=success.filter(has_text="Sagen er gemt med sagsnummeret")):
            page.get_by_role("button", name="Gem sag").click()
        return CODE.search(success.inner_text()).group(0)
    finally:
        context.close()


def ticks_after(page: Page, count: int) -> None:
    """Wait until the page's timer has run `count` more times."""
    page.wait_for_function(f"() => ({TICKS})() >= {page.evaluate(TICKS) + count}")


def test_a_colleagues_new_case_appears_on_an_open_list_without_a_click(
        page: Page, stack: Stack, browser: Browser):
    login(page, stack, demo.CONTACT_NSJ)
    navigate(page, "Opfølgning")
    status = page.get_by_role("combobox", name="Status").first
    status.click()
    with rerun(page):
        page.get_by_role("option", name="Alle", exact=True).click()
    runs = page.evaluate(RUNS)
    ticks_after(page, 3)
    assert page.evaluate(RUNS) == runs  # nothing new: the timer reran nothing

    code = colleague_saves_a_case(browser, stack)
    expect(page.get_by_test_id("stDataFrame")).to_contain_text(code, timeout=30_000)
    assert page.evaluate(RUNS) > runs
    expect(status).to_have_value("Alle")  # the viewer's filter is kept


def test_kredsens_tal_reruns_when_the_district_has_a_new_case(page: Page, stack: Stack,
                                                               browser: Browser):
    login(page, stack, demo.CONTACT_NSJ)
    navigate(page, "Kredsens tal")
    runs = page.evaluate(RUNS)
    ticks_after(page, 2)
    assert page.evaluate(RUNS) == runs
    colleague_saves_a_case(browser, stack)
    page.wait_for_function(f"() => ({RUNS})() > {runs}", timeout=30_000)
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Kredsens tal · Nordsjællands Politi")).to_be_visible()


def test_a_tab_left_open_after_logout_is_refreshed_into_the_session_ended_page_not_new_cases(
        page: Page, stack: Stack, browser: Browser):
    """The timer reruns a stale tab when its district's data moves; that run checks the login as
    every run does, so the tab shows the session-ended page, never the colleague's new case."""
    login(page, stack, demo.CONTACT_NSJ)
    navigate(page, "Opfølgning")
    stale = page.context.new_page()  # the same login in another tab, left open on the list
    stale.goto(f"{stack.url}/cases")
    wait_for_app(stale)
    expect(stale.get_by_test_id("stDataFrame").or_(stale.get_by_text("Ingen sager matcher"))
           ).to_be_visible()
    runs = stale.evaluate(RUNS)
    log_out(page, stack)

    code = colleague_saves_a_case(browser, stack)
    stale.wait_for_function(f"() => ({RUNS})() > {runs}", timeout=30_000)
    expect(stale.get_by_text(SessionEnded.default_message).first).to_be_visible()
    expect(stale.get_by_text(code)).to_have_count(0)
    expect(stale.get_by_test_id("stDataFrame")).to_have_count(0)
