"""The triage engine: from a case's facts to a proposed level, its reasons and the ordered measures.

The rules themselves are data (the indicators and prompts of a model version); this module only
reads them the way the source reads: a case belongs to the highest level whose description it fits,
and where the police decide on deletion, the police are contacted before the platforms. The law's
prompts (model/statutory.py) apply under every version, after the version's own.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from model.case import CaseFacts, is_sexual_image
from model.handling_model import HandlingModel, Level, Measure, Prompt, Range
from model.statutory import statutory_prompts
from model.vocab import UNDER_18

BASE_FACTS = tuple(f.name for f in fields(CaseFacts))
# Facts that follow from others, and the base facts each is computed from.
DERIVED_FROM: dict[str, tuple[str, ...]] = {
    "under_18": ("age_band",), "sexual_image": ("nudity", "erotic_motif"),
    "signal_count": ("signals",),
}
KNOWN_FACTS = frozenset(BASE_FACTS) | frozenset(DERIVED_FROM)
NO_INDICATOR = "Ingen af oplysningerne peger på et højere niveau end niveau 1"


@dataclass(frozen=True)
class Reason:
    """A fact (or set of facts) that placed the case at `level`; `basis` says kilde or tolkning."""

    level: int
    text: str
    basis: str


@dataclass(frozen=True)
class Plan:
    """The measures of one level for one case, in the order to carry them out, and legal prompts."""

    level: Level
    measures: tuple[Measure, ...]
    notices: tuple[str, ...]
    notice_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class Assessment:
    model_version: str
    proposed_level: int
    reasons: tuple[Reason, ...]
    measures: tuple[Measure, ...]
    notices: tuple[str, ...] = ()
    notice_keys: tuple[str, ...] = ()


def fact_value(name: str, base: dict[str, Any]) -> Any:
    """Fact `name` from base facts: one of them, or one derived from them (see DERIVED_FROM)."""
    if name == "under_18":
        return base["age_band"] in UNDER_18
    if name == "sexual_image":
        return is_sexual_image(base["nudity"], base["erotic_motif"])
    if name == "signal_count":
        return len(base["signals"])
    return base[name]


def with_derived(base: dict[str, Any]) -> dict[str, Any]:
    """Base facts (all, or those a model names) with every derived fact they determine."""
    values = dict(base)
    for name, deps in DERIVED_FROM.items():
        if all(d in base for d in deps):
            values[name] = fact_value(name, base)
    return values


def fact_values(facts: CaseFacts) -> dict[str, Any]:
    """The facts by name, with the derived ones a definition file may name."""
    return with_derived({name: getattr(facts, name) for name in BASE_FACTS})


def named_base_facts(models: tuple[HandlingModel, ...]) -> list[str]:
    """The base facts the models' indicators depend on (what a proposal can change with)."""
    names = {n for m in models for lvl in m.levels for c in lvl.indicators for n, _ in c.when}
    return [b for b in BASE_FACTS if any(b in DERIVED_FROM.get(n, (n,)) for n in names)]


def holds(value: Any, expected: Any) -> bool:
    """Whether a fact's value meets one expectation of a condition (see model/fact_catalogue.py)."""
    if isinstance(expected, Range):
        return value in expected
    if isinstance(value, tuple):  # a set of choices (signals, platforms): any one of them
        wanted = expected if isinstance(expected, tuple) else (expected,)
        return any(v in wanted for v in value)
    if isinstance(expected, tuple):
        return value in expected
    return value == expected and isinstance(value, bool) == isinstance(expected, bool)


def matches(when: tuple[tuple[str, Any], ...], values: dict[str, Any]) -> bool:
    """True when every named fact has its expected value (an empty condition never matches)."""
    return bool(when) and all(holds(values[name], expected) for name, expected in when)


