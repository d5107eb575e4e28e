"""axe-core (WCAG 2.1 A and AA) on every page and key state of every role, on the demo data.

Each journey collects the blocking violations of all its states and fails once at the end, so one
run lists everything. What counts as blocking, and the allow-list of Streamlit's own markup, are in
tests/e2e/axe.py and docs/accessibility.md.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e import axe
from tests.e2e.conftest import (
    Stack,
    choose,
    login,
    navigate,
    rerun,
    wait_for_app,
    wait_until_drawn,
)
from tools import demo

pytestmark = pytest.mark.e2e
TALL = 4000


@pytest.fixture(scope="module")
def stack(demo_stack: Stack) -> Stack:
    return demo_stack


class Audit:
    """Blocking violations of every state a journey visits."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.blocking: list[axe.Violation] = []

    def __call__(self, state: str) -> None:
        """Check the page as shown, in a viewport tall enough for all of it: Streamlit scrolls in
        its own container, and axe cannot judge the contrast of text scrolled out of view."""
        wait_for_app(self.page)
        size = self.page.viewport_size or {"width": 1400, "height": 1000}
        self.page.set_viewport_size({"width": size["width"], "height": TALL})
        self.page.wait_for_function(f"() => window.innerHeight === {TALL}")
        wait_until_drawn(self.page)
        try:
            self.blocking += axe.check(self.page, state)
        finally:
            self.page.set_viewport_size(size)
            self.page.wait_for_function(f"() => window.innerHeight === {size['height']}")
            wait_until_drawn(self.page)

    def assert_clean(self) -> None:
        assert not self.blocking, "\n".join(map(str, self.blocking))


def new_page(browser: Browser) -> Page:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="da-DK")
    context.set_default_timeout(20_000)
    return context.new_page()


def open_page(page: Page, stack: Stack, key: str) -> None:
    """Open a page by its address (as a bookmark would): a click on the sidebar right after the
    viewport was resized for axe was now and then not taken."""
    page.goto(f"{stack.url}/{key}")
    wait_for_app(page)
    wait_until_drawn(page)


def open_tab(page: Page, name: str) -> None:
    tab = page.get_by_role("tab", name=name, exact=True)
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true")
    wait_for_app(page)


def test_pages_before_and_without_a_role_pass_axe(page: Page, stack: Stack, browser: Browser):
    audit = Audit(page)
    page.goto(stack.url)
    wait_for_app(page)
    expect(page.get_by_role("button", name="Log ind")).to_be_visible()
    audit("login")

    login(page, stack, demo.NEWCOMER)
    expect(page.get_by_text("Du har endnu ikke adgang")).to_be_visible()
    audit("no-access")

    owner, thief = new_page(browser), new_page(browser)
    try:  # a login cookie copied before its user logged out: the session has ended
        login(owner, stack, demo.ADMIN)
        thief.context.add_cookies(owner.context.cookies())
        owner.get_by_role("button", name="Log ud").click()
        owner.wait_for_url(f"{stack.oidc_url}/**")
        owner.get_by_role("button", name="End session").click()
        owner.wait_for_url(f"{stack.url}/**")
        thief.goto(stack.url)
        wait_for_app(thief)
        expect(thief.get_by_role("button", name="Log ind igen")).to_be_visible()
        audit.page = thief
        audit("session-ended")
    finally:
        owner.context.close()
        thief.context.close()
    audit.assert_clean()


