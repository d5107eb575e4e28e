"""No widget carries a `help=` tooltip: Streamlit names its button "Help for <label>" in English
(docs/danish.md), so hints are captions the user sees."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def test_no_page_gives_a_widget_a_help_tooltip():
    for path in [ROOT / "app.py", *ROOT.glob("pages/**/*.py")]:
        assert not re.search(r"\bhelp=", path.read_text(encoding="utf-8")), path
