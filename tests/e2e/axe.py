"""axe-core (bundled by axe-playwright-python) on a page of the running app, WCAG 2.1 A and AA.

`check(page, state)` runs axe on what the browser shows now and returns the violations that block:
serious or critical ones that are not Streamlit's own markup. Streamlit's known violations are the
explicit allow-list `STREAMLIT_MARKUP` below, each documented (rule, selector, workaround or why
none) in docs/accessibility.md; a violation outside the list, or one of the same rule on another
element, fails the test. Every run also writes all violations (any impact) to
screenshots/axe/<state>.json and one summary line per state to screenshots/axe/summary.tsv, so
the counts per page can be read after a run.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = frozenset({"serious", "critical"})
IMPACTS = ("critical", "serious", "moderate", "minor")
OUT = Path(__file__).resolve().parents[2] / "screenshots" / "axe"


@dataclass(frozen=True)
class Allowed:
    """A violation of Streamlit's own markup: `rule` on an element whose axe selector matches
    `selector`; `doc` is its heading in docs/accessibility.md."""

    rule: str
    selector: re.Pattern[str]
    doc: str


# Streamlit's own markup that the app cannot change (docs/accessibility.md, "Allowed violations").
STREAMLIT_MARKUP: tuple[Allowed, ...] = ()


@dataclass(frozen=True)
class Violation:
    state: str
    rule: str
    impact: str
    target: str
    html: str
    help: str

    def __str__(self) -> str:
        return f"{self.state}: {self.rule} ({self.impact}) {self.target}: {self.help}\n    {self.html}"


def allowed(rule: str, target: str) -> bool:
    return any(a.rule == rule and a.selector.search(target) for a in STREAMLIT_MARKUP)


def _violations(state: str, response: dict) -> list[Violation]:
    return [Violation(state, v["id"], v["impact"] or "minor", " ".join(map(str, node["target"])),
                      node["html"][:200], v["help"])
            for v in response["violations"] for node in v["nodes"]]


_summary_started = False


def _record(state: str, found: list[Violation]) -> None:
    global _summary_started
    OUT.mkdir(parents=True, exist_ok=True)
    if not _summary_started:  # one summary per test run
        (OUT / "summary.tsv").write_text("state\tcritical\tserious\tmoderate\tminor\trules\n",
                                         encoding="utf-8")
        _summary_started = True
    (OUT / f"{state}.json").write_text(json.dumps(
        [v.__dict__ | {"allowed": allowed(v.rule, v.target)} for v in found], indent=1,
        ensure_ascii=False), encoding="utf-8")
    by_impact = Counter(v.impact for v in found)
    rules = sorted({f"{v.rule}({v.impact})" for v in found})
    with (OUT / "summary.tsv").open("a", encoding="utf-8") as out:
        out.write("\t".join([state, *(str(by_impact[i]) for i in IMPACTS), " ".join(rules)]) + "\n")


# What axe does not check and this app promises (docs/accessibility.md): Danish as the document's
# language, a tab title of the page's own, headings that never skip a level and carry no "Link to
# heading" tab stop, and charts that speak through their own text alternative (Vega's English
# per-mark texts switched off). Each finding is [rule, target, html].
OWN_CHECKS = """() => {
  const found = [];
  const shown = (e) => e.checkVisibility();
  const lang = document.documentElement.lang;
  if (lang !== "da") found.push(["hmd-html-lang", "html", `lang="${lang}"`]);
  if (!document.title.includes(" · ")) found.push(["hmd-page-title", "title", document.title]);
  let previous = 0;
  const headings = document.querySelectorAll(
    "[data-testid='stMain'] :is(h1, h2, h3, h4, h5, h6)");
  for (const h of [...headings].filter(shown)) {
    const level = Number(h.tagName[1]);
    if (level > previous + 1) {
      found.push(["hmd-heading-order", h.tagName.toLowerCase(),
                  `h${previous || "-"} then ${h.tagName.toLowerCase()}: ${h.textContent.trim()}`]);
    }
    previous = level;
  }
  for (const a of document.querySelectorAll("[data-testid='stHeaderActionElements'] a")) {
    found.push(["hmd-heading-anchor", "a", a.closest(":is(h1, h2, h3, h4, h5, h6)")?.textContent]);
  }
  for (const chart of [...document.querySelectorAll("[data-testid='stVegaLiteChart']")].filter(shown)) {
    const name = chart.getAttribute("aria-label") || "";
    if (name.length < 20 || /vega/i.test(name)) {
      found.push(["hmd-chart-text-alternative", "stVegaLiteChart", name]);
    }
    const marks = chart.querySelectorAll("[role='graphics-symbol']").length;
    if (marks) found.push(["hmd-chart-aria", "stVegaLiteChart", `${marks} Vega ARIA items: ${name}`]);
  }
  return found;
}"""


def own_checks(page: Page, state: str) -> list[Violation]:
    return [Violation(state, rule, "serious", target, html, "docs/accessibility.md")
            for rule, target, html in page.evaluate(OWN_CHECKS)]


def check(page: Page, state: str) -> list[Violation]:
    """Run axe (WCAG 2.1 A + AA) and the app's own checks on the page as shown; return the
    blocking violations that are not allowed."""
    response = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA},
                                        "resultTypes": ["violations"]}).response
    found = _violations(state, response) + own_checks(page, state)
    _record(state, found)
    return [v for v in found if v.impact in BLOCKING and not allowed(v.rule, v.target)]
