"""The handling model (håndteringsmodellen) as versioned data.

Each version is a TOML file in model/definitions/; the code knows no level, measure or rule by heart, so
a later version (the 2019 adjustment, a fifth level) is a new file and no code change. A version is
immutable once cases use it: every case records the version and the file's checksum is guarded.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

DEFINITIONS_DIR = Path(__file__).parent / "definitions"
CURRENT_VERSION = "2018"

# Released versions: their files may never change (cases were triaged with them). A new version is
# added here when it is released; until then it is a draft that may still be edited.
FROZEN_CHECKSUMS: dict[str, str] = {
    "2018": "751ae24fb780cff35fc0b7ff9a659090bd31da8a86e558201284f4e3233a1748",
}


class Strength(StrEnum):
    """How firmly the source asks for a measure (skal / bør overvejes / kan overvejes)."""

    MUST = "must"
    SHOULD_CONSIDER = "should_consider"
    MAY_CONSIDER = "may_consider"

    @property
    def rank(self) -> int:
        """0 for the firmest; sorts a plan from must to may."""
        return list(Strength).index(self)


STRENGTH_LABELS: dict[Strength, str] = {
    Strength.MUST: "Skal",
    Strength.SHOULD_CONSIDER: "Bør overvejes",
    Strength.MAY_CONSIDER: "Kan overvejes",
}


@dataclass(frozen=True)
class Measure:
    """One handling measure as a level states it; `key` is stable across levels and versions."""

    key: str
    text: str
    strength: Strength
    label: str = ""
    secures_evidence: bool = False  # police contact that must precede deletion where police decide
    deletes_images: bool = False  # asks platforms to remove images
    due_months: int | None = None  # still planned this many months after the case month: overdue


@dataclass(frozen=True)
class Range:
    """A bound on a count fact, written `{ at_least = 1 }` in a definition file."""

    at_least: int | None = None
    at_most: int | None = None

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, int) or isinstance(value, bool):
            return False
        low_ok = self.at_least is None or value >= self.at_least
        return low_ok and (self.at_most is None or value <= self.at_most)


@dataclass(frozen=True)
class Condition:
    """A set of facts that must all hold: (fact name, expected value) pairs, see model/triage.py."""

    reason: str
    when: tuple[tuple[str, Any], ...]
    basis: str = "kilde"  # "kilde": from the source; "tolkning": the project's reading


@dataclass(frozen=True)
class Level:
    number: int
    title: str
    image: str
    help: str
    duration: str
    measures: tuple[Measure, ...]
    offence: str = ""
    police_decide_deletion: bool = False
    indicators: tuple[Condition, ...] = ()

    def measure(self, key: str) -> Measure:
        for m in self.measures:
            if m.key == key:
                return m
        raise KeyError(key)

    def has(self, key: str) -> bool:
        return any(m.key == key for m in self.measures)


@dataclass(frozen=True)
class Prompt:
    """Facts that call for a measure whatever the level (e.g. §235 for a minor's sexual image)."""

    key: str
    text: str
    measure: str
    strength: Strength
    when: tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class HandlingModel:
    version: str
    levels: tuple[Level, ...]
    title: str = ""
    source: str = ""
    announced_levels: int | None = None
    signals: tuple[tuple[str, str], ...] = ()
    prompts: tuple[Prompt, ...] = ()
    checksum: str = field(default="", compare=False)

    def level(self, n: int) -> Level:
        for lvl in self.levels:
            if lvl.number == n:
                return lvl
        raise KeyError(n)

    @property
    def level_numbers(self) -> tuple[int, ...]:
        return tuple(lvl.number for lvl in self.levels)

    def measure(self, key: str) -> Measure:
        """The measure as the lowest level naming it states it; `level(n).measure(key)` for others."""
        for lvl in self.levels:
            if lvl.has(key):
                return lvl.measure(key)
        raise KeyError(key)

    def wording(self, level: int, key: str) -> Measure:
        """The measure as `level` states it, or (added by a prompt) as its lowest level does."""
        lvl = self.level(level)
        return lvl.measure(key) if lvl.has(key) else self.measure(key)

    def measure_keys(self) -> tuple[str, ...]:
        """Every measure key of the version, in order of first appearance."""
        return tuple(dict.fromkeys(m.key for lvl in self.levels for m in lvl.measures))

    def measure_labels(self) -> dict[str, str]:
        """Key -> short Danish label, the same at every level (for lists and statistics)."""
        return {key: self.measure(key).label or self.measure(key).text for key in self.measure_keys()}

    @property
    def signal_labels(self) -> dict[str, str]:
        return dict(self.signals)


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
