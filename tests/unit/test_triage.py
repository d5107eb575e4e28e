"""The triage engine, tested with cases paraphrased from the source's own level descriptions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from model.case import CaseFacts
from model.handling_model import Strength, load_model, parse_model
from model.triage import NO_INDICATOR, assess, plan

MODEL = load_model("2018")


def keys(measures) -> list[str]:
    return [m.key for m in measures]


def strength_of(measures, key: str) -> Strength:
    return next(m.strength for m in measures if m.key == key)


# --- Level 1: "Billedet er enten med undertøj, bikini og/eller uden genkendeligt ansigt" ----------

def test_bikini_picture_without_face_of_an_adult_is_level_1():
    result = assess(CaseFacts(age_band="18_plus", nudity="underwear"), MODEL)
    assert result.proposed_level == 1
    assert {r.text for r in result.reasons} == {
        "Billedet er med undertøj eller bikini", "Ansigtet er ikke genkendeligt"}
    assert keys(result.measures) == [
        "care_and_normalisation", "local_circumstances", "supportive_conversations"]
    assert result.notices == ()


def test_level_1_is_proposed_when_nothing_points_higher():
    facts = CaseFacts(age_band="18_plus", nudity="clothed", face_recognisable=True)
    result = assess(facts, MODEL)
    assert result.proposed_level == 1
    assert [r.text for r in result.reasons] == [NO_INDICATOR]


def test_level_1_help_is_short_supportive_conversations_all_must():
    measures = plan(CaseFacts(age_band="18_plus", nudity="underwear"), MODEL, 1).measures
    assert {m.strength for m in measures} == {Strength.MUST}
    assert "kortvarigt" in MODEL.level(1).measure("supportive_conversations").text


# --- Level 2: "Billedet er med nøgne dele af kroppen ... med og uden genkendeligt ansigt" ---------

@pytest.mark.parametrize("face", [True, False])
def test_naked_body_parts_with_or_without_face_is_level_2(face):
    facts = CaseFacts(age_band="18_plus", nudity="partly_nude", face_recognisable=face)
    result = assess(facts, MODEL)
    assert result.proposed_level == 2
    assert [r.text for r in result.reasons] == ["Billedet er med nøgne dele af kroppen"]


def test_level_2_offers_takedown_visitation_advice_and_mediation_as_may_consider():
    facts = CaseFacts(age_band="18_plus", nudity="clothed", reaction=2)
    measures = plan(facts, MODEL, 2).measures
    for key in ("takedown_request", "contact_police_resource_person", "advisory_conversations",
                "conflict_mediation"):
        assert strength_of(measures, key) is Strength.MAY_CONSIDER
    assert keys(measures)[:2] == ["care_and_normalisation", "local_circumstances"]


def test_a_victim_who_wants_help_is_level_2_even_with_a_bikini_picture():
    facts = CaseFacts(age_band="18_plus", nudity="underwear", reaction=2)
    result = assess(facts, MODEL)
    assert result.proposed_level == 2
    assert [r.text for r in result.reasons] == ["Ofret reagerer med behov for hjælp"]


def test_an_observed_signal_lifts_a_level_1_picture_to_level_2_as_interpretation():
    facts = CaseFacts(age_band="18_plus", nudity="underwear", signals=("school_absence",))
    result = assess(facts, MODEL)
    assert result.proposed_level == 2
    assert [r.basis for r in result.reasons] == ["tolkning"]


# --- Level 3: "Billedet er et nøgenbillede med ansigt og ofret kan genkendes" ---------------------

def test_nude_picture_with_recognisable_face_is_level_3():
    facts = CaseFacts(age_band="18_plus", nudity="nude", face_recognisable=True)
    result = assess(facts, MODEL)
    assert result.proposed_level == 3
    assert [r.text for r in result.reasons] == [
        "Billedet er et nøgenbillede med ansigt, og ofret kan genkendes"]
    assert [r.basis for r in result.reasons] == ["kilde"]


def test_panic_reaction_is_level_3_whatever_the_picture():
    facts = CaseFacts(age_band="18_plus", nudity="underwear", reaction=3)
    assert assess(facts, MODEL).proposed_level == 3


def test_level_3_requires_police_assessment_before_platforms_and_should_consider_mediation():
    facts = CaseFacts(age_band="18_plus", nudity="nude", face_recognisable=True)
    measures = assess(facts, MODEL).measures
    order = keys(measures)
    assert order.index("contact_police_resource_person") < order.index("takedown_request")
    for key in ("contact_police_resource_person", "contact_passive_offenders", "takedown_request",
                "regular_contact_resource_persons"):
        assert strength_of(measures, key) is Strength.MUST
    assert strength_of(measures, "conflict_mediation") is Strength.SHOULD_CONSIDER
    assert order[-1] == "conflict_mediation"


# --- Level 4: "nøgenbillede eller ... erotisk eller pornografisk motiv ... hævnmotiv ... trusler" --

def test_erotic_picture_with_face_is_level_4():
    facts = CaseFacts(age_band="18_plus", nudity="underwear", erotic_motif=True,
                      face_recognisable=True)
    result = assess(facts, MODEL)
    assert result.proposed_level == 4
    assert [r.text for r in result.reasons] == [
        "Billedet har et erotisk eller pornografisk motiv af ofret med ansigt, og ofret kan genkendes"]


def test_nude_picture_with_face_and_full_identity_is_level_4():
    facts = CaseFacts(age_band="18_plus", nudity="nude", face_recognisable=True,
                      identity_exposed=True)
    assert assess(facts, MODEL).proposed_level == 4


def test_revenge_motive_and_threats_are_both_named_as_reasons_for_level_4():
    facts = CaseFacts(age_band="16_17", nudity="nude", face_recognisable=True,
                      revenge_motive=True, threats=True)
    result = assess(facts, MODEL)
    assert result.proposed_level == 4
    assert {r.text for r in result.reasons} == {"Der er tale om et hævnmotiv", "Der er trusler"}


def test_threats_without_a_sexual_picture_do_not_reach_level_4():
    facts = CaseFacts(age_band="18_plus", nudity="clothed", threats=True)
    assert assess(facts, MODEL).proposed_level == 1


def test_level_4_requires_police_report_first_and_takedown_after_police():
    facts = CaseFacts(age_band="18_plus", nudity="nude", face_recognisable=True, reaction=4)
    measures = assess(facts, MODEL).measures
    order = keys(measures)
    assert order[0] == "police_report"
    assert order.index("contact_police_resource_person") < order.index("takedown_request")
    assert strength_of(measures, "police_report") is Strength.MUST
    assert strength_of(measures, "psychologist_lawyer") is Strength.MAY_CONSIDER
    assert strength_of(measures, "conflict_mediation") is Strength.MAY_CONSIDER


def test_measures_run_from_must_to_may():
    for level in MODEL.level_numbers:
        ranks = [m.strength.rank for m in plan(CaseFacts("18_plus", "nude"), MODEL, level).measures]
        assert ranks == sorted(ranks)


# --- Prompts: §235 / §264 d ------------------------------------------------------------------------

def test_minor_with_sexual_picture_prompts_police_consultation_as_must_at_level_2():
    facts = CaseFacts(age_band="13_15", nudity="partly_nude")
    result = assess(facts, MODEL)
    assert result.proposed_level == 2
    assert strength_of(result.measures, "contact_police_resource_person") is Strength.MUST
    order = keys(result.measures)
    assert order.index("contact_police_resource_person") < order.index("takedown_request")
    assert len(result.notices) == 1
    assert "§ 235" in result.notices[0]
    assert "tager ikke stilling" in result.notices[0]


def test_minor_prompt_adds_police_consultation_to_a_level_without_it():
    facts = CaseFacts(age_band="under_13", nudity="underwear", erotic_motif=True)
    measures = plan(facts, MODEL, 1).measures
    assert strength_of(measures, "contact_police_resource_person") is Strength.MUST
    assert not MODEL.level(1).has("contact_police_resource_person")


def test_minor_in_bikini_without_erotic_motif_gets_no_legal_prompt():
    facts = CaseFacts(age_band="13_15", nudity="underwear")
    assert assess(facts, MODEL).notices == ()


def test_adult_sexual_picture_prompts_should_consider_under_264d():
    facts = CaseFacts(age_band="18_plus", nudity="partly_nude")
    result = assess(facts, MODEL)
    assert strength_of(result.measures, "contact_police_resource_person") is Strength.SHOULD_CONSIDER
    assert "§ 264 d" in result.notices[0]
    assert "§ 235" not in result.notices[0]


def test_prompt_never_weakens_a_must_measure():
    facts = CaseFacts(age_band="18_plus", nudity="nude", face_recognisable=True)
    measures = assess(facts, MODEL).measures
    assert strength_of(measures, "contact_police_resource_person") is Strength.MUST


def test_the_result_records_the_model_version():
    assert assess(CaseFacts("18_plus", "nude"), MODEL).model_version == "2018"


def test_evidence_comes_before_deletion_even_if_a_definition_lists_it_later():
    level3 = MODEL.level(3)
    swapped = tuple(sorted(level3.measures, key=lambda m: not m.deletes_images))
    model = replace(MODEL, levels=(*MODEL.levels[:2], replace(level3, measures=swapped),
                                   MODEL.levels[3]))
    order = keys(plan(CaseFacts("18_plus", "nude"), model, 3).measures)
    assert order.index("contact_police_resource_person") < order.index("takedown_request")


def test_a_fifth_level_in_a_new_version_is_proposed_by_its_own_indicator():
    from tests.unit.test_handling_model import FIFTH_LEVEL
    model = parse_model(FIFTH_LEVEL)
    result = assess(CaseFacts("18_plus", "clothed", threats=True), model)
    assert result.proposed_level == 5
    assert keys(result.measures) == ["police_report"]
