"""Shaping published tables for reading never un-hides a value."""

from __future__ import annotations

from datetime import date

import pandas as pd

from model.suppression import SUPPRESSED_MARK, TOTAL, suppress_frame
from pages.components import stats_frames as sf


def police_table() -> pd.DataFrame:
    rows = [("none", 1, 30), ("consulted", 1, 3), ("reported", 1, 9),
            ("none", 2, 20), ("consulted", 2, 25), ("reported", 2, 40)]
    df = pd.DataFrame(rows, columns=["police", "level", "n"])
    return suppress_frame(df, "police", "level", "n")


def test_shares_are_computed_only_from_shown_values():
    table = police_table()
    shares = sf.shares(table, "police", "level")
    level_two = shares[shares["level"] == 2].set_index("police")["share"]
    assert round(level_two["none"], 4) == round(20 / 85, 4)
    hidden = table[table["n"].isna()][["police", "level"]].apply(tuple, axis=1).tolist()
    assert hidden  # the 3 and its complement
    assert not [k for k in shares[["police", "level"]].apply(tuple, axis=1) if k in hidden]


def test_pivot_shows_danish_labels_and_the_mark():
    wide = sf.pivot(police_table(), "police", "level", {})
    assert list(wide.columns) == ["Politiet", "Niveau 1", "Niveau 2", TOTAL]
    assert wide.iloc[1]["Politiet"] == "Politiet konsulteret, ikke anmeldt"
    assert wide.iloc[1]["Niveau 1"] == SUPPRESSED_MARK


def test_months_are_labelled_in_danish():
    assert sf.month_label(pd.Timestamp(2024, 5, 1)) == "maj 2024"
    assert sf.month_label(date(2024, 10, 1)) == "okt. 2024"
    assert sf.month_label(TOTAL) == TOTAL