def test_district_contact_pages_pass_axe(page: Page, stack: Stack):
    audit = Audit(page)
    login(page, stack, demo.CONTACT_NSJ)
    audit("contact-home")

    open_page(page, stack, "triage")
    audit("triage-empty")
    choose(page, "Aldersgruppe", "16-17 år")
    choose(page, "Uddannelsesinstitution (type)", "Gymnasium/HF")
    choose(page, "Hvad viser billedet?", "Nøgenbillede")
    with rerun(page):
        page.get_by_text("Ansigtet er genkendeligt").click()
    expect(page.get_by_text("Niveau 3: Ofret reagerer ude af kontrol").first).to_be_visible()
    audit("triage-proposal")
    with rerun(page):
        page.get_by_text("Jeg vurderer, at et andet niveau passer bedre").click()
    audit("triage-override")
    with rerun(page):
        page.get_by_text("Jeg vurderer, at et andet niveau passer bedre").click()
    success = page.get_by_test_id("stAlertContentSuccess")
    with rerun(page, shows=success.filter(has_text="Sagen er gemt med sagsnummeret")):
        page.get_by_role("button", name="Gem sag").click()
    audit("triage-saved")

    open_page(page, stack, "cases")
    audit("cases-list")
    with rerun(page):
        page.get_by_text("Kun sager med forfaldne tiltag").click()
    page.get_by_role("combobox", name="Åbn en sag fra listen").click()
    with rerun(page):  # the first option is the empty choice, "Vælg sagsnummer"
        page.get_by_role("option").nth(1).click()
    expect(page.get_by_role("heading", name="Sag ")).to_be_visible()
    audit("case-overdue")
    with rerun(page):
        page.get_by_role("button", name="Luk sagen").click()
    expect(page.get_by_role("button", name="Genåbn sagen")).to_be_visible()
    audit("case-closed")

    open_page(page, stack, "district_stats")
    audit("district-stats")
    open_tab(page, "Politikredse")
    audit("district-stats-districts")
    audit.assert_clean()


NATIONAL_TABS = ["Over tid", "Politikredse", "Tiltag", "Platforme og sletning", "Alder og køn",
                 "Politi og status"]


def test_project_leader_pages_pass_axe(page: Page, stack: Stack):
    audit = Audit(page)
    login(page, stack, demo.LEADER)
    audit("leader-home")
    open_page(page, stack, "national_stats")
    for name in NATIONAL_TABS:
        open_tab(page, name)
        audit(f"national-stats-{name.split()[0].lower()}")
    open_page(page, stack, "calibration")
    audit("calibration")
    open_page(page, stack, "coverage")
    audit("coverage-leader")
    audit.assert_clean()


COURSE_TABS = ["Deltagere", "Indlæs fil", "Fremmøde", "Lister og eksport", "Redigér eller aflys"]


def test_course_organiser_pages_pass_axe(page: Page, stack: Stack):
    audit = Audit(page)
    login(page, stack, demo.ORGANISER_NSJ)
    open_page(page, stack, "courses")
    audit("courses-overview")  # with the first course's participants
    for name in COURSE_TABS[1:]:
        with rerun(page):
            page.get_by_role("tab", name=name, exact=True).click()
        audit(f"courses-{name.split()[0].lower()}")
    with rerun(page):
        page.get_by_role("tab", name="Opret kursus", exact=True).click()
    audit("courses-create")
    open_page(page, stack, "coverage")
    audit("coverage-organiser")
    audit.assert_clean()


def test_administrator_pages_pass_axe(page: Page, stack: Stack):
    audit = Audit(page)
    login(page, stack, demo.ADMIN)
    audit("admin-home")
    open_page(page, stack, "admin")
    audit("admin")
    open_page(page, stack, "audit")
    audit("audit")
    audit.assert_clean()


def test_every_page_names_its_own_browser_tab_and_is_danish(page: Page, stack: Stack):
    page.goto(stack.url)
    wait_for_app(page)
    expect(page).to_have_title("Log ind · Håndteringsmodellen")
    login(page, stack, demo.LEADER)
    titles = {}
    for link in ["Forside", "Landstal", "Modeljustering", "Uddannelsesdækning"]:
        navigate(page, link)
        expect(page).to_have_title(f"{link} · Håndteringsmodellen")
        titles[link] = page.title()
        assert page.evaluate("document.documentElement.lang") == "da"
    assert len(set(titles.values())) == len(titles)
