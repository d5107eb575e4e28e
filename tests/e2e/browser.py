"""Browser fixtures for every test that drives Chromium (tests/e2e and tests/security): one
Playwright and one browser per test session, a fresh context per test, so cookies never leak
between tests. Registered once in tests/conftest.py (`pytest_plugins`)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

# What a failed browser test leaves for a person to read: the screen and its text (ignored by git).
FAILURES = Path(__file__).resolve().parents[2] / "screenshots" / "failed"

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.fail("Chromium is missing: `make test` installs it with apt-get (package chromium).")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator:
    report = yield
    if report.when == "call":
        item.stash[_FAILED] = report.failed
    return report


_FAILED = pytest.StashKey[bool]()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="da-DK")
    context.set_default_timeout(20_000)
    page = context.new_page()
    yield page
    if request.node.stash.get(_FAILED, False):
        _keep_failure(request.node.name, context.pages)
    context.close()


def _keep_failure(test: str, pages: list[Page]) -> None:
    """Save each open page's screenshot and text, so that a failure seen once (under load, in CI)
    can be read afterwards."""
    FAILURES.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", test)[:120]
    for i, open_page in enumerate(pages):
        try:
            open_page.screenshot(path=FAILURES / f"{name}-{i}.png", full_page=True, timeout=10_000)
            (FAILURES / f"{name}-{i}.txt").write_text(
                f"{open_page.url}\n\n{open_page.locator('body').inner_text(timeout=10_000)}",
                encoding="utf-8")
        except Exception as exc:  # the page may be gone: keep what we can
            (FAILURES / f"{name}-{i}.txt").write_text(f"not saved: {exc}", encoding="utf-8")
