"""Experience at close: structured answers stored with the close, and no one-click close of a case
with open "must" measures (issue 12, item 4)."""

from __future__ import annotations

import pytest

from db.case_closing import close_case
from db.case_queries import get_case
from db.case_updates import reopen_case, update_follow_up
from db.cases import create_case
from db.connection import cursor
from model.closing import Closing, OpenMeasure, closing_problems, open_musts
from model.errors import ValidationError
from model.follow_up import FollowUp
from tests.unit.case_helpers import NSJ, TODAY, draft


def closings() -> list[tuple]:
    with cursor() as cur:
        return cur.execute("SELECT seq, closed_month, model_version, chosen_level, level_fit,"
                           " situation, helped, open_musts, note FROM case_closings"
                           " ORDER BY case_id, seq").fetchall()


def status(code: str) -> str:
    return get_case(NSJ, code).status


@pytest.fixture
def code(fresh_db) -> str:
    return create_case(NSJ, "NSJ", draft(), today=TODAY).code  # level 3: six "must" measures


def test_closing_with_open_must_measures_needs_confirmation(code):
    with pytest.raises(ValidationError, match="6 skal-tiltag, der ikke er udført"):
        close_case(NSJ, code, 1, Closing("fit", "better"), today=TODAY)
    assert status(code) == "open" and closings() == []
    close_case(NSJ, code, 1, Closing("fit", "better", confirm_open_musts=True), today=TODAY)
    assert status(code) == "closed"
    assert closings()[0][7] == 6


def test_with_every_must_done_or_not_relevant_no_confirmation_is_asked(code):
    case = get_case(NSJ, code)
    marks = {m.key: ("not_relevant" if i % 2 else "done") for i, m in enumerate(case.measures)
             if m.strength == "must"}
    v = update_follow_up(NSJ, code, 1, FollowUp(marks, police_consulted=True), today=TODAY)
    close_case(NSJ, code, v, Closing("too_high", "same", helped=("care_and_normalisation",)),
               today=TODAY)
    [(seq, month, version, level, fit, situation, helped, musts, note)] = closings()
    assert (seq, version, level, fit, situation, helped, musts, note) == (
        1, "2018", 3, "too_high", "same", ["care_and_normalisation"], 0, None)
    assert month == TODAY.replace(day=1)


def test_only_measures_done_in_the_case_can_have_helped(code):
    with pytest.raises(ValidationError, match="kun tiltag, der er udført"):
        close_case(NSJ, code, 1, Closing("fit", "better", helped=("care_and_normalisation",),
                                         confirm_open_musts=True), today=TODAY)
    assert status(code) == "open"


def test_the_answers_must_be_given_and_the_note_is_screened(code):
    with pytest.raises(ValidationError) as caught:
        close_case(NSJ, code, 1, Closing("maybe", "", note="Ring på 12345678",
                                         confirm_open_musts=True), today=TODAY)
    problems = caught.value.problems
    assert "Svar på, om niveauet passede." in problems
    assert "Svar på, hvordan ofrets situation er nu." in problems
    assert any("telefonnummer" in p for p in problems)
    assert status(code) == "open" and closings() == []


def test_a_reopened_case_closed_again_keeps_both_answers(code):
    v = close_case(NSJ, code, 1, Closing("fit", "worse", confirm_open_musts=True), today=TODAY)
    v = reopen_case(NSJ, code, v)
    close_case(NSJ, code, v, Closing("too_low", "better", note="Gik bedre til sidst",
                                     confirm_open_musts=True), today=TODAY)
    assert [(c[0], c[4], c[5], c[8]) for c in closings()] == [
        (1, "fit", "worse", None), (2, "too_low", "better", "Gik bedre til sidst")]


def test_open_musts_counts_planned_must_measures_only():
    measures = [OpenMeasure("a", "must", "planned"), OpenMeasure("b", "must", "done"),
                OpenMeasure("c", "must", "not_relevant"), OpenMeasure("d", "may_consider", "planned")]
    assert open_musts(measures) == ["a"]
    assert closing_problems(Closing("fit", "same"), done=(), musts_open=0) == []
