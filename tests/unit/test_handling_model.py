"""The model as versioned data: four levels from the source, stable keys, immutable versions."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from model import handling_model as hm
from model.handling_model import (
    STRENGTH_LABELS,
    HandlingModel,
    Strength,
    load_model,
    parse_model,
    shipped_versions,
)
from model.triage import check_model


def test_2018_is_shipped():
    assert shipped_versions() == ("2018",)
    assert load_model("2018").version == "2018"


def test_2018_has_the_four_described_levels_and_announces_five():
    model = load_model("2018")
    assert model.level_numbers == (1, 2, 3, 4)
    assert model.announced_levels == 5
    with pytest.raises(KeyError):
        model.level(5)


def test_level_titles_are_the_source_wording():
    model = load_model("2018")
    assert model.level(1).title == "Ofret reagerer uden særlig behov for hjælp"
    assert model.level(2).title == "Ofret reagerer med behov for hjælp"
    assert model.level(3).title == ("Ofret reagerer ude af kontrol med større eller mindre grad af "
                                    "panik")
    assert model.level(4).title == ("Ofret reagerer voldsomt og har stort behov for støtte fra "
                                    "ressourcepersoner")


def test_level_texts_quote_the_source_newsletter():
    """source_levels.txt is the newsletter's level section, copied verbatim."""
    source = " ".join((Path(__file__).parent / "source_levels.txt").read_text().split())
    model = load_model("2018")
    for lvl in model.levels:
        assert f"Niveau {lvl.number}. {lvl.title}" in source
        for text in (lvl.image, lvl.offence, lvl.help):
            assert text in source
        assert lvl.duration.rstrip(".").lower() in source.lower()


def test_strengths_have_danish_labels_and_stable_values():
    assert [s.value for s in Strength] == ["must", "should_consider", "may_consider"]
    assert STRENGTH_LABELS == {Strength.MUST: "Skal", Strength.SHOULD_CONSIDER: "Bør overvejes",
                               Strength.MAY_CONSIDER: "Kan overvejes"}


def test_conflict_mediation_follows_the_source_strength_per_level():
    model = load_model("2018")
    strengths = [model.level(n).measure("conflict_mediation").strength for n in (2, 3, 4)]
    assert strengths == [Strength.MAY_CONSIDER, Strength.SHOULD_CONSIDER, Strength.MAY_CONSIDER]
    assert not model.level(1).has("conflict_mediation")


def test_police_report_is_required_at_level_4_only():
    model = load_model("2018")
    assert model.level(4).measure("police_report").strength is Strength.MUST
    assert [lvl.number for lvl in model.levels if lvl.has("police_report")] == [4]


def test_police_decide_deletion_at_levels_3_and_4():
    model = load_model("2018")
    assert [lvl.number for lvl in model.levels if lvl.police_decide_deletion] == [3, 4]


def test_measure_lookup_returns_lowest_level_wording_and_labels_are_shared():
    model = load_model("2018")
    assert model.measure("takedown_request") == model.level(2).measure("takedown_request")
    assert model.measure_labels()["police_report"] == "Politianmeldelse"
    with pytest.raises(KeyError):
        model.measure("no_such_measure")


def test_every_level_uses_each_strength_only_from_the_three():
    model = load_model("2018")
    used = {m.strength for lvl in model.levels for m in lvl.measures}
    assert used == set(Strength)


def test_model_objects_are_frozen():
    model = load_model("2018")
    with pytest.raises(FrozenInstanceError):
        model.levels[0].measures[0].text = "changed"  # type: ignore[misc]


def test_shipped_2018_file_matches_its_frozen_checksum():
    assert hm.file_checksum("2018") == hm.FROZEN_CHECKSUMS["2018"]
    assert load_model("2018").checksum == hm.FROZEN_CHECKSUMS["2018"]


def test_an_edited_released_file_is_refused(monkeypatch):
    load_model.cache_clear()
    monkeypatch.setitem(hm.FROZEN_CHECKSUMS, "2018", "0" * 64)
    try:
        with pytest.raises(ValueError, match="edited"):
            load_model("2018")
    finally:
        load_model.cache_clear()


def test_every_shipped_version_names_only_known_facts():
    for version in shipped_versions():
        check_model(load_model(version))


def test_unknown_version_is_a_key_error():
    with pytest.raises(KeyError):
        load_model("1999")


FIFTH_LEVEL = """
version = "test5"
[[levels]]
number = 1
title = "Et"
image = "a"
help = "b"
duration = "c"
[[levels.measures]]
key = "supportive_conversations"
text = "Samtaler"
strength = "must"
[[levels]]
number = 2
title = "To"
image = "a"
help = "b"
duration = "c"
[[levels]]
number = 3
title = "Tre"
image = "a"
help = "b"
duration = "c"
[[levels]]
number = 4
title = "Fire"
image = "a"
help = "b"
duration = "c"
[[levels]]
number = 5
title = "Fem"
image = "a"
help = "b"
duration = "c"
[[levels.indicators]]
reason = "Trusler"
when = { threats = true }
[[levels.measures]]
key = "police_report"
text = "Anmeld"
strength = "must"
"""


def test_a_new_version_can_add_a_fifth_level_without_code_changes():
    model = parse_model(FIFTH_LEVEL)
    assert isinstance(model, HandlingModel)
    assert model.level_numbers == (1, 2, 3, 4, 5)
    assert model.level(5).measure("police_report").strength is Strength.MUST


def test_levels_out_of_order_are_refused():
    with pytest.raises(ValueError, match="numbered"):
        parse_model(FIFTH_LEVEL.replace("number = 5", "number = 7"))
