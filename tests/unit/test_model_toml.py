"""A version as TOML in the shipped format: written, read back unchanged, and bad files named in Danish."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.errors import ValidationError
from model.handling_model import DEFINITIONS_DIR, file_checksum, load_model, parse_model
from model.model_edit import renamed, with_level
from model.model_toml import MAX_BYTES, dump_model, read_model
from tests.unit.model_helpers import fifth_level_draft

MODEL = load_model("2018")


def test_the_shipped_version_reads_back_unchanged_from_its_dump():
    assert parse_model(dump_model(MODEL)) == MODEL
    assert read_model(dump_model(MODEL)) == MODEL


def test_the_dump_has_the_shipped_files_structure():
    raw = tomllib.loads(dump_model(MODEL))
    shipped = tomllib.loads((DEFINITIONS_DIR / "2018.toml").read_text(encoding="utf-8"))
    assert raw == shipped
    assert file_checksum("2018") == load_model("2018").checksum


def test_a_fifth_level_draft_reads_back_unchanged():
    draft = fifth_level_draft()
    assert read_model(dump_model(draft)) == draft
    assert read_model(dump_model(draft)).level(5).indicators[0].when == (
        ("threats", True), ("spread", ("public",)))


def test_the_export_header_is_comment_only_and_renaming_sets_the_version():
    text = dump_model(MODEL, header="Håndteringsmodellen\nEksport-id: ABCD-EFGH")
    assert text.startswith("# Håndteringsmodellen\n# Eksport-id: ABCD-EFGH\n")
    assert read_model(text) == MODEL
    assert read_model(text, version="2019").version == "2019"
    assert read_model(dump_model(renamed(MODEL, "x"))).version == "x"


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_any_text_a_leader_types_survives_the_file_format(text):
    level = MODEL.level(1)
    edited = with_level(MODEL, type(level)(**{**level.__dict__, "title": text, "help": text}))
    assert read_model(dump_model(edited)).level(1).title == text


def test_a_file_that_is_not_toml_is_refused_in_danish():
    with pytest.raises(ValidationError, match="ikke gyldig TOML"):
        read_model("version = \n[[levels]")


def test_missing_texts_and_bad_strengths_are_each_named():
    text = dump_model(MODEL).replace('strength = "must"', 'strength = "skal"', 1)
    text = text.replace('title = "Ofret reagerer med behov for hjælp"\n', "", 1)
    with pytest.raises(ValidationError) as caught:
        read_model(text)
    problems = caught.value.problems
    assert any("styrken skal være must" in p for p in problems)
    assert any("Niveau nr. 2 i filen mangler en titel" in p for p in problems)


def test_levels_out_of_order_and_unknown_prompt_measures_are_refused():
    with pytest.raises(ValidationError, match="nummereret 1, 2, 3"):
        read_model(dump_model(MODEL).replace("number = 4", "number = 7"))
    with pytest.raises(ValidationError, match="henviser til tiltaget »nothing«"):
        read_model(dump_model(MODEL).replace('measure = "contact_police_resource_person"',
                                             'measure = "nothing"', 1))


def test_a_repeated_measure_key_on_one_level_is_refused():
    text = dump_model(MODEL).replace('key = "local_circumstances"', 'key = "care_and_normalisation"', 1)
    with pytest.raises(ValidationError, match="samme tiltag"):
        read_model(text)


def test_an_oversized_file_is_refused_before_it_is_parsed():
    with pytest.raises(ValidationError, match="for stor"):
        read_model("# " + "x" * MAX_BYTES)
