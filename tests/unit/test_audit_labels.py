"""Every action the code writes to the audit log has a Danish name on the audit page."""

from __future__ import annotations

import re

from model.audit_text import describe
from pages.components.audit_labels import ACTION_LABELS
from tests.conftest import ROOT

# audit.record(cur, scope, "action", ...) and, for a batch, audit.row(scope, "action", ...)
LITERAL = re.compile(r'(?:record\(\s*cur,|row\()\s*[\w.]+,\s*"([a-z_]+\.[a-z_]+)"')
CONDITIONAL = re.compile(r'"([a-z_]+\.[a-z_]+)" if .+? else "([a-z_]+\.[a-z_]+)"')


def test_every_audited_action_has_a_danish_label():
    written: set[str] = set()
    for path in (ROOT / "db").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        written.update(LITERAL.findall(text))
        for pair in CONDITIONAL.findall(text):
            written.update(pair)
    assert "case.create" in written
    assert written - set(ACTION_LABELS) == set()


def test_a_follow_up_entry_names_its_measures_from_the_versions_it_is_given():
    details = {"measure.report": "done"}
    assert describe(details, {}, {"report": "Anmeld til politiet"}) == [
        "Tiltag »Anmeld til politiet«: Udført"]
    assert describe(details, {}) == ["Tiltag »report«: Udført"]  # an unknown key stays visible

