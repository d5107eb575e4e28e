"""End-to-end harness: a real OIDC provider, `streamlit run` on a fresh database, headless Chromium.

Each test module gets its own database and servers (`stack`), each test its own browser context
(`page`, from tests/e2e/browser.py), so cookies never leak between tests. Log a demo user in
with `login(page, stack, demo.CONTACT_NSJ)`.
"""

from __future__ import annotations

import json
import socket
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from db import connection
from db.migrate import migrate
from pages.components.run_marker import ENV
from tools import demo, devstack


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((devstack.HOST, 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class Stack:
    url: str
    oidc_url: str
    db_path: Path
    logs: Path


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.e2e)


@contextmanager
def running_stack(work: Path, seed: Callable[[], None] = demo.seed_users,
                  env: dict[str, str] | None = None) -> Iterator[Stack]:
    """Seed a fresh database in `work` with `seed`, then serve it behind the real login (with
    `env` added to the app's environment); the servers are stopped on exit. The test process
    closes the file first: Streamlit is its writer."""
    db_path = work / "e2e.duckdb"
    connection.configure(db_path)
    migrate()
    seed()
    connection.close()

    oidc_port, app_port = free_port(), free_port()
    secrets_file = devstack.write_secrets(work / "secrets.toml", oidc_port, [demo.ADMIN.email])
    oidc = app = None
    try:
        oidc = devstack.start_oidc(oidc_port, demo.DEMO_USERS, log=work / "oidc.log")
        app = devstack.start_streamlit(app_port, secrets_file, db_path, log=work / "streamlit.log",
                                       extra_env={ENV: "1", **(env or {})})
        yield Stack(f"http://{devstack.HOST}:{app_port}", f"http://{devstack.HOST}:{oidc_port}",
                    db_path, work)
    finally:
        devstack.stop(app)
        devstack.stop(oidc)


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The app with demo users (no demo cases or courses) behind the real login, on loopback."""
    with running_stack(tmp_path_factory.mktemp("e2e")) as running:
        yield running


@pytest.fixture(scope="session")
def demo_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The demo data of `make run` (three years of cases, open cases of the demo contacts,
    courses), shared by the journeys that only need realistic content: accessibility, keyboard
    and layout checks."""
    with running_stack(tmp_path_factory.mktemp("demo"), demo.seed_all) as running:
        yield running


APP = "[data-testid='stApp']"
# The number of the session's latest script run (pages/components/run_marker.py), 0 before the first.
_RUN_COUNT = "() => Number(document.querySelector('[data-e2e-run]')?.dataset.e2eRun ?? 0)"
# A run after `before` has started and the script is idle again (both seen in one frame).
_RUN_DONE = """(before) => Number(document.querySelector('[data-e2e-run]')?.dataset.e2eRun ?? 0) > before
  && document.querySelector("[data-testid='stApp']").getAttribute('data-test-script-state')
     === 'notRunning'"""


def wait_for_app(page: Page) -> None:
    """Wait until Streamlit is connected and idle: after `goto` or a reload, whose first run ends
    with the script state going from "initial" to "notRunning". For a click, use `rerun`."""
    page.wait_for_selector(f"{APP}[data-test-connection-state='CONNECTED']")
    page.wait_for_selector(f"{APP}[data-test-script-state='notRunning']")


def wait_until_drawn(page: Page) -> None:
    """Wait until no element is still a loading placeholder and every chart is drawn: Streamlit
    loads a widget's code on first use and shows a grey skeleton until then (about a second), and
    Vega draws a chart (its marks, and the text alternative it puts on the chart's element) after
    the script run has ended; a screenshot or an accessibility check would otherwise see them
    half-made."""
    page.wait_for_function("""() => !document.querySelector("[data-testid='stSkeleton']")
      && [...document.querySelectorAll("[data-testid='stVegaLiteChart']")]
           .every(chart => chart.querySelector(".marks"))""")


@contextmanager
def rerun(page: Page, *, shows: Locator | None = None) -> Iterator[None]:
    """Wait for the script run that the block's action starts to finish (no fixed pause):
    `with rerun(page): button.click()`. Only for actions that do rerun the script.

    The app counts its runs in a hidden marker (end-to-end mode): the wait ends when the count has
    grown and the script is idle. An action that ends in `st.rerun()` runs the script twice, and
    the browser may show "idle" in between: pass `shows`, something only the last run draws (its
    success message), and the wait lasts until that is visible and the script is idle again.
    """
    wait_for_app(page)
    before = page.evaluate(_RUN_COUNT)
    yield
    page.wait_for_function(_RUN_DONE, arg=before)
    if shows is not None:
        expect(shows).to_be_visible()
        wait_for_app(page)


def navigate(page: Page, link: str) -> None:
    """Open a page through the sidebar's navigation and wait for it to be drawn."""
    with rerun(page):
        page.get_by_test_id("stSidebarNav").get_by_role("link", name=link).click()


def log_out(page: Page, stack: Stack) -> None:
    """"Log ud" in the app, then end the session at the provider's end-session page."""
    page.get_by_role("button", name="Log ud").click()
    page.wait_for_url(f"{stack.oidc_url}/**")
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(f"{stack.url}/**")


def login_new_account(page: Page, stack: Stack, sub: str, claims: dict[str, object]) -> None:
    """Open an account at the provider (`sub`, with `claims`) through its API, as anybody with an
    account there could have, and log it in the real way."""
    request = urllib.request.Request(f"{stack.oidc_url}/users/{sub}", method="PUT",
                                     data=json.dumps(claims).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as resp:
        assert resp.status == 204
    page.goto(stack.url)
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(f"{stack.oidc_url}/**")
    page.locator("input[name='sub']").fill(sub)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{stack.url}/**")
    wait_for_app(page)


def login(page: Page, stack: Stack, user: devstack.DemoUser) -> None:
    """Log `user` in the real way: the app's login button, then the provider's button for the user."""
    page.goto(stack.url)
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(f"{stack.oidc_url}/**")
    page.locator(f"button[name='sub'][value='{user.sub}']").first.click()
    page.wait_for_url(f"{stack.url}/**")
    wait_for_app(page)
    page.get_by_text(user.email).first.wait_for()


def choose(page: Page, label: str, option: str, *, in_form: bool = False) -> None:
    """Pick `option` in the Streamlit selectbox labelled `label`; outside a form (where a change
    reruns the script), wait for that rerun."""
    box = page.get_by_role("combobox", name=label, exact=True).first  # not "Politikreds for x@y"
    box.click()
    option_item = page.get_by_role("option", name=option, exact=True)
    if in_form:
        option_item.click()
    else:
        with rerun(page):
            option_item.click()


def screenshot(page: Page, name: str) -> Path:
    """Save a full-page screenshot under screenshots/ for a person to look at."""
    out = Path(__file__).resolve().parents[2] / "screenshots" / f"{name}.png"
    out.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(out), full_page=True)
    return out


def tall_screenshot(page: Page, name: str, height: int = 2400) -> Path:
    """Streamlit scrolls inside its own container, so `full_page` alone shows one viewport: a tall
    viewport for the moment of the shot shows the whole page."""
    size = page.viewport_size
    page.set_viewport_size({"width": 1400, "height": height})
    page.wait_for_function(f"() => window.innerHeight === {height}")
    try:
        return screenshot(page, name)
    finally:
        if size:
            page.set_viewport_size(size)
