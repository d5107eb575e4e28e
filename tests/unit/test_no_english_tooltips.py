"""No widget carries a `help=` tooltip: Streamlit names its button "Help for <label>" in English
(docs/danish.md), so hints are captions the user sees."""

from __future__ import annotations

import ast

import streamlit as st

from tests.conftest import ROOT

# Every Streamlit command (st.x, column.x, form.x): `help=` elsewhere (a model level's help text
# passed to dataclasses.replace) is not a tooltip.
COMMANDS = {name for name in dir(st) if not name.startswith("_")}


def tooltips(source: str) -> list[str]:
    """The Streamlit calls in `source` that pass `help=`."""
    return [node.func.attr for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in COMMANDS
            and any(k.arg == "help" for k in node.keywords)]


def test_the_check_finds_a_tooltip():
    assert tooltips('col.selectbox("Rolle", [], help="x")') == ["selectbox"]
    assert tooltips('replace(level, help="Hjælp")') == []


def test_no_page_gives_a_widget_a_help_tooltip():
    for path in [ROOT / "app.py", *ROOT.glob("pages/**/*.py")]:
        assert tooltips(path.read_text(encoding="utf-8")) == [], path
