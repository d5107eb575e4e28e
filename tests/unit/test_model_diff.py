"""The side-by-side diff a project leader reads before publishing: only what changed, in Danish."""

from __future__ import annotations

from dataclasses import replace

from model.handling_model import Condition, Strength, load_model
from model.model_diff import DiffRow, diff
from model.model_edit import with_level
from tests.unit.model_helpers import LEVEL_5_REASON, LEVEL_5_TITLE, fifth_level_draft

MODEL = load_model("2018")


def test_a_version_has_no_difference_from_itself():
    assert diff(MODEL, MODEL) == []


def test_an_added_fifth_level_shows_its_title_texts_indicator_and_measures_as_new():
    rows = [r for r in diff(MODEL, fifth_level_draft()) if r.where == "Niveau 5"]
    assert rows[0] == DiffRow("Niveau 5", "Niveauet", "", LEVEL_5_TITLE)
    assert all(r.before == "" for r in rows)
    assert any(r.what == f"Indikator: {LEVEL_5_REASON}"
               and r.after == "Der er trusler: ja · Hvor bredt er billedet delt?: Offentligt (fx en "
                              "åben side eller profil) (tolkning)" for r in rows)
    assert any(r.what == "Tiltag: Politianmeldelse" and r.after.startswith("Skal: Testtekst")
               and "frist 0 md." in r.after and "sikrer beviser" in r.after for r in rows)
    assert {r.where for r in diff(MODEL, fifth_level_draft())} == {"Niveau 5"}


def test_a_changed_strength_shows_before_and_after_side_by_side():
    lvl = MODEL.level(4)
    changed = tuple(replace(m, strength=Strength.SHOULD_CONSIDER) if m.key == "conflict_mediation"
                    else m for m in lvl.measures)
    [row] = diff(MODEL, with_level(MODEL, replace(lvl, measures=changed)))
    assert (row.where, row.what) == ("Niveau 4", "Tiltag: Tilbud om konfliktmægling")
    assert row.before.startswith("Kan overvejes: ") and row.after.startswith("Bør overvejes: ")


def test_reordered_measures_give_one_order_row_not_a_row_per_measure():
    lvl = MODEL.level(1)
    [row] = diff(MODEL, with_level(MODEL, replace(lvl, measures=lvl.measures[::-1])))
    assert row.what == "Rækkefølge af tiltag"
    assert row.before.startswith("Omsorg og normalisering →")
    assert row.after.startswith("Støttende samtaler →")


def test_a_removed_measure_and_a_changed_condition_are_shown():
    lvl = MODEL.level(2)
    indicators = (replace(lvl.indicators[0], when=(("reaction", (2, 3)),)), *lvl.indicators[1:])
    edited = replace(lvl, indicators=indicators, measures=lvl.measures[:-1])
    rows = {r.what: r for r in diff(MODEL, with_level(MODEL, edited))}
    assert rows["Tiltag: Tilbud om konfliktmægling"].after == ""
    condition = rows["Indikator: Ofret reagerer med behov for hjælp"]
    assert condition.before.endswith("niveau 2 (kilde)")
    assert condition.after.endswith("niveau 2 eller niveau 3 (kilde)")


def test_a_changed_level_text_is_shown_in_full():
    edited = replace(MODEL.level(3), duration="Ny varighed.")
    [row] = diff(MODEL, with_level(MODEL, edited))
    assert row == DiffRow("Niveau 3", "Varighed", MODEL.level(3).duration, "Ny varighed.")
    assert isinstance(MODEL.level(3).indicators[0], Condition)
