"""Prompts the law calls for under every model version (model/law/prompts.toml).

A model version is the project's reading of the source and may change; that threats can be an
offence on their own (straffeloven § 266) does not. So these prompts are not part of any version:
the engine applies them after the version's own prompts to every new triage and re-assessment, and a
case stores the prompts it was given, so an old case keeps the notices it was saved with.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from model.handling_model import Prompt, parse_prompts

PROMPTS_FILE = Path(__file__).parent / "law" / "prompts.toml"


@cache
def statutory_prompts() -> tuple[Prompt, ...]:
    return parse_prompts(tomllib.loads(PROMPTS_FILE.read_text(encoding="utf-8"))["prompts"])


def required_measures() -> frozenset[str]:
    """Measure keys every version must have, because a statutory prompt names them."""
    return frozenset(p.measure for p in statutory_prompts())
