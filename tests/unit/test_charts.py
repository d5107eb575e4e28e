"""Charts are pure functions of published frames: explicit types, Danish, only published values."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from model.published import TOTAL
from pages.components import charts, district_map, palette
from pages.components import stats_frames as sf
from tests.unit.case_helpers import published_frame

NAMES = {"NSJ": "Nordsjællands Politi", "BOR": "Bornholms Politi", "KBH": "Københavns Politi"}


def month_table() -> pd.DataFrame:
    months = pd.date_range("2024-01-01", periods=3, freq="MS")
    rows = [{"month": m, "level": lvl, "n": n}
            for m, counts in zip(months, [(20, 3, 9), (15, 12, 2), (30, 8, 7)], strict=True)
            for lvl, n in zip((1, 2, 3), counts, strict=True)]
    return published_frame(pd.DataFrame(rows), "month", "level")


def month_cells() -> pd.DataFrame:
    table = month_table()
    return sf.labelled(sf.cells(table, ["month", "level"]), ["month", "level"], NAMES)


def encodings(spec: dict) -> list[dict]:
    """Every field encoding of a (possibly layered or faceted) Vega-Lite spec."""
    found = []
    for key in ("encoding",):
        for channel, enc in spec.get(key, {}).items():
            for item in enc if isinstance(enc, list) else [enc]:
                if isinstance(item, dict) and "field" in item:
                    found.append({"channel": channel, **item})
    for child in spec.get("layer", []) + ([spec["spec"]] if "spec" in spec else []):
        found += encodings(child)
    return found


def data_rows(spec: dict) -> list[dict]:
    return [row for values in spec.get("datasets", {}).values() for row in values]


def all_charts():
    cells = month_cells()
    table = published_frame(pd.DataFrame({"platform": ["snapchat", "tiktok", "andet"],
                                         "n": [40, 3, 12]}), "platform", None)
    platforms = sf.labelled(sf.cells(table, ["platform"]), ["platform"], NAMES)
    tiles = district_map.tile_frame(published_frame(
        pd.DataFrame({"district": ["NSJ", "BOR", "KBH"], "n": [30, 2, 40]}), "district", None),
        NAMES)
    calibration = published_frame(pd.DataFrame({"proposed": [1, 1, 2, 2], "level": [1, 2, 1, 2],
                                               "n": [40, 3, 6, 50]}), "proposed", "level")
    heat = sf.labelled(sf.cells(calibration, ["proposed", "level"], keep_hidden=True),
                       ["proposed", "level"], NAMES)
    return {
        "month": charts.cases_by_month(cells),
        "bars": charts.bars(platforms, "platform"),
        "tiles": district_map.district_tiles(tiles),
        "heat": charts.calibration_heatmap(heat),
    }


@pytest.mark.parametrize("name", ["month", "bars", "tiles", "heat"])
def test_every_encoded_field_states_its_type(name):
    spec = all_charts()[name].to_dict()
    found = encodings(spec)
    assert found
    assert all(enc.get("type") in {"quantitative", "nominal", "ordinal", "temporal"} for enc in found)


@pytest.mark.parametrize("name", ["month", "bars", "tiles", "heat"])
def test_no_chart_carries_a_one_or_a_two(name):
    rows = data_rows(all_charts()[name].to_dict())
    assert rows
    assert not any(isinstance(r.get("n"), int) and 1 <= r["n"] <= 2 for r in rows)


@pytest.mark.parametrize("name", ["month", "bars", "tiles", "heat"])
def test_tooltips_show_only_fields_of_the_published_data(name):
    spec = all_charts()[name].to_dict()
    columns = set().union(*(row.keys() for row in data_rows(spec)))
    tooltips = [enc for enc in encodings(spec) if enc["channel"] == "tooltip"]
    assert tooltips
    assert all(enc["field"] in columns for enc in tooltips)


def test_the_theme_speaks_danish_numbers_and_month_names():
    config = charts.cases_by_month(month_cells()).to_dict()["config"]
    assert config["locale"]["number"]["thousands"] == "."
    assert "maj" in config["locale"]["time"]["months"]
    assert "oktober" in config["locale"]["time"]["months"]


def test_month_chart_labels_months_in_danish_and_keeps_level_colours_fixed():
    spec = charts.cases_by_month(month_cells()).to_dict()
    rows = data_rows(spec)
    assert {r["month_label"] for r in rows} == {"jan. 2024", "feb. 2024", "mar. 2024"}
    scale = spec["encoding"]["color"]["scale"]
    assert scale["range"][0] == palette.LEVELS[0]
    assert len(scale["domain"]) == len(scale["range"])


def test_tile_map_places_every_district_with_its_published_count():
    spec = all_charts()["tiles"].to_dict()
    rows = {r["short"]: r for r in data_rows(spec)}
    assert rows["Bornholm"]["n"] in (0, 3, 4)  # a true 2 is never shown as 2
    assert abs(rows["København"]["n"] - 40) <= 2
    assert len(district_map.TILES) == 14
    assert len({(c, r) for c, r, _ in district_map.TILES.values()}) == 14


def test_a_stacked_month_bar_carries_its_own_published_total():
    table = month_table()
    totals = sf.labelled(sf.totals(table, "month", "level"), ["month"], NAMES)
    spec = charts.cases_by_month(month_cells(), totals).to_dict()
    ticks = [layer for layer in spec["layer"] if layer["mark"]["type"] == "tick"]
    assert len(ticks) == 1
    published = table[table["level"].astype(str).eq(TOTAL) & ~table["month"].astype(str).eq(TOTAL)]
    marked = [r["n"] for r in spec["datasets"][ticks[0]["data"]["name"]]]
    assert marked == [int(v) for v in published["n"]]


def test_heatmap_text_is_the_published_value():
    rows = data_rows(all_charts()["heat"].to_dict())
    assert all(r["text"] == str(r["n"]) for r in rows)
    assert json.dumps([r["text"] for r in rows]).count('"') > 0


def test_tile_map_keeps_its_shape_when_districts_are_filtered_away():
    table = published_frame(pd.DataFrame({"district": ["KBH"], "n": [40]}), "district", None)
    tiles = district_map.tile_frame(table, NAMES)
    assert len(tiles) == 14
    outside = tiles[tiles["short"] == "Nordjylland"].iloc[0]
    assert not outside["shown"] and outside["text"] == ""


def test_tile_text_reads_on_its_tile_and_the_largest_district_gets_the_darkest_fill():
    table = published_frame(pd.DataFrame({"district": ["NSJ", "BOR", "KBH"], "n": [30, 2, 400]}),
                            "district", None)
    tiles = district_map.tile_frame(table, NAMES).set_index("short")
    assert tiles.loc["København", "fill"] == palette.SEQUENTIAL[-1]  # the total row does not count
    assert all(palette.contrast(ink, fill) >= 4.5 for ink, fill in zip(tiles["ink"], tiles["fill"],
                                                                          strict=True))
    assert tiles.loc["København", "ink"] == palette.LIGHT_INK


def test_heatmap_cells_take_ink_that_reads_on_them():
    rows = data_rows(all_charts()["heat"].to_dict())
    assert {r["ink"] for r in rows} == {palette.LIGHT_INK, palette.DARK_INK}
    assert all(palette.contrast(r["ink"], r["fill"]) >= 4.5 for r in rows)


def test_charts_leave_screen_reader_text_to_the_page():
    for chart in all_charts().values():
        config = chart.to_dict()["config"]
        assert config["aria"] is False and config["mark"]["aria"] is False


def test_a_category_keeps_its_colour_whichever_categories_the_filter_leaves():
    raised, lowered = sf.DIRECTIONS["raised"], sf.DIRECTIONS["lowered"]
    both = charts._category_scale("direction", [raised, lowered]).to_dict()
    only_lowered = charts._category_scale("direction", [lowered]).to_dict()
    assert both["range"][1] == only_lowered["range"][0]
    assert both["range"][0] != both["range"][1]


def test_count_axes_show_whole_numbers_also_when_a_chart_is_empty():
    empty = sf.labelled(sf.cells(published_frame(pd.DataFrame({"platform": ["snapchat"], "n": [0]}),
                                                 "platform", None), ["platform"]), ["platform"], NAMES)
    spec = charts.bars(empty.iloc[0:0], "platform").to_dict()
    assert spec["encoding"]["x"]["axis"]["format"] == ",d"


def test_measures_chart_names_its_levels_without_facet_headers():
    """Facet headers carry an English screen-reader label that no setting removes; the level names
    are text marks instead (hidden from screen readers like every mark; the table has them)."""
    df = pd.DataFrame({"level_label": ["Niveau 1", "Niveau 2"], "measure_label": ["A", "B"],
                       "measure_status_label": ["Udført", "Planlagt"], "n": [5, 6]})
    spec = charts.measures_by_level(df).to_dict()
    assert spec["facet"]["row"]["header"]["labels"] is False
    assert [layer["mark"]["type"] for layer in spec["spec"]["layer"]] == ["bar", "text"]
