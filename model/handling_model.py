"""The handling model (håndteringsmodellen) as versioned data, and the versions shipped as files.

A version is a definition in TOML (model/model_toml.py writes the same format); the code knows no level,
measure or rule by heart. The versions *shipped* with the code are the files in model/definitions/
(version 2018, from the source); later versions are drafted and published in the app and stored in
the database (db/model_registry.py joins both). A published version is immutable: every case records
its version, and the checksum of each shipped file is guarded here.
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
    "STRENGTH_LABELS", "Condition", "HandlingModel", "Level", "Measure", "Prompt", "Range",
    "Strength", "file_checksum", "load_model", "model_from_raw", "parse_model", "parse_prompts",
    "shipped_versions", "text_checksum",
]

DEFINITIONS_DIR = Path(__file__).parent / "definitions"

# Shipped files may never change (cases were triaged with them): a changed file is refused.
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


def parse_prompts(raw: list[dict[str, Any]]) -> tuple[Prompt, ...]:
    return tuple(Prompt(p["key"], p["text"], p["measure"], Strength(p["strength"]),
                        _conditions(p["when"])) for p in raw)


def parse_model(text: str, checksum: str = "") -> HandlingModel:
    """A model from the text of a definition file; ValueError when its structure is inconsistent."""
    return model_from_raw(tomllib.loads(text), checksum)


def model_from_raw(raw: dict[str, Any], checksum: str = "") -> HandlingModel:
    """A model from the parsed TOML of a definition; ValueError when its structure is inconsistent."""
    model = HandlingModel(
        version=str(raw["version"]), levels=tuple(_level(lvl) for lvl in raw["levels"]),
        title=raw.get("title", ""), source=raw.get("source", ""),
        announced_levels=raw.get("announced_levels"),
        signals=tuple(raw.get("signals", {}).items()),
        prompts=parse_prompts(raw.get("prompts", [])),
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


@cache
def shipped_versions() -> tuple[str, ...]:
    """The versions shipped as files, oldest first (the app adds the ones published in it). Read
    once per process, like the files' models (`load_model`): a shipped file comes with a release."""
    return tuple(sorted(p.stem for p in DEFINITIONS_DIR.glob("*.toml")))


def _text(version: str) -> str:
    return _path(version).read_bytes().decode("utf-8").replace("\r\n", "\n")


def text_checksum(text: str) -> str:
    """SHA-256 of a definition's text (line endings normalised): what cases are guarded by."""
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()


def file_checksum(version: str) -> str:
    """SHA-256 of a shipped definition's text."""
    return text_checksum(_text(version))


@cache
def load_model(version: str) -> HandlingModel:
    """The shipped model `version`; KeyError if unknown, ValueError if a shipped file was changed."""
    if version not in shipped_versions():
        raise KeyError(version)
    checksum = file_checksum(version)
    frozen = FROZEN_CHECKSUMS.get(version)
    if frozen is not None and frozen != checksum:
        raise ValueError(f"Released model {version} was edited; add a new version instead")
    model = parse_model(_text(version), checksum)
    if model.version != version:
        raise ValueError(f"{_path(version).name} declares version {model.version}")
    return model
