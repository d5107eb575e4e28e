"""Shaping published tables for reading: labels, pivots, and shares from published values only."""

from __future__ import annotations

from datetime import date

import pandas as pd

from model.published import TOTAL
from pages.components import stats_frames as sf
from tests.unit.case_helpers import published_frame


def police_table() -> pd.DataFrame:
    rows = [("none", 1, 30), ("consulted", 1, 3), ("reported", 1, 9),
            ("none", 2, 20), ("consulted", 2, 25), ("reported", 2, 40)]
    df = pd.DataFrame(rows, columns=["police", "level", "n"])
    return published_frame(df, "police", "level")


def test_shares_are_computed_only_from_published_values_and_add_up_to_one():
    table = police_table()
    shares = sf.shares(table, "police", "level")
    cells = table[~table["police"].astype(str).eq(TOTAL) & ~table["level"].astype(str).eq(TOTAL)]
    level_two = cells[cells["level"] == 2].set_index("police")["n"].astype(int)
    got = shares[shares["level"] == 2].set_index("police")["share"]
    assert round(got["none"], 4) == round(level_two["none"] / level_two.sum(), 4)
    assert shares.groupby("level")["share"].sum().round(3).tolist() == [1.0, 1.0]


def test_pivot_shows_danish_labels_and_published_values():
    wide = sf.pivot(police_table(), "police", "level", {})
    assert list(wide.columns) == ["Politiet", "Niveau 1", "Niveau 2", TOTAL]
    assert wide.iloc[1]["Politiet"] == "Politiet konsulteret, ikke anmeldt"
    assert wide.iloc[1]["Niveau 1"] in ("3", "4", "5")  # a true 3


def test_months_are_labelled_in_danish():
    assert sf.month_label(pd.Timestamp(2024, 5, 1)) == "maj 2024"
    assert sf.month_label(date(2024, 10, 1)) == "okt. 2024"
    assert sf.month_label(TOTAL) == TOTAL
