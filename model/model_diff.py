"""What a draft changes against its parent, as rows a person reads side by side (before | after).

Levels are matched by number, measures by key, indicators and prompts by their text (an indicator
whose condition changed keeps its reason; one whose reason changed shows as removed and added).
Unchanged things are left out; a row with an empty `before` was added, one with an empty `after`
removed.
"""

from __future__ import annotations

from dataclasses import dataclass

from model.fact_catalogue import describe_condition
from model.handling_model import STRENGTH_LABELS, Condition, HandlingModel, Level, Measure

BASIS = {"kilde": "kilde", "tolkning": "tolkning"}


@dataclass(frozen=True)
class DiffRow:
    where: str  # "Modellen", "Niveau 3"
    what: str  # "Titel", "Tiltag: Politianmeldelse"
    before: str
    after: str


def _measure_text(m: Measure) -> str:
    parts = [f"{STRENGTH_LABELS[m.strength]}: {m.text}"]
    if m.label:
        parts.append(f"kort navn »{m.label}«")
    if m.due_months is not None:
        parts.append(f"frist {m.due_months} md.")
    if m.secures_evidence:
        parts.append("sikrer beviser (før sletning)")
    if m.deletes_images:
        parts.append("anmoder om sletning")
    return " · ".join(parts)


def _indicator_text(c: Condition, model: HandlingModel) -> str:
    return f"{describe_condition(c.when, model)} ({BASIS.get(c.basis, c.basis)})"


def _pairs(before: dict, after: dict, what: str, where: str, show, name=str) -> list[DiffRow]:
    """Rows for the items (by key) that differ; `show(item, key, side)` is an item's text."""
    rows = []
    for key in list(before) + [k for k in after if k not in before]:
        old = show(before[key], key, "before") if key in before else ""
        new = show(after[key], key, "after") if key in after else ""
        if old != new:
            rows.append(DiffRow(where, f"{what}: {name(key)}", old, new))
    return rows


LEVEL_FIELDS = (("title", "Titel"), ("image", "Billedet"), ("offence", "Krænkelsen"),
                ("help", "Hjælpen"), ("duration", "Varighed"))


def _level_rows(old: Level | None, new: Level | None, parent: HandlingModel,
                draft: HandlingModel) -> list[DiffRow]:
    number = (old or new).number  # type: ignore[union-attr]
    where = f"Niveau {number}"
    rows = []
    if old is None or new is None:
        rows.append(DiffRow(where, "Niveauet", old.title if old else "", new.title if new else ""))
    for name, label in LEVEL_FIELDS:
        before, after = getattr(old, name, "") if old else "", getattr(new, name, "") if new else ""
        if before != after and not (name == "title" and (old is None or new is None)):
            rows.append(DiffRow(where, label, before, after))
    flag = {True: "ja", False: "nej", None: ""}
    before = flag[old.police_decide_deletion if old else None]
    after = flag[new.police_decide_deletion if new else None]
    if before != after:
        rows.append(DiffRow(where, "Politiet afgør sletning", before, after))
    models = {"before": parent, "after": draft}
    rows += _pairs({c.reason: c for c in old.indicators} if old else {},
                   {c.reason: c for c in new.indicators} if new else {}, "Indikator", where,
                   lambda c, _k, side: _indicator_text(c, models[side]))
    labels = {**parent.measure_labels(), **draft.measure_labels()}
    rows += _pairs({m.key: m for m in old.measures} if old else {},
                   {m.key: m for m in new.measures} if new else {}, "Tiltag", where,
                   lambda m, _k, _s: _measure_text(m), name=lambda key: labels.get(key, key))
    kept_before = [m.key for m in old.measures if new and new.has(m.key)] if old else []
    kept_after = [m.key for m in new.measures if old and old.has(m.key)] if new else []
    if kept_before != kept_after:
        rows.append(DiffRow(where, "Rækkefølge af tiltag",
                            " → ".join(labels.get(k, k) for k in kept_before),
                            " → ".join(labels.get(k, k) for k in kept_after)))
    return rows


def diff(parent: HandlingModel, draft: HandlingModel) -> list[DiffRow]:
    """Every difference of `draft` from `parent`, model-wide first, then level by level."""
    rows = []
    for name, label in (("title", "Titel"), ("source", "Kilde")):
        if getattr(parent, name) != getattr(draft, name):
            rows.append(DiffRow("Modellen", label, getattr(parent, name), getattr(draft, name)))
    rows += _pairs(dict(parent.signals), dict(draft.signals), "Signal", "Modellen",
                   lambda text, _k, _s: text)
    rows += _pairs({p.key: p for p in parent.prompts}, {p.key: p for p in draft.prompts},
                   "Påmindelse", "Modellen",
                   lambda p, _k, _s: f"{STRENGTH_LABELS[p.strength]}: {p.text}")
    for number in sorted(set(parent.level_numbers) | set(draft.level_numbers)):
        old = parent.level(number) if number in parent.level_numbers else None
        new = draft.level(number) if number in draft.level_numbers else None
        rows += _level_rows(old, new, parent, draft)
    return rows
