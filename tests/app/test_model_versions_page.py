"""Modelversioner: a project leader drafts a version with a fifth level, reads the diff and the
backtest and publishes it; other roles cannot open the page."""

from __future__ import annotations

from datetime import date, timedelta

from streamlit.testing.v1 import AppTest

from db.cases import create_case
from db.model_registry import current_version, version_names
from db.users import resolve_login
from model.access import Role
from model.case import CaseFacts
from tests.app.helpers import as_shown, claims_for
from tests.conftest import ROOT, id_token
from tests.unit.case_helpers import draft, release_long_ago
from tests.unit.model_helpers import LEVEL_5_REASON

LEADER = "projektleder@example.com"
CONTACT = "kontakt.nsj@example.com"
PAGE = "pages/model_versions.py"
TITLE_5 = "Testniveau 5: ofret er i akut krise"


def open_page(email: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / PAGE), default_timeout=60)
    at.user = claims_for(email)
    return at.run()


def by_label(widgets, label: str):
    found = [w for w in widgets if w.label == label]
    assert found, f"no widget labelled {label!r}: {[w.label for w in widgets]}"
    return found[0]


def click(at: AppTest, label: str) -> AppTest:
    return by_label(at.button, label).click().run()


def texts(at: AppTest) -> str:
    return " ".join(as_shown(e.value) for kind in (at.success, at.warning, at.info, at.error,
                                                   at.markdown, at.caption) for e in kind)


def test_another_role_cannot_open_the_page(member):
    member(CONTACT, (Role.DISTRICT_CONTACT, "NSJ"))
    at = open_page(CONTACT)
    assert [e.value for e in at.error] == ["Du har ikke adgang til denne side."]


def test_a_leader_drafts_a_fifth_level_reads_diff_and_backtest_and_publishes(member):
    member(LEADER, (Role.PROJECT_LEADER, None))
    member(CONTACT, (Role.DISTRICT_CONTACT, "NSJ"))
    contact = resolve_login(id_token(f"sub-{CONTACT}", CONTACT))
    facts = CaseFacts("16_17", "nude", "public", face_recognisable=True, threats=True)
    month = (date.today() - timedelta(days=200)).replace(day=1)
    for _ in range(6):
        create_case(contact, "NSJ", draft(facts, chosen_level=4, month=month))
    release_long_ago(month)  # the backtest counts the released cases

    at = open_page(LEADER)
    assert not at.exception
    assert "Der er ingen kladder" in texts(at)
    by_label(at.text_input, "Navn på kladden").input("Forslag med femte niveau")
    at = click(at, "Opret kladde")
    assert "Kladden er oprettet." in texts(at)
    assert "Kladden opfylder alle regler" in texts(at)

    by_label(at.text_input, "Titel (ofrets reaktion)")  # the texts form of level 1 is drawn
    inputs = [w for w in at.text_input if w.label == "Titel (ofrets reaktion)"]
    inputs[-1].input(TITLE_5)
    areas = {label: [w for w in at.text_area if w.label == label][-1]
             for label in ("Billedet", "Hjælpen", "Varighed")}
    areas["Billedet"].input("Testbillede: delt offentligt.")
    areas["Hjælpen"].input("Testhjælp: samme dag.")
    areas["Varighed"].input("Testvarighed: længe.")
    at = click(at, "Tilføj niveauet")
    assert "Niveau 5 er tilføjet." in texts(at)
    assert "Niveau 5: niveauet skal have mindst ét tiltag." in texts(at)

    by_label(at.text_input, "Begrundelse (vises for kontaktpersonen)").input(LEVEL_5_REASON)
    by_label(at.selectbox, "Der er trusler").set_value(True)
    by_label(at.multiselect, "Hvor bredt er billedet delt?").set_value(["public"])
    at = click(at, "Gem indikatoren")
    assert "Indikatoren er gemt." in texts(at)

    by_label(at.selectbox, "Tiltag").set_value("police_report")
    by_label(at.text_area, "Tekst").input("Testtekst: politianmeld samme dag")
    at = click(at, "Gem tiltaget")
    assert "Tiltaget er gemt." in texts(at)
    assert "Kladden opfylder alle regler og kan udgives." in texts(at)

    diff = [t.value for t in at.table]
    assert any(TITLE_5 in frame.to_string() for frame in diff)

    at = click(at, "Kør backtest")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Forslaget = valgt niveau, version 2018"] == "100 %"
    assert metrics["Forslaget = valgt niveau, kladden"] == "0 %"
    assert any(LEVEL_5_REASON in frame.to_string() for frame in (t.value for t in at.table))

    by_label(at.text_input, "Versionens navn").input("2019")
    at = click(at, "Udgiv versionen")
    assert not at.exception
    assert f"Version 2019 er udgivet og gælder fra {date.today():%d.%m.%Y}." in texts(at)
    assert version_names() == ["2018", "2019"] and current_version() == "2019"
    assert "2019 (gældende)" in at.table[0].value.to_string()
