"""docs/accessibility.md and the accessibility checks agree: every allowed Streamlit violation and
every check of the app's own is documented, and the allow-list lets through exactly its entries."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT
from tests.e2e import axe

DOC = (ROOT / "docs" / "accessibility.md").read_text(encoding="utf-8")


def test_every_allowed_streamlit_violation_is_documented_with_its_heading():
    for entry in axe.STREAMLIT_MARKUP:
        assert f"### {entry.doc}" in DOC and entry.rule in DOC


def test_every_check_of_the_apps_own_is_documented():
    rules = set(re.findall(r'"(hmd-[a-z-]+)"', axe.OWN_CHECKS))
    assert rules == {"hmd-html-lang", "hmd-page-title", "hmd-heading-order", "hmd-heading-anchor",
                     "hmd-chart-text-alternative", "hmd-chart-aria"}
    assert all(f"`{rule}`" in DOC for rule in rules)


def test_the_allow_list_lets_through_its_rule_on_its_elements_only(monkeypatch: pytest.MonkeyPatch):
    entry = axe.Allowed("color-contrast", re.compile(r"\[data-testid=\"stToolbar\"\]"), "Example")
    monkeypatch.setattr(axe, "STREAMLIT_MARKUP", (entry,))
    assert axe.allowed("color-contrast", '[data-testid="stToolbar"] > button')
    assert not axe.allowed("color-contrast", '[data-testid="stMain"] p')
    assert not axe.allowed("link-name", '[data-testid="stToolbar"] > button')
