"""docs/handling-model.md is generated from the data and committed current; it covers every level,
measure and prompt of every shipped version and the law's prompts, and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

from model.handling_model import STRENGTH_LABELS, load_model, shipped_versions
from model.model_docs import DOC, render
from model.statutory import statutory_prompts

_SECTION = re.compile(r"^## (.+)$", re.MULTILINE)
_LEVEL = re.compile(r"^### Niveau (\d+)\. (.+)$")
_MEASURE = re.compile(r"^- \*\*(.+?)\*\* · `([a-z_0-9]+)` · (.+?)(?: \*\(frist: \d+ md\.\)\*)?$")
_PROMPT = re.compile(r"^- `([a-z_0-9]+)` \(`([a-z_0-9]+)`")


def test_the_committed_page_is_what_the_data_renders():
    """Fails when a definition changed and `python -m model.model_docs` was not run."""
    assert DOC.read_text(encoding="utf-8") == render()


def sections(text: str) -> dict[str, str]:
    parts = _SECTION.split(text)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def documented(text: str) -> dict[str, dict]:
    """Per version: level number -> title, (level, key) -> (strength label, text), prompt keys."""
    found: dict[str, dict] = {}
    for title, body in sections(text).items():
        if not title.startswith("Version "):
            continue
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
        found[title.removeprefix("Version ")] = {"levels": levels, "measures": measures,
                                                 "prompts": prompts}
    return found


def in_data(version: str) -> dict:
    model = load_model(version)
    return {
        "levels": {lvl.number: lvl.title for lvl in model.levels},
        "measures": {(lvl.number, m.key): (STRENGTH_LABELS[m.strength], m.text)
                     for lvl in model.levels for m in lvl.measures},
        "prompts": {p.key for p in model.prompts},
    }


def test_the_page_covers_exactly_the_shipped_versions_levels_measures_and_prompts():
    docs = documented(render())
    assert set(docs) == set(shipped_versions())
    for version in shipped_versions():
        assert docs[version] == in_data(version)


def test_the_page_lists_the_laws_prompts_once():
    law = sections(render())["Lovens påmindelser (alle versioner)"]
    keys = [m.group(1) for line in law.splitlines() if (m := _PROMPT.match(line))]
    assert keys == [p.key for p in statutory_prompts()]


def test_the_parser_notices_a_measure_missing_from_the_page(tmp_path: Path):
    text = render()
    assert "· `police_report` ·" in text
    assert documented(text.replace("· `police_report` ·", "· `policereport` ·"))["2018"][
        "measures"] != in_data("2018")["measures"]
