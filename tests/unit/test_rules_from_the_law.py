"""Rules read from the source and the law: threats and revenge always prompt the police resource
person; an override reason must fit its direction; old cases keep the notices they were saved with."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from db.case_queries import get_case
from db.cases import create_case
from db.connection import cursor
from model.case import CaseFacts, draft_problems, override_problems, override_reasons
from model.errors import ValidationError
from model.handling_model import Strength, load_model
from model.triage import assess, plan, saved_notices
from model.vocab import OVERRIDE_REASONS
from tests.unit.case_helpers import NSJ, TODAY, draft

MODEL = load_model("2018")
CLOTHED_ADULT = CaseFacts(age_band="18_plus", nudity="clothed")


@pytest.mark.parametrize("fact", ["threats", "revenge_motive"])
def test_threats_or_revenge_prompt_the_police_resource_person_whatever_the_image(fact):
    facts = replace(CLOTHED_ADULT, **{fact: True})
    result = assess(facts, MODEL)
    assert result.proposed_level == 1  # the image alone says level 1
    assert fact in result.notice_keys
    police = next(m for m in result.measures if m.key == "contact_police_resource_person")
    assert police.strength is Strength.MUST


def test_the_threats_notice_names_the_offence_and_gives_no_verdict():
    [notice] = assess(replace(CLOTHED_ADULT, threats=True), MODEL).notices
    assert "§ 266" in notice and "tager ikke stilling" in notice


def test_without_threats_or_revenge_a_clothed_adult_gets_no_prompt():
    result = assess(CLOTHED_ADULT, MODEL)
    assert result.notices == () and "contact_police_resource_person" not in [
        m.key for m in result.measures]


def test_the_laws_prompt_raises_a_weaker_police_measure_of_the_level_to_must():
    facts = CaseFacts(age_band="18_plus", nudity="clothed", reaction=2, threats=True)
    police = next(m for m in plan(facts, MODEL, 2).measures
                  if m.key == "contact_police_resource_person")
    assert police.strength is Strength.MUST  # level 2 says "kan overvejes"


def test_a_case_saved_before_the_laws_prompts_keeps_the_notices_it_had():
    facts = replace(CLOTHED_ADULT, threats=True)
    assert saved_notices(facts, MODEL, 1, None) == ()
    assert saved_notices(facts, MODEL, 1, ("threats",)) == plan(facts, MODEL, 1).notices


def test_a_new_case_stores_its_prompts_and_shows_them_later(fresh_db):
    code = create_case(NSJ, "NSJ", draft(replace(CLOTHED_ADULT, revenge_motive=True), chosen_level=1),
                       today=TODAY).code
    case = get_case(NSJ, code)
    assert case.notices == ("revenge_motive",)
    with cursor() as cur:  # a case from before: no keys stored
        cur.execute("UPDATE cases SET notices = NULL")
    assert get_case(NSJ, code).notices is None


# --- override reasons fit their direction --------------------------------------------------------

def test_a_weaker_reaction_cannot_raise_the_level():
    [problem] = override_problems(2, 3, "reaction_weaker")
    assert "passer ikke til et højere niveau" in problem
    assert override_problems(3, 2, "reaction_weaker") == []


@pytest.mark.parametrize("reason", ["reaction_stronger", "spread_wider", "vulnerable"])
def test_reasons_for_more_help_cannot_lower_the_level(reason):
    assert override_problems(3, 2, reason) != []
    assert override_problems(2, 3, reason) == []


def test_the_form_offers_only_the_reasons_that_fit_the_direction():
    assert "reaction_weaker" not in override_reasons(1, 3)
    assert "reaction_stronger" not in override_reasons(3, 1)
    both = {"police_advice", "other_professional"}
    assert both <= set(override_reasons(1, 3)) and both <= set(override_reasons(3, 1))
    assert set(override_reasons(1, 3)) | set(override_reasons(3, 1)) == set(OVERRIDE_REASONS)
    assert override_reasons(2, 2) == []


def test_a_draft_raising_with_a_weaker_reaction_is_refused_and_nothing_is_saved(fresh_db):
    bad = draft(chosen_level=4, override_reason="reaction_weaker")
    assert any("passer ikke" in p for p in draft_problems(bad, MODEL, 3, date(2026, 5, 20)))
    with pytest.raises(ValidationError, match="passer ikke til et højere niveau"):
        create_case(NSJ, "NSJ", bad, today=TODAY)
    with cursor() as cur:
        assert cur.execute("SELECT count(*) FROM cases").fetchone()[0] == 0
