"""Backtest of a draft: what it would have proposed for the stored cases, beside its parent.

Input is the stored cases grouped by the facts the two models' indicators name (db/model_backtest.py
reads only those), so cases that cannot differ are assessed once; and each model's conditions are
compiled once into plain predicates (`Proposer`, the same answers as model/triage.py's `propose`,
tested). Output is true counts and key sums per (parent's proposal, draft's proposal, chosen level,
why the proposal changed); db/model_backtest.py publishes them under the statistics' disclosure rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from model.handling_model import HandlingModel, Range
from model.triage import matches, with_derived

UNCHANGED = ""


@dataclass(frozen=True)
class Outcome:
    """Cases (`n`, record keys summing to `k`) with one combination of proposals; `why` names the
    draft's fitting indicators when its proposal differs from the parent's (UNCHANGED otherwise)."""

    parent: int
    draft: int
    chosen: int
    why: str
    n: int
    k: int


def _atom(name: str, expected: Any) -> Callable[[dict[str, Any]], bool]:
    """`holds(values[name], expected)` of model/triage.py as a closure with the branching done once."""
    if isinstance(expected, Range):
        return lambda values: values[name] in expected
    if isinstance(expected, tuple):
        wanted = frozenset(expected)
        return lambda values: (not wanted.isdisjoint(values[name])
                               if isinstance(values[name], tuple) else values[name] in wanted)
    is_bool = isinstance(expected, bool)

    def scalar(values: dict[str, Any]) -> bool:
        value = values[name]
        if isinstance(value, tuple):
            return expected in value
        return value == expected and isinstance(value, bool) == is_bool
    return scalar


class Proposer:
    """A model's proposal rule compiled once: levels from the highest, each with its indicators'
    atoms; the first level with an indicator whose atoms all hold is the proposal."""

    def __init__(self, model: HandlingModel) -> None:
        self.lowest = model.levels[0].number
        self.levels = [(lvl.number, [[_atom(n, e) for n, e in c.when] for c in lvl.indicators
                                     if c.when]) for lvl in reversed(model.levels)]

    def __call__(self, values: dict[str, Any]) -> int:
        for number, indicators in self.levels:
            for atoms in indicators:
                if all(atom(values) for atom in atoms):
                    return number
        return self.lowest


def _why(values: dict, draft: HandlingModel, level: int) -> str:
    reasons = [c.reason for c in draft.level(level).indicators if matches(c.when, values)]
    return " / ".join(reasons) or f"Ingen indikator over niveau {level} passer"


def run(groups: Iterable[tuple[tuple, int, int, int]], names: list[str], parent: HandlingModel,
        draft: HandlingModel) -> list[Outcome]:
    """`groups`: (values of the base facts `names`, chosen level, number of cases, key sum); the
    facts named must be those the models' indicators depend on (model/triage.py's
    `named_base_facts`). Counts and key sums are added up per outcome."""
    old_rule, new_rule = Proposer(parent), Proposer(draft)
    proposals: dict[tuple, tuple[int, int, str]] = {}
    totals: dict[tuple[int, int, int, str], tuple[int, int]] = {}
    for facts, chosen, n, k in groups:
        found = proposals.get(facts)
        if found is None:
            values = with_derived(dict(zip(names, facts, strict=True)))
            old, new = old_rule(values), new_rule(values)
            found = proposals[facts] = (old, new,
                                        UNCHANGED if old == new else _why(values, draft, new))
        key = (found[0], found[1], int(chosen), found[2])
        n0, k0 = totals.get(key, (0, 0))
        totals[key] = (n0 + int(n), k0 + int(k))
    return [Outcome(*key, *nk) for key, nk in totals.items()]
