"""Re-assessment in follow-up: new facts, a new proposal, the chosen level with a fitting reason,
the plan that follows, and the history of levels."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from db import model_drafts as drafts
from db.case_closing import close_case
from db.case_queries import get_case
from db.case_reassessment import allowed_versions, reassess
from db.case_updates import update_follow_up
from db.cases import create_case
from db.connection import cursor
from model.access import Role
from model.case import CaseFacts
from model.errors import ConflictError, NotFound, ValidationError
from model.follow_up import FollowUp
from model.handling_model import Strength, load_model
from model.reassessment import Reassessment, StoredMeasure, replan
from tests.conftest import scope_of
from tests.unit.case_helpers import CLOSE, KBH, LEVEL_3_FACTS, NSJ, TODAY, draft
from tests.unit.model_helpers import fifth_level_draft

LEADER = scope_of(41, "projektleder@example.com", (Role.PROJECT_LEADER, None))
LATER = date(2026, 8, 10)
LEVEL_2_FACTS = CaseFacts(age_band="18_plus", nudity="partly_nude", platforms=("snapchat",))
WORSE = replace(LEVEL_2_FACTS, nudity="nude", face_recognisable=True, spread="public",
                platforms=("snapchat", "tiktok"))
MODEL = load_model("2018")


@pytest.fixture
def code(fresh_db) -> str:
    return create_case(NSJ, "NSJ", draft(LEVEL_2_FACTS, chosen_level=2), today=TODAY).code


def test_the_triage_is_the_first_line_of_the_history(code):
    [first] = get_case(NSJ, code).history
    assert (first.seq, first.month, first.proposed_level, first.chosen_level) == (
        1, date(2026, 4, 1), 2, 2)


def test_worse_facts_give_a_new_proposal_a_new_plan_and_a_history_line(code):
    v = update_follow_up(NSJ, code, 1, FollowUp({"care_and_normalisation": "done"}), today=TODAY)
    reassess(NSJ, code, v, Reassessment(WORSE, "2018", 3), today=LATER)
    case = get_case(NSJ, code)
    assert (case.proposed_level, case.chosen_level, case.facts) == (3, 3, WORSE)
    assert [(a.seq, a.month, a.proposed_level, a.chosen_level) for a in case.history] == [
        (1, date(2026, 4, 1), 2, 2), (2, date(2026, 8, 1), 3, 3)]
    measures = {m.key: m for m in case.measures}
    assert [m.key for m in case.measures][:2] == ["care_and_normalisation",
                                                  "contact_police_resource_person"]
    assert measures["care_and_normalisation"].status == "done"  # kept
    assert measures["contact_passive_offenders"].due_month == date(2026, 8, 1)  # due from now
    assert "advisory_conversations" not in measures  # level 2's "may" measure, not done: dropped
    assert set(case.takedowns) == {"snapchat", "tiktok"}
    with cursor() as cur:
        details = cur.execute("SELECT details FROM audit_log WHERE action = 'case.reassess'"
                              ).fetchone()[0]
    assert '"from_level": 2' in details and '"chosen_level": 3' in details


def test_a_level_other_than_the_proposal_needs_a_reason_that_fits(code):
    with pytest.raises(ValidationError, match="Vælg en begrundelse"):
        reassess(NSJ, code, 1, Reassessment(WORSE, "2018", 4), today=LATER)
    with pytest.raises(ValidationError, match="passer ikke til et højere niveau"):
        reassess(NSJ, code, 1, Reassessment(WORSE, "2018", 4, "reaction_weaker"), today=LATER)
    reassess(NSJ, code, 1, Reassessment(WORSE, "2018", 4, "reaction_stronger"), today=LATER)
    last = get_case(NSJ, code).history[-1]
    assert (last.proposed_level, last.chosen_level, last.override_reason) == (
        3, 4, "reaction_stronger")


def test_a_confirmation_of_the_same_level_is_history_too(code):
    reassess(NSJ, code, 1, Reassessment(LEVEL_2_FACTS, "2018", 2), today=LATER)
    assert [a.chosen_level for a in get_case(NSJ, code).history] == [2, 2]


def test_the_current_version_may_be_chosen_any_other_is_refused(code):
    draft_id = drafts.create_draft(LEADER, "2018", "Fem niveauer")
    drafts.save_draft(LEADER, draft_id, 1, fifth_level_draft())
    drafts.publish(LEADER, draft_id, 2, "2019", date(2026, 6, 1), today=TODAY)
    assert allowed_versions("2018", LATER) == ["2018", "2019"]
    assert allowed_versions("2018", TODAY) == ["2018"]
    level_5 = replace(WORSE, threats=True)
    with pytest.raises(ValidationError, match="sagens egen version eller den gældende"):
        reassess(NSJ, code, 1, Reassessment(level_5, "2019", 5), today=TODAY)
    reassess(NSJ, code, 1, Reassessment(level_5, "2019", 5), today=LATER)
    case = get_case(NSJ, code)
    assert (case.model_version, case.chosen_level) == ("2019", 5)
    assert [(a.model_version, a.chosen_level) for a in case.history] == [("2018", 2), ("2019", 5)]


def test_a_stale_form_a_closed_case_and_another_district_are_refused(code):
    update_follow_up(NSJ, code, 1, FollowUp({"care_and_normalisation": "done"}), today=TODAY)
    with pytest.raises(ConflictError):
        reassess(NSJ, code, 1, Reassessment(WORSE, "2018", 3), today=LATER)
    with pytest.raises(NotFound):
        reassess(KBH, code, 2, Reassessment(WORSE, "2018", 3), today=LATER)
    close_case(NSJ, code, 2, CLOSE, today=TODAY)
    with pytest.raises(ValidationError, match="lukket"):
        reassess(NSJ, code, 3, Reassessment(WORSE, "2018", 3), today=LATER)
    assert len(get_case(NSJ, code).history) == 1


def test_facts_the_form_cannot_give_are_refused_and_nothing_changes(code):
    with pytest.raises(ValidationError, match="Vælg, hvad billedet viser"):
        reassess(NSJ, code, 1, Reassessment(replace(WORSE, nudity="naked"), "2018", 3), today=LATER)
    assert get_case(NSJ, code).row_version == 1


# --- the re-plan, pure ----------------------------------------------------------------------------

def test_replan_keeps_done_work_and_due_months_and_drops_untouched_measures():
    month = date(2026, 8, 1)
    current = [StoredMeasure("care_and_normalisation", "must", "done", date(2026, 4, 1),
                             date(2026, 4, 1)),
               StoredMeasure("local_circumstances", "must", "planned", None, date(2026, 4, 1)),
               StoredMeasure("advisory_conversations", "may_consider", "done", date(2026, 5, 1),
                             None),
               StoredMeasure("conflict_mediation", "may_consider", "planned", None, None)]
    plan = MODEL.level(3).measures
    rows, dropped = replan(current, plan, MODEL, month)
    by_key = {r.key: r for r in rows}
    assert [r.key for r in rows][:len(plan)] == [m.key for m in plan]
    assert by_key["care_and_normalisation"].status == "done"
    assert by_key["care_and_normalisation"].due_month == date(2026, 4, 1)  # kept
    assert by_key["contact_passive_offenders"].due_month == month  # new: due from now
    assert by_key["conflict_mediation"].strength == Strength.SHOULD_CONSIDER.value
    assert by_key["advisory_conversations"].status == "done"  # done work stays, after the plan
    assert dropped == ["local_circumstances"]
    assert LEVEL_3_FACTS.nudity == "nude"
