"""What each statistics block shows: (chart, table on screen, table for files) from published tables.

Shared by the nationwide and the district page, so "cases per month" looks the same in both.
"""

from __future__ import annotations

from typing import NamedTuple

import altair as alt
import pandas as pd

from pages.components import charts, district_map
from pages.components import stats_frames as sf


class View(NamedTuple):
    chart: alt.TopLevelMixin | None
    table: pd.DataFrame
    file_table: pd.DataFrame
    description: str = ""  # what the chart shows, in words: part of its text alternative


def _two_way(df: pd.DataFrame, row: str, col: str, names: dict, chart, description: str = "",
             measures=None) -> View:
    return View(chart, sf.pivot(df, row, col, names, measures),
                sf.pivot(df, row, col, names, measures, as_text=False), description)


def over_time(t: dict, names: dict) -> View:
    df = t["by_month"]
    data = sf.labelled(sf.cells(df, ["month", "level"]), ["month", "level"], names)
    totals = sf.labelled(sf.totals(df, "month", "level"), ["month"], names)
    return _two_way(df, "month", "level", names, charts.cases_by_month(data, totals),
                    "Stablede søjler: sager pr. måned, én farve pr. niveau; en sort streg viser "
                    "månedens samlede antal.")


def by_district(t: dict, names: dict) -> View:
    df = t["by_district"]
    chart = district_map.district_tiles(district_map.tile_frame(df, names))
    return View(chart, sf.pivot(df, "district", None, names),
                sf.pivot(df, "district", None, names, as_text=False),
                "Kort med en firkant pr. politikreds, placeret som på Danmarkskortet; antallet står "
                "i firkanten, og jo mørkere farve, jo flere sager.")


def one_way(t: dict, name: str, dim: str, names: dict) -> View:
    df = t[name]
    data = sf.labelled(sf.cells(df, [dim]), [dim], names)
    return View(charts.bars(data, dim), sf.pivot(df, dim, None, names),
                sf.pivot(df, dim, None, names, as_text=False),
                "Liggende søjler med antallet i hver kategori.")


def age_gender(t: dict, names: dict) -> View:
    df = t["age_gender"]
    data = sf.labelled(sf.cells(df, ["age_band", "gender"]), ["age_band", "gender"], names)
    return _two_way(df, "age_band", "gender", names, charts.grouped(data, "age_band", "gender"),
                    "Søjler pr. aldersgruppe, én farve pr. køn.")


def share_by_level(t: dict, name: str, dim: str, names: dict) -> View:
    df = t[name]
    data = sf.labelled(sf.shares(df, dim, "level"), [dim, "level"], names)
    return _two_way(df, dim, "level", names, charts.shares_by_level(data, dim),
                    "Liggende søjler pr. niveau, delt i andele (0 til 100 %) efter "
                    f"{sf.TITLES.get(dim, dim).lower()}.")


def measures(t: dict, names: dict, version: str) -> View:
    df = t["measures"]
    labels = sf.measure_labels(version)
    dims = ["level", "measure", "measure_status"]
    data = sf.labelled(sf.cells(df, dims), dims, names, labels)
    chart = charts.measures_by_level(data) if len(data) else None
    return View(chart, sf.pivot_sliced(df, "level", "measure", "measure_status", names, labels),
                sf.pivot_sliced(df, "level", "measure", "measure_status", names, labels, as_text=False),
                "Liggende søjler pr. tiltag, ét afsnit pr. niveau, farvet efter tiltagets status.")


def calibration(t: dict, names: dict, version: str) -> View:
    df = t["calibration"][t["calibration"]["version"] == version]
    data = sf.labelled(sf.cells(df, ["proposed", "level"], keep_hidden=True), ["proposed", "level"],
                       names)
    return _two_way(df, "proposed", "level", names, charts.calibration_heatmap(data),
                    "Farvet tabel: rækker er modellens forslag, kolonner det valgte niveau; antallet "
                    "står i hver celle.")


def direction(t: dict, names: dict, version: str) -> View:
    df = t["direction"][t["direction"]["version"] == version]
    data = sf.labelled(sf.shares(df.rename(columns={"proposed": "level", "direction": "dim"}),
                                 "dim", "level"), ["level"], names)
    data["dim_label"] = data["dim"].map(sf.DIRECTIONS)
    chart = charts.shares_by_level(data.rename(columns={"dim_label": "direction_label"}), "direction")
    return _two_way(df, "proposed", "direction", names, chart,
                    "Liggende søjler pr. foreslået niveau, delt i andele: forslaget fulgt, højere "
                    "eller lavere niveau valgt.")


def reasons(t: dict, names: dict, version: str) -> View:
    df = t["reasons"][t["reasons"]["version"] == version]  # overrides only: raised and lowered
    data = sf.labelled(sf.cells(df, ["reason", "direction"]), ["reason", "direction"], names)
    chart = charts.grouped(data, "reason", "direction", horizontal=True)
    return _two_way(df, "reason", "direction", names, chart,
                    "Liggende søjler pr. begrundelse, én farve for højere og én for lavere valgt "
                    "niveau.")


def by_version(t: dict, names: dict) -> View:
    df = t["by_version"]
    return _two_way(df, "level", "version", names, None)
