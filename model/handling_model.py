"""The handling model (håndteringsmodellen) as versioned data.

Each version is a TOML file in model/definitions/; the code knows no level, measure or rule by heart, so
a later version (the 2019 adjustment, a fifth level) is a new file and no code change. A version is
immutable once cases use it: every case records the version and the file's checksum is guarded.
The types live in model/model_types.py and are re-exported here, the one module callers import.
"""

from __future__ import annotations

import hashlib
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from model.model_types import (
    STRENGTH_LABELS,
    Condition,
    HandlingModel,
    Level,
    Measure,
    Prompt,
    Range,
    Strength,
)

__all__ = [
    "CURRENT_VERSION", "STRENGTH_LABELS", "Condition", "HandlingModel", "Level", "Measure", "Prompt",
    "Range", "Strength", "all_level_numbers", "file_checksum", "load_model", "parse_model",
    "versions",
]

DEFINITIONS_DIR = Path(__file__).parent / "definitions"
CURRENT_VERSION = "2018"

# Released versions: their files may never change (cases were triaged with them). A new version is
# added here when it is released; until then it is a draft that may still be edited.
FROZEN_CHECKSUMS: dict[str, str] = {
    "2018": "751ae24fb780cff35fc0b7ff9a659090bd31da8a86e558201284f4e3233a1748",
}


def _conditions(raw: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple((name, _freeze(value)) for name, value in raw.items())


def _freeze(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, dict):
        return Range(**value)
    return value


def _measure(raw: dict[str, Any]) -> Measure:
    return Measure(
        key=raw["key"], text=raw["text"], strength=Strength(raw["strength"]),
        label=raw.get("label", ""), secures_evidence=raw.get("secures_evidence", False),
        deletes_images=raw.get("deletes_images", False), due_months=raw.get("due_months"),
    )


def _level(raw: dict[str, Any]) -> Level:
    return Level(
        number=int(raw["number"]), title=raw["title"], image=raw["image"], help=raw["help"],
        duration=raw["duration"], measures=tuple(_measure(m) for m in raw.get("measures", [])),
        offence=raw.get("offence", ""), police_decide_deletion=raw.get("police_decide_deletion", False),
        indicators=tuple(
            Condition(c["reason"], _conditions(c["when"]), c.get("basis", "kilde"))
            for c in raw.get("indicators", [])
        ),
    )


def parse_model(text: str, checksum: str = "") -> HandlingModel:
    """A model from the text of a definition file; ValueError when its structure is inconsistent."""
    raw = tomllib.loads(text)
    model = HandlingModel(
        version=str(raw["version"]), levels=tuple(_level(lvl) for lvl in raw["levels"]),
        title=raw.get("title", ""), source=raw.get("source", ""),
        announced_levels=raw.get("announced_levels"),
        signals=tuple(raw.get("signals", {}).items()),
        prompts=tuple(
            Prompt(p["key"], p["text"], p["measure"], Strength(p["strength"]), _conditions(p["when"]))
            for p in raw.get("prompts", [])
        ),
        checksum=checksum,
    )
    _check(model)
    return model


def _check(model: HandlingModel) -> None:
    numbers = model.level_numbers
    if list(numbers) != list(range(1, len(numbers) + 1)):
        raise ValueError(f"Levels of {model.version} must be numbered 1..n in order: {numbers}")
    for lvl in model.levels:
        keys = [m.key for m in lvl.measures]
        if len(keys) != len(set(keys)):
            raise ValueError(f"Level {lvl.number} of {model.version} repeats a measure key")
    for prompt in model.prompts:
        model.measure(prompt.measure)  # KeyError when a prompt names an unknown measure


def _path(version: str) -> Path:
    return DEFINITIONS_DIR / f"{version}.toml"


def versions() -> list[str]:
    """The shipped model versions, oldest first."""
    return sorted(p.stem for p in DEFINITIONS_DIR.glob("*.toml"))


def _text(version: str) -> str:
    return _path(version).read_bytes().decode("utf-8").replace("\r\n", "\n")


def all_level_numbers() -> list[int]:
    """Every level number of any shipped version (for filters over cases of several versions)."""
    return sorted({n for v in versions() for n in load_model(v).level_numbers})


def file_checksum(version: str) -> str:
    """SHA-256 of the definition's text (line endings normalised)."""
    return hashlib.sha256(_text(version).encode("utf-8")).hexdigest()


@cache
def load_model(version: str = CURRENT_VERSION) -> HandlingModel:
    """The model of `version`; KeyError if unknown, ValueError if a released file was changed."""
    if version not in versions():
        raise KeyError(version)
    checksum = file_checksum(version)
    frozen = FROZEN_CHECKSUMS.get(version)
    if frozen is not None and frozen != checksum:
        raise ValueError(f"Released model {version} was edited; add a new version instead")
    model = parse_model(_text(version), checksum)
    if model.version != version:
        raise ValueError(f"{_path(version).name} declares version {model.version}")
    return model
