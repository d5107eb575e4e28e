"""The building blocks of a handling-model version: levels, measures, strengths, rules as data.

Frozen dataclasses, filled from a definition file by model/handling_model.py; nothing here knows any
particular level or measure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


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
