"""Backtest of a draft over the stored cases: the engine's own answers, counted and published."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from datetime import date

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db import model_drafts as drafts
from db.cases import create_case
from db.connection import cursor
from db.model_backtest import backtest, case_groups, group_label
from model.access import Role
from model.backtest import UNCHANGED, Proposer, run
from model.case import NUDITY, SPREAD, CaseFacts
from model.errors import AccessDenied
from model.handling_model import load_model
from model.perturbation import CELL_KEY
from model.published import TOTAL
from model.release import Release
from model.triage import assess, fact_values, named_base_facts, propose
from model.vocab import AGE_BANDS, PLATFORMS
from tests.conftest import scope_of
from tests.unit.case_helpers import NSJ, draft
from tests.unit.model_helpers import LEVEL_5_REASON, fifth_level_draft
from tests.unit.test_model_rules import _random_model

LEADER = scope_of(41, "projektleder@example.com", (Role.PROJECT_LEADER, None))
TODAY = date(2026, 5, 20)
FUTURE = Release.on_day(date(2030, 1, 20))  # by then every test case (months of 2026) is released
MODEL = load_model("2018")
DRAFT = fifth_level_draft()
SIGNALS = list(MODEL.signal_labels)

facts_strategy = st.builds(
    CaseFacts, st.sampled_from(list(AGE_BANDS)), st.sampled_from(list(NUDITY)),
    st.sampled_from(list(SPREAD)), st.booleans(), st.booleans(), st.booleans(), st.booleans(),
    st.booleans(), st.sampled_from([None, 1, 2, 3, 4, 5]),
    st.lists(st.sampled_from(SIGNALS), unique=True, max_size=4).map(tuple),
    st.lists(st.sampled_from(list(PLATFORMS)), unique=True, max_size=3).map(tuple))


@settings(max_examples=300, deadline=None)
@given(facts_strategy, st.integers(0, 24))
def test_the_compiled_rule_proposes_what_the_engine_proposes(facts, seed):
    model = _random_model(random.Random(seed)) if seed else DRAFT
    values = fact_values(facts)
    assert Proposer(model)(values) == propose(values, model) == assess(facts, model).proposed_level


def _random_facts(rng: random.Random) -> CaseFacts:
    return CaseFacts(rng.choice(list(AGE_BANDS)), rng.choice(list(NUDITY)), rng.choice(list(SPREAD)),
                     *(rng.random() < 0.4 for _ in range(5)), rng.choice([None, 1, 2, 3, 4]),
                     tuple(rng.sample(SIGNALS, rng.randint(0, 2))),
                     tuple(rng.sample(list(PLATFORMS), rng.randint(0, 2))))


def test_the_counts_over_stored_cases_are_the_engines_answers_case_by_case(fresh_db):
    rng = random.Random(3)
    for _ in range(60):
        facts = _random_facts(rng)
        proposed = assess(facts, MODEL).proposed_level
        chosen = rng.choice([proposed, proposed, min(proposed + 1, 4)])
        reason = None if chosen == proposed else "police_advice"
        create_case(NSJ, "NSJ", draft(facts, chosen_level=chosen, override_reason=reason),
                    today=TODAY)
    with cursor() as cur:
        stored = cur.execute("SELECT facts, chosen_level FROM cases").fetchall()
    expected = Counter()
    for text, chosen in stored:
        facts = CaseFacts.from_json(text)
        expected[(assess(facts, MODEL).proposed_level, assess(facts, DRAFT).proposed_level,
                  chosen)] += 1
    names = named_base_facts((MODEL, DRAFT))
    outcomes = run(case_groups(names, None), names, MODEL, DRAFT)
    assert Counter({(o.parent, o.draft, o.chosen): o.n for o in outcomes}) == expected
    assert run(case_groups(names, FUTURE), names, MODEL, DRAFT) == outcomes  # all released by then
    assert sum(expected.values()) == 60
    assert all((o.why == UNCHANGED) == (o.parent == o.draft) for o in outcomes)


def test_only_the_facts_the_models_name_are_read():
    assert "platforms" not in named_base_facts((MODEL, DRAFT))
    assert "age_band" not in named_base_facts((MODEL, DRAFT))
    assert {"threats", "spread", "signals", "reaction"} <= set(named_base_facts((MODEL, DRAFT)))


LEVEL_5 = CaseFacts("16_17", "nude", "public", face_recognisable=True, threats=True)
LEVEL_4 = CaseFacts("16_17", "nude", "few", face_recognisable=True, identity_exposed=True)


def _draft_id() -> int:
    draft_id = drafts.create_draft(LEADER, "2018", "Fem niveauer")
    drafts.save_draft(LEADER, draft_id, 1, DRAFT)
    return draft_id


def _value(frame: pd.DataFrame, **where) -> object:
    mask = pd.Series(True, index=frame.index)
    for col, val in where.items():
        mask &= frame[col].astype(object) == val
    [value] = frame.loc[mask, "n"].tolist()
    return value


def within_noise(published: object, true: int) -> bool:
    return abs(int(published) - true) <= CELL_KEY.noise_bound


def test_the_published_backtest_shows_the_changes_with_every_figure_perturbed(fresh_db):
    for _ in range(7):
        create_case(NSJ, "NSJ", draft(LEVEL_5, chosen_level=4), today=TODAY)
    for _ in range(9):
        create_case(NSJ, "NSJ", draft(LEVEL_4, chosen_level=4), today=TODAY)
    for _ in range(2):  # two cases the contact raised: a count of 2 may never be shown
        create_case(NSJ, "NSJ", draft(LEVEL_4, chosen_level=4), today=TODAY)
    create_case(NSJ, "NSJ", draft(replace(LEVEL_4, threats=True, spread="public", reaction=3),
                                  chosen_level=4), today=TODAY)
    result = backtest(LEADER, _draft_id(), release=FUTURE)
    t = result.tables
    assert result.parent == "2018"
    moved = _value(t["changes"], parent=4, draft=5)
    assert within_noise(moved, 8)
    # The same cases give the same published figure in every table (the cell key method).
    assert _value(t["calibration_draft"], draft=5, level=4) == moved
    assert _value(t["agreement"], parent_agrees="ja", draft_agrees="nej") == moved
    assert _value(t["groups"], group=TOTAL) == moved
    total = _value(t["agreement"], parent_agrees=TOTAL, draft_agrees=TOTAL)
    assert within_noise(total, 19)
    assert _value(t["calibration_parent"], parent=TOTAL, level=TOTAL) == total
    [label] = [g for g in t["groups"]["group"] if g != TOTAL]
    assert label.startswith("Niveau 4 → 5: ") and LEVEL_5_REASON in label
    for frame in t.values():  # the perturbation never publishes 1 or 2
        assert not frame["n"].dropna().astype(int).isin([1, 2]).any()


def test_cases_not_yet_released_are_not_backtested(fresh_db):
    create_case(NSJ, "NSJ", draft(LEVEL_5, chosen_level=4), today=TODAY)
    early = backtest(LEADER, _draft_id(), release=Release.on_day(date(2026, 5, 1)))
    assert _value(early.tables["agreement"], parent_agrees=TOTAL, draft_agrees=TOTAL) == 0


def test_the_group_label_names_the_transition_and_the_reason():
    names = named_base_facts((MODEL, DRAFT))
    values = fact_values(CaseFacts("18_plus", "clothed", "public", threats=True))
    outcome = run([(tuple(values[n] for n in names), 1, 1, 12345)], names, MODEL, DRAFT)
    assert group_label(outcome[0]) == f"Niveau 1 → 5: {LEVEL_5_REASON}"


def test_only_project_leaders_may_backtest(fresh_db):
    draft_id = _draft_id()
    with pytest.raises(AccessDenied):
        backtest(NSJ, draft_id)
