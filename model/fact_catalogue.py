"""The case facts an indicator may name: their Danish labels and the values each can take.

The triage form asks for these facts (or they follow from its answers: under 18, sexual image, number
of signals), so a condition over any other name could never match. The model editor offers these
facts, the validation checks conditions against them, and the diff describes conditions with them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from model.case import NUDITY, SPREAD
from model.handling_model import HandlingModel, Range
from model.vocab import AGE_BANDS, PLATFORMS


@dataclass(frozen=True)
class Fact:
    """`kind`: choice (one of `options`), choices (a set; matches if any is named), flag (yes/no),
    level (the level whose reaction fits; the model's level numbers) or count (a number, bounded)."""

    label: str
    kind: str
    options: Mapping[str, str] = field(default_factory=dict)


FACTS: dict[str, Fact] = {
    "age_band": Fact("Aldersgruppe", "choice", AGE_BANDS),
    "under_18": Fact("Ofret er under 18 år", "flag"),
    "nudity": Fact("Hvad viser billedet?", "choice", NUDITY),
    "sexual_image": Fact("Billedet er seksuelt (nøgent eller erotisk)", "flag"),
    "face_recognisable": Fact("Ansigtet er genkendeligt", "flag"),
    "identity_exposed": Fact("Ofrets fulde identitet fremgår", "flag"),
    "erotic_motif": Fact("Billedet har et erotisk eller pornografisk motiv", "flag"),
    "spread": Fact("Hvor bredt er billedet delt?", "choice", SPREAD),
    "platforms": Fact("Medieplatforme", "choices", PLATFORMS),
    "revenge_motive": Fact("Der er et hævnmotiv", "flag"),
    "threats": Fact("Der er trusler", "flag"),
    "reaction": Fact("Ofrets reaktion svarer til", "level"),
    "signals": Fact("Signaler", "choices"),
    "signal_count": Fact("Antal signaler", "count"),
}


def options(name: str, model: HandlingModel) -> dict[Any, str]:
    """The values of fact `name` with their Danish labels (signals and levels from the model)."""
    fact = FACTS[name]
    if name == "signals":
        return dict(model.signals)
    if fact.kind == "level":
        return {n: f"Niveau {n}: {model.level(n).title}" for n in model.level_numbers}
    if fact.kind == "flag":
        return {True: "ja", False: "nej"}
    return dict(fact.options)


def value_problem(name: str, expected: Any, model: HandlingModel) -> str | None:
    """Why `expected` is no value fact `name` can be compared with, or None when it is fine."""
    fact = FACTS[name]
    if fact.kind == "flag":
        return None if isinstance(expected, bool) else "skal være ja eller nej"
    if fact.kind == "count":
        if isinstance(expected, Range):
            bounds = [b for b in (expected.at_least, expected.at_most) if b is not None]
            if not bounds or not all(isinstance(b, int) and not isinstance(b, bool) and b >= 0
                                      for b in bounds):
                return "skal være et antal (mindst og/eller højst et helt tal)"
            if len(bounds) == 2 and bounds[0] > bounds[1]:
                return "»mindst« er større end »højst«"
            return None
        ok = isinstance(expected, int) and not isinstance(expected, bool) and expected >= 0
        return None if ok else "skal være et antal"
    values = expected if isinstance(expected, tuple) else (expected,)
    known = options(name, model)
    if not values:
        return "skal nævne mindst én værdi"
    if any(isinstance(v, bool) or v not in known for v in values):
        return "nævner en værdi, formularen ikke kender"
    return None


def describe_value(name: str, expected: Any, model: HandlingModel) -> str:
    """`expected` in Danish, e.g. "Nøgenbillede eller Nøgne dele af kroppen", "mindst 1"."""
    if isinstance(expected, Range):
        parts = [f"mindst {expected.at_least}" if expected.at_least is not None else "",
                 f"højst {expected.at_most}" if expected.at_most is not None else ""]
        return " og ".join(p for p in parts if p)
    known = options(name, model) if name in FACTS else {}
    values = expected if isinstance(expected, tuple) else (expected,)
    words = []
    for v in values:
        if FACTS.get(name, Fact("", "")).kind == "level":
            words.append(f"niveau {v}")
        else:
            words.append(known.get(v, str(v)) if not isinstance(v, bool) else ("ja" if v else "nej"))
    return " eller ".join(words)


def describe_condition(when: tuple[tuple[str, Any], ...], model: HandlingModel) -> str:
    """A condition in Danish: "Hvad viser billedet?: Nøgenbillede · Ansigtet er genkendeligt: ja"."""
    return " · ".join(f"{FACTS[name].label if name in FACTS else name}: "
                      f"{describe_value(name, value, model)}" for name, value in when)
