"""Backtest a draft over the stored cases: published figures beside its parent version.

The cases are those of the release in force, each with its facts and chosen level as the release
counts them (db/stats_raw.py), read grouped on the facts the two models name (identical ones once);
the proposals come from model/backtest.py, and every figure is published through
db/model_stats.py, as on the statistics pages. A draft picks its cases by its own indicators, so a
backtest is a user-defined table: that is what the cell key method is made for (the same cases
always give the same value, and two drafts differing by one condition do not give away the
difference). Project leaders only; a read, not audited.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from db.connection import cursor
from db.model_drafts import get_draft
from db.model_registry import model_of
from db.model_stats import check_leader, publish_tables, release_on
from db.stats_publish import Spec
from db.stats_raw import released_cases, where
from model.access import Scope
from model.backtest import UNCHANGED, Outcome, run
from model.handling_model import HandlingModel
from model.perturbation import KEY_SPACE
from model.release import Release
from model.stats_filter import StatsFilter
from model.triage import named_base_facts

YES, NO = "ja", "nej"


@dataclass(frozen=True, eq=False)
class Backtest:
    """Published tables: agreement (parent agrees x draft agrees), calibration_parent and
    calibration_draft (proposed x chosen), changes (parent's x draft's proposal), groups (the
    changed cases by transition and the draft's reason); and the release they count."""

    parent: str
    release: Release
    tables: dict[str, pd.DataFrame]


# A base fact of model.case.CaseFacts read from a case's facts JSON (code constants, no user input).
_SETS = ("signals", "platforms")
_INTEGERS = ("reaction",)
_TEXTS = ("age_band", "nudity", "spread")
TEXT_LIST = '["VARCHAR"]'  # the JSON type of a list of texts, for from_json


def _fact_sql(name: str) -> str:
    if name in _SETS:
        return f"from_json(c.facts -> '$.{name}', '{TEXT_LIST}')"
    if name in _INTEGERS:
        return f"(c.facts ->> '$.{name}')::INTEGER"
    if name in _TEXTS:
        return f"c.facts ->> '$.{name}'"
    return f"(c.facts ->> '$.{name}')::BOOLEAN"


def case_groups(names: list[str], release: Release | None) -> list[tuple[tuple, int, int, int]]:
    """The cases of `release` (every stored case with None) as (their values of the base facts
    `names`, chosen level, count, key sum), grouped: cases agreeing on those facts are one group."""
    src, src_params = released_cases(release)
    clause, params = where(StatsFilter(), release, "c")
    select = ", ".join([*(_fact_sql(n) for n in names), "c.chosen_level"])
    with cursor() as cur:
        rows = cur.execute(
            f"SELECT {select}, count(*), (sum(c.record_key) % {KEY_SPACE})::BIGINT"
            f" FROM {src} c WHERE {clause} GROUP BY ALL ORDER BY ALL",  # one order, run after run
            [*src_params, *params]).fetchall()
    width = len(names)
    return [(tuple(tuple(v) if isinstance(v, list) else v for v in row[:width]), *row[width:])
            for row in rows]


def group_label(o: Outcome) -> str:
    return f"Niveau {o.parent} → {o.draft}: {o.why}"


def _frame(outcomes: list[Outcome], columns: dict[str, object]) -> pd.DataFrame:
    data = {name: [get(o) for o in outcomes] for name, get in columns.items()}
    data["n"] = [o.n for o in outcomes]
    data["k"] = [o.k for o in outcomes]
    return pd.DataFrame(data)


def tables(outcomes: list[Outcome], parent: HandlingModel, draft: HandlingModel) -> list[Spec]:
    """The five tables of a backtest, all over the same cases."""
    levels = sorted(set(parent.level_numbers) | set(draft.level_numbers)
                    | {o.chosen for o in outcomes})
    changed = [o for o in outcomes if o.why != UNCHANGED]
    groups = list(dict.fromkeys(group_label(o) for o in sorted(
        changed, key=lambda o: (o.parent, o.draft, o.why))))
    return [
        Spec("agreement", _frame(outcomes, {
            "parent_agrees": lambda o: YES if o.parent == o.chosen else NO,
            "draft_agrees": lambda o: YES if o.draft == o.chosen else NO}),
            "parent_agrees", "draft_agrees", [YES, NO], [YES, NO]),
        Spec("calibration_parent", _frame(outcomes, {"parent": lambda o: o.parent,
                                                      "level": lambda o: o.chosen}),
              "parent", "level", levels, levels),
        Spec("calibration_draft", _frame(outcomes, {"draft": lambda o: o.draft,
                                                     "level": lambda o: o.chosen}),
              "draft", "level", levels, levels),
        Spec("changes", _frame(outcomes, {"parent": lambda o: o.parent, "draft": lambda o: o.draft}),
              "parent", "draft", levels, levels),
        Spec("groups", _frame(changed, {"group": group_label}), "group", None, groups),
    ]


def backtest(scope: Scope, draft_id: int, *, release: Release | None = None) -> Backtest:
    """The draft `draft_id` run over the cases of the release in force (or `release`), beside its
    parent, published."""
    check_leader(scope)
    release = release or release_on()
    draft = get_draft(scope, draft_id)
    parent = model_of(draft.parent_version)
    names = named_base_facts((parent, draft.model))
    outcomes = run(case_groups(names, release), names, parent, draft.model)
    return Backtest(draft.parent_version, release, publish_tables(tables(outcomes, parent, draft.model)))
