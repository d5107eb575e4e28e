"""docs/handling-model.md documents every level, measure and prompt of every shipped version."""

from __future__ import annotations

import re
from pathlib import Path

from model.handling_model import STRENGTH_LABELS, load_model
from model.handling_model import shipped_versions as versions

DOC = Path(__file__).resolve().parents[2] / "docs" / "handling-model.md"
_VERSION = re.compile(r"^## Version (\S+)$", re.MULTILINE)
_LEVEL = re.compile(r"^### Niveau (\d+)\. (.+)$")
_MEASURE = re.compile(r"^- \*\*(.+?)\*\* · `([a-z_0-9]+)` · (.+)$")
_PROMPT = re.compile(r"^- `([a-z_0-9]+)` \(`([a-z_0-9]+)`")


def documented(doc: Path = DOC) -> dict[str, dict]:
    """Per version: level number -> title, (level, key) -> (strength label, text), prompt keys."""
    text = doc.read_text(encoding="utf-8")
    parts = _VERSION.split(text)
    found: dict[str, dict] = {}
    for version, body in zip(parts[1::2], parts[2::2], strict=True):
        levels: dict[int, str] = {}
        measures: dict[tuple[int, str], tuple[str, str]] = {}
        prompts: set[str] = set()
        current = None
        for line in body.splitlines():
            if m := _LEVEL.match(line):
                current = int(m.group(1))
                levels[current] = m.group(2)
            elif (m := _MEASURE.match(line)) and current is not None:
                measures[(current, m.group(2))] = (m.group(1), m.group(3))
            elif m := _PROMPT.match(line):
                prompts.add(m.group(1))
        found[version] = {"levels": levels, "measures": measures, "prompts": prompts}
    return found


def in_data(version: str) -> dict:
    model = load_model(version)
    return {
        "levels": {lvl.number: lvl.title for lvl in model.levels},
        "measures": {(lvl.number, m.key): (STRENGTH_LABELS[m.strength], m.text)
                     for lvl in model.levels for m in lvl.measures},
        "prompts": {p.key for p in model.prompts},
    }


def test_docs_cover_exactly_the_shipped_versions():
    assert set(documented()) == set(versions())


def test_docs_list_every_level_of_the_data_and_no_other():
    docs = documented()
    for version in versions():
        assert docs[version]["levels"] == in_data(version)["levels"]


def test_docs_list_every_measure_with_its_strength_and_wording_and_no_other():
    docs = documented()
    for version in versions():
        assert docs[version]["measures"] == in_data(version)["measures"]


def test_docs_list_every_prompt_and_no_other():
    docs = documented()
    for version in versions():
        assert docs[version]["prompts"] == in_data(version)["prompts"]


def test_the_parser_notices_a_measure_missing_from_the_docs(tmp_path):
    text = DOC.read_text(encoding="utf-8")
    assert "· `police_report` ·" in text
    fake = tmp_path / "doc.md"
    fake.write_text(text.replace("· `police_report` ·", "· `policereport` ·"), encoding="utf-8")
    assert documented(fake)["2018"]["measures"] != in_data("2018")["measures"]
