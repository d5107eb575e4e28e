"""Backtest a draft over the stored cases: published figures beside its parent version.

The cases' facts are read grouped (identical facts once), the proposals computed by model/backtest.py,
and the counts published as linked tables through db/model_stats.py, so a project leader sees the
same disclosure rules here as on the statistics pages. Project leaders only; a read, not audited.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from db.connection import cursor
from db.model_drafts import get_draft
from db.model_registry import model_of
from db.model_stats import Table, check_leader, known_districts, publish_tables
from model.access import Scope
from model.backtest import UNCHANGED, Outcome, run
from model.handling_model import HandlingModel
from model.suppression import key_of
from model.triage import named_base_facts

YES, NO = "ja", "nej"


@dataclass(frozen=True, eq=False)
class Backtest:
    """Published tables: agreement (parent agrees x draft agrees), calibration_parent and
    calibration_draft (proposed x chosen), changes (parent's x draft's proposal), groups (the
    changed cases by transition and the draft's reason)."""

    parent: str
    tables: dict[str, pd.DataFrame]


# A base fact of model.case.CaseFacts read from a case's facts JSON (code constants, no user input).
_SETS = ("signals", "platforms")
_INTEGERS = ("reaction",)
_TEXTS = ("age_band", "nudity", "spread")


def _fact_sql(name: str) -> str:
    if name in _SETS:
        return f"from_json(facts -> '$.{name}', '[\"VARCHAR\"]')"
    if name in _INTEGERS:
        return f"(facts ->> '$.{name}')::INTEGER"
    if name in _TEXTS:
        return f"facts ->> '$.{name}'"
    return f"(facts ->> '$.{name}')::BOOLEAN"


def case_groups(known: tuple[str, ...], names: list[str]) -> list[tuple[tuple, int, bool, int]]:
    """Every stored case as (its values of the base facts `names`, chosen level, in a known
    district, count), grouped: cases that agree on those facts are one group."""
    columns = [_fact_sql(n) for n in names]
    select = ", ".join([*columns, "chosen_level", "list_contains(?::VARCHAR[], district_code)"])
    with cursor() as cur:
        rows = cur.execute(f"SELECT {select}, count(*) FROM cases GROUP BY ALL",
                           [list(known)]).fetchall()
    width = len(names)
    return [(tuple(tuple(v) if isinstance(v, list) else v for v in row[:width]), *row[width:])
            for row in rows]


def group_label(o: Outcome) -> str:
    return f"Niveau {o.parent} → {o.draft}: {o.why}"


def _frame(outcomes: list[Outcome], columns: dict[str, object]) -> pd.DataFrame:
    data = {"known": [o.known for o in outcomes]}
    data |= {name: [get(o) for o in outcomes] for name, get in columns.items()}
    data["n"] = [o.n for o in outcomes]
    return pd.DataFrame(data)


def tables(outcomes: list[Outcome], parent: HandlingModel, draft: HandlingModel
           ) -> tuple[list[Table], list]:
    """The five linked tables and the equations that tie them (same cases, shared margins)."""
    levels = sorted(set(parent.level_numbers) | set(draft.level_numbers)
                    | {o.chosen for o in outcomes})
    changed = [o for o in outcomes if o.why != UNCHANGED]
    groups = list(dict.fromkeys(group_label(o) for o in sorted(
        changed, key=lambda o: (o.parent, o.draft, o.why))))
    out = [
        Table("agreement", _frame(outcomes, {
            "parent_agrees": lambda o: YES if o.parent == o.chosen else NO,
            "draft_agrees": lambda o: YES if o.draft == o.chosen else NO}),
            "parent_agrees", "draft_agrees", [YES, NO], [YES, NO]),
        Table("calibration_parent", _frame(outcomes, {"parent": lambda o: o.parent,
                                                      "level": lambda o: o.chosen}),
              "parent", "level", levels, levels),
        Table("calibration_draft", _frame(outcomes, {"draft": lambda o: o.draft,
                                                     "level": lambda o: o.chosen}),
              "draft", "level", levels, levels),
        Table("changes", _frame(outcomes, {"parent": lambda o: o.parent, "draft": lambda o: o.draft}),
              "parent", "draft", levels, levels),
        Table("groups", _frame(changed, {"group": group_label}), "group", None, groups,
              fixed=(("changed", True),)),
    ]
    equations = [
        ([key_of(("parent", lvl), ("level", lvl)) for lvl in levels],
         [key_of(("parent_agrees", YES))]),
        ([key_of(("draft", lvl), ("level", lvl)) for lvl in levels],
         [key_of(("draft_agrees", YES))]),
    ]
    for p in levels:
        for d in levels:
            members = [g for g in groups if g.startswith(f"Niveau {p} → {d}:")]
            if p != d:
                equations.append(([key_of(("group", g), ("changed", True)) for g in members],
                                  [key_of(("parent", p), ("draft", d))]))
    return out, equations


def backtest(scope: Scope, draft_id: int) -> Backtest:
    """The draft `draft_id` run over every stored case, beside its parent, as `scope` may see it."""
    check_leader(scope)
    draft = get_draft(scope, draft_id)
    parent = model_of(draft.parent_version)
    names = named_base_facts((parent, draft.model))
    outcomes = run(case_groups(known_districts(scope), names), names, parent, draft.model)
    specs, equations = tables(outcomes, parent, draft.model)
    return Backtest(draft.parent_version, publish_tables(specs, equations))
