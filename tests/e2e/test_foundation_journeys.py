"""Journeys through the real login: tenant isolation, administration, page access, logout."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.conftest import Stack, choose, login, navigate, rerun, screenshot, wait_for_app
from tools import demo


def test_district_contact_sees_only_their_own_district(page: Page, stack: Stack):
    login(page, stack, demo.CONTACT_NSJ)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("Nordsjællands Politi").first).to_be_visible()
    expect(main.get_by_text("Københavns Politi")).to_have_count(0)
    expect(page.get_by_text(demo.CONTACT_KBH.email)).to_have_count(0)
    screenshot(page, "home-district-contact")


def test_administrator_assigns_a_role_and_the_audit_log_shows_it(page: Page, stack: Stack):
    login(page, stack, demo.ADMIN)
    navigate(page, "Brugere og roller")
    page.get_by_label("E-mailadresse").fill("ny.kollega@example.com")
    choose(page, "Politikreds", "Fyns Politi")  # not a form: the district list follows the role
    with rerun(page):
        page.get_by_role("button", name="Tildel rolle").click()
    expect(page.get_by_text("er tildelt ny.kollega@example.com")).to_be_visible()
    screenshot(page, "admin")

    navigate(page, "Revisionslog")
    grid = page.get_by_test_id("stDataFrame")
    expect(grid).to_be_visible()
    expect(grid).to_contain_text("Rolle tildelt")
    expect(grid).to_contain_text("admin@example.com")
    screenshot(page, "audit")


def test_district_contact_typing_another_pages_url_does_not_get_it(page: Page, stack: Stack):
    login(page, stack, demo.CONTACT_NSJ)
    page.goto(f"{stack.url}/admin")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Brugere og roller")).to_have_count(0)
    expect(page.get_by_label("E-mailadresse")).to_have_count(0)
    expect(page.get_by_role("link", name="Brugere og roller")).to_have_count(0)
    expect(page.get_by_test_id("stSidebarNavItems")).not_to_contain_text("Brugere og roller")


def test_user_without_a_role_sees_whom_to_ask_and_nothing_else(page: Page, stack: Stack):
    login(page, stack, demo.NEWCOMER)
    expect(page.get_by_text("Du har endnu ikke adgang")).to_be_visible()
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)


def test_logout_ends_the_session(page: Page, stack: Stack):
    login(page, stack, demo.CONTACT_NSJ)
    page.get_by_role("button", name="Log ud").click()
    page.wait_for_url(f"{stack.oidc_url}/**")  # the provider's end-session page
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(f"{stack.url}/**")
    page.goto(stack.url)
    wait_for_app(page)
    expect(page.get_by_role("button", name="Log ind")).to_be_visible()
    expect(page.get_by_text(demo.CONTACT_NSJ.email)).to_have_count(0)
