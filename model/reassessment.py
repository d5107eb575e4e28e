"""Re-assessing a case in follow-up: new facts, a new proposal, the contact's level, a new plan.

The situation of a victim changes (the image spreads, the reaction worsens). The engine proposes again
under the case's own version, or under the version in force now if the contact chooses so; a level
other than the proposal needs a reason that fits its direction, as at triage. The plan follows the
chosen level, and what was already done is kept (see `replan`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from model.case import CaseFacts, facts_problems, override_problems
from model.follow_up import due_month
from model.handling_model import HandlingModel, Measure


@dataclass(frozen=True)
class Reassessment:
    """What the contact submits: the facts as they are now, the version to assess under, the level."""

    facts: CaseFacts
    model_version: str
    chosen_level: int
    override_reason: str | None = None


@dataclass(frozen=True)
class StoredMeasure:
    key: str
    strength: str
    status: str
    done_month: date | None
    due_month: date | None


@dataclass(frozen=True)
class PlannedMeasure:
    """A row of the case's new plan: position, strength, status and months."""

    key: str
    position: int
    strength: str
    status: str
    done_month: date | None
    due_month: date | None


def reassessment_problems(change: Reassessment, model: HandlingModel, proposed: int) -> list[str]:
    problems = facts_problems(change.facts, model)
    if change.chosen_level not in model.level_numbers:
        problems.append("Vælg et af modellens niveauer.")
    else:
        problems += override_problems(proposed, change.chosen_level, change.override_reason)
    return problems


def replan(current: Sequence[StoredMeasure], plan: Sequence[Measure], model: HandlingModel,
           month: date) -> tuple[list[PlannedMeasure], list[str]]:
    """The case's measures after a re-assessment in `month`, and the keys dropped.

    The new plan's measures in its order: one the case had keeps its status and done month (and its
    due month, if it still has one); a new one is planned, due from `month`. A measure the new plan
    lacks is kept only if it was done (the work happened) and the model still knows it; others go.
    """
    old = {m.key: m for m in current}
    rows = []
    for position, m in enumerate(plan):
        before = old.get(m.key)
        due = due_month(month, m)
        if before is not None and due is not None and before.due_month is not None:
            due = before.due_month
        rows.append(PlannedMeasure(m.key, position, m.strength.value,
                                   before.status if before else "planned",
                                   before.done_month if before else None, due))
    planned = {m.key for m in plan}
    known = set(model.measure_keys())
    dropped = []
    for m in current:
        if m.key in planned:
            continue
        if m.status == "done" and m.key in known:
            rows.append(PlannedMeasure(m.key, len(rows), m.strength, "done", m.done_month, None))
        else:
            dropped.append(m.key)
    return rows, dropped
