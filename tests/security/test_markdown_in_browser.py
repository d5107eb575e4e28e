"""Attack (issue 8, item 6) in the browser: a remote image or a link typed into a course's place,
stored in a course, uploaded in a sign-up sheet, or set as the e-mail of a provider account. A
page that renders it as Markdown makes Chromium fetch the "image" (telling an outsider who looked,
when, from where) or shows a live link. Every request to the attacker's host is recorded (and
blocked); none may happen, and no <img> or <a> may point there."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, expect

from db.connection import transaction
from tests.e2e.conftest import Stack, login, login_new_account, navigate, running_stack, wait_for_app
from tests.security.markdown import EVIL, IMAGE, LINK
from tools import demo

pytestmark = pytest.mark.e2e

STORED_PLACE = f"Politigården {IMAGE}"
STORED_TRAINERS = f"Projektgruppen {LINK}"


def seed() -> None:
    """The demo users, and a course whose texts were saved before the screen existed."""
    demo.seed_users()
    starts = datetime.combine(date.today() + timedelta(days=30), time(9))
    with transaction() as cur:
        cur.execute("INSERT INTO courses (district_code, starts_at, place, capacity, trainers,"
                    " model_version, status, submission_id, created_by)"
                    " VALUES ('NSJ', ?, ?, 20, ?, '2018', 'planned', 'legacy-markdown', 0)",
                    [starts, STORED_PLACE, STORED_TRAINERS])


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with running_stack(tmp_path_factory.mktemp("markdown"), seed) as running:
        yield running


@pytest.fixture
def requests_to_attacker(page: Page) -> list[str]:
    """Every request the page makes to the attacker's host (each one blocked)."""
    seen: list[str] = []

    def record(route: Route) -> None:
        seen.append(route.request.url)
        route.abort()

    page.context.route(f"**/*{EVIL}*", record)
    return seen


def expect_nothing_points_at_the_attacker(page: Page, requests: list[str]) -> None:
    wait_for_app(page)
    assert page.locator(f"img[src*='{EVIL}'], a[href*='{EVIL}']").count() == 0
    assert page.evaluate(
        "() => performance.getEntriesByType('resource').map(e => e.name)"
        f".filter(n => n.includes('{EVIL}'))") == []
    assert requests == []


def open_tab(page: Page, name: str) -> None:
    """Select a tab; its switch reruns the page, seen done when the tab is selected and idle."""
    tab = page.get_by_role("tab", name=name)
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true")
    wait_for_app(page)


def shown_text(page: Page) -> str:
    """The page's visible text without the invisible joiners that break autolinks."""
    return page.locator("[data-testid='stMain']").inner_text().replace("\u2060", "")


def test_a_remote_image_typed_as_a_course_place_is_never_fetched(
        page: Page, stack: Stack, requests_to_attacker: list[str]):
    login(page, stack, demo.ORGANISER_NSJ)
    navigate(page, "Kurser")
    open_tab(page, "Opret kursus")
    form = page.get_by_role("tabpanel", name="Opret kursus")
    form.get_by_role("textbox", name="Sted").fill(f"Politigården {IMAGE}")
    trainers = form.get_by_role("textbox", name=re.compile("^Undervisere"))
    trainers.fill(f"Projektgruppen {LINK}")
    form.get_by_role("button", name="Opret kursus").click()
    outcome = page.get_by_test_id("stAlertContentError").or_(page.get_by_text("Kurset er oprettet."))
    expect(outcome.first).to_be_visible()  # refused (or, before issue 8, saved and shown)
    expect_nothing_points_at_the_attacker(page, requests_to_attacker)
    expect(page.get_by_test_id("stAlertContentError")).to_be_visible()
    assert f"https://{EVIL}/a.png" in shown_text(page)  # quoted back in the refusal, as text


def test_a_course_stored_with_an_image_and_a_link_shows_them_as_text(
        page: Page, stack: Stack, requests_to_attacker: list[str]):
    login(page, stack, demo.ORGANISER_NSJ)
    navigate(page, "Kurser")
    expect(page.get_by_role("heading", level=2).filter(has_text="Politigården")).to_be_visible()
    text = shown_text(page)
    assert STORED_PLACE in text and STORED_TRAINERS in text
    expect_nothing_points_at_the_attacker(page, requests_to_attacker)
    expect(page.locator("a[href^='mailto:']")).to_have_count(0)  # the sidebar's e-mail is code


def test_markdown_in_an_uploaded_sheet_is_shown_as_text_in_the_import_errors(
        page: Page, stack: Stack, tmp_path: Path, requests_to_attacker: list[str]):
    sheet = tmp_path / "tilmelding.csv"
    sheet.write_text(f"Navn;E-mail;Rolle\r\nAnne Andersen;{IMAGE};Studievejleder\r\n"
                     f"Bo Berg;bo@example.com;{LINK}\r\n", encoding="utf-8")
    login(page, stack, demo.ORGANISER_NSJ)
    navigate(page, "Kurser")
    open_tab(page, "Indlæs fil")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(sheet))
    expect(page.get_by_text("Der er fejl i filen. Intet er gemt endnu.")).to_be_visible(
        timeout=15_000)
    text = shown_text(page)
    assert IMAGE in text and LINK in text
    expect_nothing_points_at_the_attacker(page, requests_to_attacker)


def test_markdown_in_the_providers_email_claim_is_shown_verbatim_on_the_no_access_page(
        page: Page, stack: Stack, requests_to_attacker: list[str]):
    email = f"ny{IMAGE}@example.com"
    login_new_account(page, stack, "markdown-mail", {"email": email, "email_verified": True})
    expect(page.get_by_text("Du har endnu ikke adgang")).to_be_visible()
    expect(page.locator("code").filter(has_text=email)).to_have_count(1)
    expect_nothing_points_at_the_attacker(page, requests_to_attacker)
