"""Which levels of a model can never be proposed, found by search over the facts the form can give.

The engine proposes the highest level one of whose indicators fits (model/triage.py). So level L can
be proposed only if some case fits one of L's indicators and no indicator of a higher level (the
lowest level: no higher indicator at all). Whether such a case exists is a small constraint search:
facts are assigned one at a time, and a branch is dropped as soon as L's indicator is certainly
false or a higher indicator certainly true. Facts no condition names keep one value; a set (signals,
platforms) takes only the subsets that can make a difference. The search is exact over those
values, and bounded: past BUDGET steps a level counts as reachable (never a false alarm).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain, combinations
from typing import Any

from model.case import NUDITY, SPREAD
from model.handling_model import HandlingModel
from model.triage import DERIVED_FROM, fact_value, holds
from model.vocab import AGE_BANDS

When = tuple[tuple[str, Any], ...]
FLAGS = ("face_recognisable", "identity_exposed", "erotic_motif", "revenge_motive", "threats")
BUDGET = 200_000


def _deps(name: str) -> tuple[str, ...]:
    return DERIVED_FROM.get(name, (name,))


def _named(conditions: list[When], fact: str) -> list[Any]:
    values: list[Any] = []
    for when in conditions:
        for name, expected in when:
            if name == fact:
                values += list(expected) if isinstance(expected, tuple) else [expected]
    return list(dict.fromkeys(values))


def _subsets(items: list[Any]) -> Iterator[tuple[Any, ...]]:
    return chain.from_iterable(combinations(items, k) for k in range(len(items) + 1))


def domains(model: HandlingModel, conditions: list[When]) -> dict[str, list[Any]]:
    """The values worth trying per fact: all of them where a condition names the fact, else one."""
    named = {b for when in conditions for name, _ in when for b in _deps(name)}

    def pick(fact: str, values: list[Any], default: Any) -> list[Any]:
        return values if fact in named else [default]

    signals = _named(conditions, "signals")
    others = [s for s in model.signal_labels if s not in signals]
    return {
        "age_band": pick("age_band", list(AGE_BANDS), "18_plus"),
        "nudity": pick("nudity", list(NUDITY), "clothed"),
        "spread": pick("spread", list(SPREAD), "unknown"),
        **{flag: pick(flag, [False, True], False) for flag in FLAGS},
        "reaction": pick("reaction", [None, *model.level_numbers], None),
        # Named signals in any combination, plus any number of the others (only their count matters).
        "signals": pick("signals", [sub + tuple(others[:k]) for sub in _subsets(signals)
                                    for k in range(len(others) + 1)], ()),
        "platforms": pick("platforms", list(_subsets(_named(conditions, "platforms"))), ()),
    }


def _state(when: When, facts: dict[str, Any]) -> bool | None:
    """True/False once decided by the facts assigned so far, None while open."""
    open_atoms = False
    for name, expected in when:
        if any(d not in facts for d in _deps(name)):
            open_atoms = True
        elif not holds(fact_value(name, facts), expected):
            return False
    return None if open_atoms else True


def _fits(target: When, higher: list[When], doms: dict[str, list[Any]], budget: list[int]) -> bool:
    """Some facts fit `target` (empty: anything) and none of `higher`."""
    first = [d for name, _ in target for d in _deps(name)]
    order = list(dict.fromkeys(first + [d for w in higher for name, _ in w for d in _deps(name)]
                               + list(doms)))
    facts: dict[str, Any] = {}

    def search(i: int) -> bool:
        budget[0] -= 1
        if budget[0] < 0:
            return True
        if target and _state(target, facts) is False:
            return False
        if any(_state(w, facts) is True for w in higher):
            return False
        if i == len(order):
            return True
        for value in doms[order[i]]:
            facts[order[i]] = value
            if search(i + 1):
                return True
        del facts[order[i]]
        return False

    return search(0)


def unreachable_levels(model: HandlingModel) -> list[int]:
    """The levels no case can be proposed (empty conditions never match, as in the engine)."""
    conditions = [c.when for lvl in model.levels for c in lvl.indicators if c.when]
    doms = domains(model, conditions)
    budget = [BUDGET]
    out = []
    for i, lvl in enumerate(model.levels):
        higher = [c.when for above in model.levels[i + 1:] for c in above.indicators if c.when]
        targets = [()] if i == 0 else [c.when for c in lvl.indicators if c.when]
        if not any(_fits(t, higher, doms, budget) for t in targets):
            out.append(lvl.number)
    return out
