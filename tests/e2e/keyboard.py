"""Driving the app by keyboard alone, and measuring that keyboard focus can be seen.

`tab_to` presses Tab until a control has focus (so a control Tab never reaches fails the test);
`focus_change` compares the pixels around a control with and without focus: the focus indicator
must change enough pixels by at least 3:1 contrast (WCAG 2.2's focus appearance measure).
"""

from __future__ import annotations

import io

import pytest
from PIL import Image
from playwright.sync_api import Locator, Page, expect

from pages.components.palette import contrast

HAS_FOCUS = "els => els.some(e => e === document.activeElement || e.contains(document.activeElement))"
WHAT_HAS_FOCUS = """() => { const e = document.activeElement;
  return `${e.tagName} ${e.getAttribute("aria-label") || e.innerText?.slice(0, 30) || ""}`; }"""
ACTIVE_OPTION = """() => {
  const id = document.activeElement?.getAttribute("aria-activedescendant");
  return id ? document.getElementById(id)?.innerText.trim() : null;
}"""


def focused(control: Locator) -> bool:
    """Whether one of the elements `control` matches has the focus (or holds it)."""
    return bool(control.evaluate_all(HAS_FOCUS))


def tab_to(page: Page, control: Locator, limit: int = 60) -> None:
    """Press Tab until `control` (or something inside it) has the focus."""
    seen = []
    for _ in range(limit):
        if focused(control):
            return
        page.keyboard.press("Tab")
        seen.append(page.evaluate(WHAT_HAS_FOCUS))
    pytest.fail(f"Tab never reached {control} in {limit} presses; focus went to: {seen}")


def arrow_to_option(page: Page, option: str, limit: int = 30) -> None:
    """In an open list (a combobox after ArrowDown), move with ArrowDown to `option` (or to the
    first option ending in `option`, when it starts with "…"); each step waits until the list
    shows the next option as active."""
    expect(page.get_by_role("listbox")).to_be_visible()
    page.wait_for_function(f"() => ({ACTIVE_OPTION})() !== null")
    for _ in range(limit):
        shown = page.evaluate(ACTIVE_OPTION) or ""
        if shown == option or (option.startswith("…") and shown.endswith(option[1:])):
            return
        page.keyboard.press("ArrowDown")
        page.wait_for_function(f"(before) => ({ACTIVE_OPTION})() !== before", arg=shown)
    pytest.fail(f"ArrowDown never reached the option {option!r}")


def _hex(pixel: tuple[int, ...]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*pixel[:3])


def shot(page: Page, area: Locator, pad: int = 6) -> Image.Image:
    """A screenshot of `area` and `pad` pixels around it."""
    box = area.bounding_box()
    assert box, f"{area} is not on screen"
    clip = {"x": max(box["x"] - pad, 0), "y": max(box["y"] - pad, 0),
            "width": box["width"] + 2 * pad, "height": box["height"] + 2 * pad}
    return Image.open(io.BytesIO(page.screenshot(clip=clip))).convert("RGB")


def changed_pixels(before: Image.Image, after: Image.Image) -> int:
    """Pixels whose colour changed by a contrast of at least 3:1 (over the area both shots cover:
    a box measured twice may differ by a pixel)."""
    size = (min(before.width, after.width), min(before.height, after.height))
    before, after = before.crop((0, 0, *size)), after.crop((0, 0, *size))
    cache: dict[tuple[tuple[int, ...], tuple[int, ...]], bool] = {}
    count = 0
    for a, b in zip(before.getdata(), after.getdata(), strict=True):
        if a != b:
            if (a, b) not in cache:
                cache[(a, b)] = contrast(_hex(a), _hex(b)) >= 3
            count += cache[(a, b)]
    return count


def assert_focus_visible(page: Page, area: Locator, what: str, pad: int = 6,
                         needed: int | None = None) -> None:
    """The control that has focus now shows it around `area`: shot with focus, Shift+Tab away, shot
    without, Tab back. At least `needed` pixels must change by 3:1 or more; by default half the
    area's perimeter (a 1-pixel ring around half the control; a 2-pixel outline gives about four
    times that)."""
    area.scroll_into_view_if_needed()
    control = page.evaluate_handle("document.activeElement")
    with_focus = shot(page, area, pad)
    page.keyboard.press("Shift+Tab")
    without = shot(page, area, pad)
    page.keyboard.press("Tab")
    assert page.evaluate("e => e === document.activeElement", control), "Tab did not return"
    changed = changed_pixels(without, with_focus)
    needed = needed or with_focus.width + with_focus.height - 4 * pad
    assert changed >= needed, f"focus on {what} is hard to see: {changed} of {needed} pixels changed"
