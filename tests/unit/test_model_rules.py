"""The rules a version must meet before it is published, each with a draft that breaks it."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace

import pytest

from model.case import NUDITY, SPREAD, CaseFacts
from model.errors import ValidationError
from model.fact_catalogue import FACTS
from model.handling_model import Condition, Measure, Range, Strength, load_model
from model.model_edit import add_level, remove_top_level, with_level
from model.model_rules import model_problems
from model.reachability import domains, unreachable_levels
from model.triage import KNOWN_FACTS, fact_values, propose
from model.vocab import AGE_BANDS, PLATFORMS
from tests.unit.model_helpers import LEVEL_5_TITLE, fifth_level_draft

MODEL = load_model("2018")


def level(n: int, model=MODEL, **changes):
    return replace(model.level(n), **changes)


def test_the_shipped_version_and_the_fifth_level_draft_pass_every_rule():
    assert model_problems(MODEL) == []
    assert model_problems(fifth_level_draft()) == []


def test_the_catalogue_covers_exactly_the_facts_the_engine_reads():
    assert set(FACTS) == KNOWN_FACTS


def test_a_new_level_without_measures_or_indicators_is_named():
    draft = add_level(MODEL, LEVEL_5_TITLE, "billede", "hjælp", "varighed")
    problems = model_problems(draft)
    assert "Niveau 5: niveauet skal have mindst ét tiltag." in problems
    fixed = with_level(draft, level(5, draft, measures=MODEL.level(1).measures))
    assert model_problems(fixed) == ["Niveau 5 kan aldrig blive foreslået: ingen sag kan opfylde "
                                     "en af dets indikatorer uden også at opfylde et højere niveaus."]


def test_every_level_needs_its_texts():
    draft = with_level(MODEL, level(2, title=" ", help=""))
    problems = model_problems(draft)
    assert "Niveau 2: skriv titlen." in problems
    assert "Niveau 2: skriv beskrivelsen af hjælpen." in problems


def test_every_measure_needs_a_text_and_a_proper_key():
    lvl = level(1)
    bad = (replace(lvl.measures[0], text=""), replace(lvl.measures[1], key="Udred!"))
    problems = model_problems(with_level(MODEL, replace(lvl, measures=bad + lvl.measures[2:])))
    assert "Niveau 1, tiltag 1: skriv teksten." in problems
    assert any(p.startswith("Niveau 1, tiltag 2: nøglen skal være små bogstaver") for p in problems)


def test_indicators_only_use_facts_the_form_asks_for_with_values_it_can_give():
    indicators = (Condition("Skolen er nævnt", (("school_name", "x"),)),
                  Condition("Nøgen", (("nudity", ("naked",)),)),
                  Condition("Reaktion 7", (("reaction", 7),)),
                  Condition("Ingen betingelse", ()))
    problems = model_problems(with_level(MODEL, level(2, indicators=indicators)))
    assert "Niveau 2, indikator 1: »school_name« er ikke en oplysning, formularen spørger om." in problems
    assert ("Niveau 2, indikator 2: »Hvad viser billedet?« nævner en værdi, formularen ikke kender."
            in problems)
    assert any(p.startswith("Niveau 2, indikator 3: »Ofrets reaktion") for p in problems)
    assert "Niveau 2, indikator 4: vælg mindst én oplysning, indikatoren bygger på." in problems


def test_a_level_shadowed_by_a_higher_one_is_unreachable():
    only_nude_face = (Condition("Nøgen med ansigt", (("nudity", ("nude",)), ("face_recognisable", True))),)
    nude = Condition("Nøgen", (("nudity", ("nude",)),))
    nude_is_four = level(4, indicators=(*MODEL.level(4).indicators, nude))
    draft = with_level(with_level(MODEL, level(3, indicators=only_nude_face)), nude_is_four)
    assert unreachable_levels(draft) == [3]
    assert any(p.startswith("Niveau 3 kan aldrig blive foreslået") for p in model_problems(draft))


def test_the_lowest_level_is_unreachable_when_a_higher_indicator_always_holds():
    always = (Condition("Altid", (("signal_count", Range(at_least=0)),)),)
    assert unreachable_levels(with_level(MODEL, level(2, indicators=always))) == [1]


def test_only_must_measures_have_a_due_time_within_two_years():
    lvl = level(2)
    measures = (replace(lvl.measures[0], due_months=30), replace(lvl.measures[2], due_months=1))
    problems = model_problems(with_level(MODEL, replace(lvl, measures=measures + lvl.measures[3:])))
    assert "Niveau 2, tiltag 1: fristen skal være mellem 0 og 24 måneder." in problems
    assert "Niveau 2, tiltag 2: kun skal-tiltag kan have en frist." in problems


def test_where_police_decide_deletion_a_police_contact_must_secure_evidence():
    lvl = level(3)
    measures = tuple(m for m in lvl.measures if not m.secures_evidence)
    problems = model_problems(with_level(MODEL, replace(lvl, measures=measures)))
    assert any("politiet afgør sletning, men intet tiltag kontakter politiet" in p for p in problems)


def test_a_measures_short_name_is_the_same_on_every_level():
    lvl = level(2)
    renamed = (replace(lvl.measures[0], label="Omsorg"), *lvl.measures[1:])
    # The editor renames the measure everywhere ...
    edited = with_level(MODEL, replace(lvl, measures=renamed))
    assert {edited.level(n).measure("care_and_normalisation").label for n in (1, 2, 3)} == {"Omsorg"}
    assert model_problems(edited) == []
    # ... a file edited by hand may not.
    by_hand = replace(MODEL, levels=(MODEL.levels[0], replace(lvl, measures=renamed), *MODEL.levels[2:]))
    assert any("forskellige korte navne" in p for p in model_problems(by_hand))


def test_the_measure_the_laws_prompts_name_must_exist():
    levels = tuple(replace(lvl, measures=tuple(m for m in lvl.measures
                                               if m.key != "contact_police_resource_person"))
                   for lvl in MODEL.levels)
    problems = model_problems(replace(MODEL, levels=levels, prompts=()))
    assert ("Modellen skal have tiltaget »contact_police_resource_person«: lovens påmindelser "
            "henviser til det.") in problems


def test_model_texts_are_screened_for_identifiers():
    problems = model_problems(with_level(MODEL, level(1, help="Ring til 12 34 56 78")))
    assert any(p.startswith("Niveau 1, beskrivelsen af hjælpen: Teksten indeholder et telefonnummer")
               for p in problems)


def test_levels_are_added_on_top_and_removed_from_the_top_only():
    draft = fifth_level_draft()
    assert draft.level_numbers == (1, 2, 3, 4, 5)
    assert remove_top_level(draft) == MODEL
    single = replace(MODEL, levels=MODEL.levels[:1])
    with pytest.raises(ValidationError, match="mindst ét niveau"):
        remove_top_level(single)


# --- reachability checked against the engine itself ------------------------------------------

def _proposals_by_brute_force(model) -> set[int]:
    conditions = [c.when for lvl in model.levels for c in lvl.indicators]
    doms = domains(model, conditions)
    names = list(doms)
    found = set()
    for combo in itertools.product(*(doms[n] for n in names)):
        facts = CaseFacts(**dict(zip(names, combo, strict=True)))
        found.add(propose(fact_values(facts), model))
    return found


def _random_model(rng: random.Random):
    atoms = [("nudity", tuple(rng.sample(list(NUDITY), rng.randint(1, 2)))),
             ("face_recognisable", rng.random() < 0.5), ("threats", rng.random() < 0.5),
             ("spread", (rng.choice(list(SPREAD)),)), ("under_18", rng.random() < 0.5),
             ("sexual_image", rng.random() < 0.5), ("reaction", rng.randint(1, 4)),
             ("signal_count", Range(at_least=rng.randint(0, 2)))]
    levels = []
    for lvl in MODEL.levels:
        indicators = tuple(
            Condition(f"i{lvl.number}{j}", tuple(dict(rng.sample(atoms, rng.randint(1, 3))).items()))
            for j in range(rng.randint(0, 2)))
        levels.append(replace(lvl, indicators=indicators))
    return replace(MODEL, levels=tuple(levels))


@pytest.mark.parametrize("seed", range(25))
def test_reachability_agrees_with_trying_every_case(seed):
    model = _random_model(random.Random(seed))
    reachable = _proposals_by_brute_force(model)
    assert set(unreachable_levels(model)) == set(model.level_numbers) - reachable


def test_no_level_the_engine_proposes_for_a_random_case_is_called_unreachable():
    rng = random.Random(7)
    draft = fifth_level_draft()
    unreachable = set(unreachable_levels(draft))
    for _ in range(2000):
        facts = CaseFacts(rng.choice(list(AGE_BANDS)), rng.choice(list(NUDITY)),
                          rng.choice(list(SPREAD)), *(rng.random() < 0.4 for _ in range(5)),
                          rng.choice([None, 1, 2, 3, 4, 5]),
                          tuple(rng.sample(list(draft.signal_labels), rng.randint(0, 3))),
                          tuple(rng.sample(list(PLATFORMS), rng.randint(0, 2))))
        assert propose(fact_values(facts), draft) not in unreachable
    assert unreachable == set()


def test_a_draft_measure_keeps_its_strength_and_flags():
    m = fifth_level_draft().level(5).measure("takedown_request")
    assert (m.strength, m.deletes_images, m.due_months) == (Strength.MUST, True, 0)
    assert isinstance(m, Measure)
