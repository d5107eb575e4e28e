"""Coverage charts state their encodings' types and keep the districts in official order."""

from __future__ import annotations

import pandas as pd

from pages.components.course_charts import courses_per_district, trained_by_role
from pages.components.palette import contrast


def test_courses_per_district_stacks_held_and_planned_in_district_order():
    df = pd.DataFrame({"Politikreds": ["Nordjyllands Politi", "Bornholms Politi"],
                       "Afholdte kurser": [2, 0], "Planlagte kurser": [1, 1]})
    spec = courses_per_district(df).to_dict()
    assert spec["encoding"]["x"]["field"] == "Kurser" and spec["encoding"]["x"]["type"] == (
        "quantitative")
    assert spec["encoding"]["y"]["sort"] == ["Nordjyllands Politi", "Bornholms Politi"]
    assert spec["encoding"]["color"]["type"] == "nominal"
    values = next(iter(spec["datasets"].values()))
    assert {(v["Status"], v["Kurser"]) for v in values} >= {("Afholdt", 2), ("Planlagt", 1)}


def test_trained_by_role_is_a_bar_per_role():
    df = pd.DataFrame({"Rolle": ["Studievejleder", "Andet"], "Uddannede": [5, 0]})
    spec = trained_by_role(df).to_dict()
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["y"]["field"] == "Rolle" and spec["encoding"]["y"]["type"] == "nominal"
    assert spec["encoding"]["y"]["sort"] == ["Studievejleder", "Andet"]
    assert spec["encoding"]["x"]["type"] == "quantitative"


def test_coverage_charts_leave_screen_reader_text_to_the_page_and_use_the_palette():
    df = pd.DataFrame({"Politikreds": ["Fyns Politi"], "Afholdte kurser": [1], "Planlagte kurser": [0]})
    for spec in (courses_per_district(df).to_dict(),
                 trained_by_role(pd.DataFrame({"Rolle": ["Andet"], "Uddannede": [1]})).to_dict()):
        assert spec["config"]["aria"] is False
    colours = courses_per_district(df).to_dict()["encoding"]["color"]["scale"]["range"]
    assert all(contrast(c, "#ffffff") >= 3 for c in colours)