def check_model(model: HandlingModel) -> None:
    """ValueError when a definition names a fact the engine does not know (a typo in the file)."""
    conditions = [c.when for lvl in model.levels for c in lvl.indicators]
    conditions += [p.when for p in model.prompts]
    for when in conditions:
        unknown = {name for name, _ in when} - KNOWN_FACTS
        if unknown:
            raise ValueError(f"Model {model.version} names unknown facts: {sorted(unknown)}")


def _evidence_first(measures: list[Measure]) -> list[Measure]:
    """Move police contacts that secure evidence before the first request to delete images."""
    first_delete = next((i for i, m in enumerate(measures) if m.deletes_images), None)
    if first_delete is None:
        return measures
    late = [m for m in measures[first_delete:] if m.secures_evidence]
    if not late:
        return measures
    rest = [m for m in measures[first_delete:] if not m.secures_evidence]
    return measures[:first_delete] + late + rest


def prompts_for(model: HandlingModel, *, statutory: bool = True) -> tuple[Prompt, ...]:
    """The prompts the engine applies: the version's own, then (by default) the law's."""
    return model.prompts + (statutory_prompts() if statutory else ())


def plan(facts: CaseFacts, model: HandlingModel, level: int, *, statutory: bool = True) -> Plan:
    """The measures of `level` for these facts: prompts applied, firmest first, evidence first.

    `statutory=False` gives the plan as it was before the law's prompts were applied (old cases)."""
    lvl = model.level(level)
    values = fact_values(facts)
    measures = list(lvl.measures)
    notices: list[str] = []
    keys: list[str] = []
    for prompt in prompts_for(model, statutory=statutory):
        if not matches(prompt.when, values):
            continue
        notices.append(prompt.text)
        keys.append(prompt.key)
        index = next((i for i, m in enumerate(measures) if m.key == prompt.measure), None)
        if index is None and prompt.measure in model.measure_keys():
            measures.append(replace(model.measure(prompt.measure), strength=prompt.strength))
        elif index is None:  # a version without the measure (refused at publishing): notice only
            continue
        elif measures[index].strength.rank > prompt.strength.rank:
            measures[index] = replace(measures[index], strength=prompt.strength)
    ordered = sorted(enumerate(measures), key=lambda im: (im[1].strength.rank, im[0]))
    result = [m for _, m in ordered]
    if lvl.police_decide_deletion or notices:
        result = _evidence_first(result)
    return Plan(lvl, tuple(result), tuple(notices), tuple(keys))


def propose(values: dict[str, Any], model: HandlingModel) -> int:
    """The proposed level alone, from `fact_values` (the backtest's hot path): the highest level
    one of whose indicators fits, else the lowest."""
    for lvl in reversed(model.levels):
        if any(matches(c.when, values) for c in lvl.indicators):
            return lvl.number
    return model.levels[0].number


def assess(facts: CaseFacts, model: HandlingModel) -> Assessment:
    """Propose the highest level one of whose indicators fits the facts, with those indicators."""
    values = fact_values(facts)
    matched = [
        Reason(lvl.number, c.reason, c.basis)
        for lvl in model.levels for c in lvl.indicators if matches(c.when, values)
    ]
    lowest = model.levels[0].number
    proposed = max((r.level for r in matched), default=lowest)
    reasons = tuple(r for r in matched if r.level == proposed)
    if not reasons:
        reasons = (Reason(lowest, NO_INDICATOR, "tolkning"),)
    chosen = plan(facts, model, proposed)
    return Assessment(model.version, proposed, reasons, chosen.measures, chosen.notices,
                      chosen.notice_keys)


def saved_notices(facts: CaseFacts, model: HandlingModel, level: int,
                  keys: tuple[str, ...] | None) -> tuple[str, ...]:
    """The notices a case was saved with (`keys`); a case saved before the keys were kept gets its
    version's own prompts, which is all it was given then."""
    if keys is None:
        return plan(facts, model, level, statutory=False).notices
    texts = {p.key: p.text for p in prompts_for(model)}
    return tuple(texts[k] for k in keys if k in texts)
