"""Cases by district as a tile map: one square per district, placed roughly where it lies.

A tile grid reads like the map of Denmark without geodata: Jutland on the left, Funen in the middle,
Zealand and Copenhagen on the right, Bornholm far east; Greenland and the Faroe Islands as insets.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from model.published import format_count

# district code -> (column, row, short label; \n breaks a label that is wider than its tile)
TILES: dict[str, tuple[int, int, str]] = {
    "NJY": (1, 0, "Nordjylland"),
    "MVJ": (0, 1, "Midt- og\nVestjylland"),
    "OJY": (1, 1, "Østjylland"),
    "SOJ": (1, 2, "Sydøst-\njylland"),
    "SSJ": (0, 2, "Syd- og\nSønderjylland"),
    "FYN": (2, 2, "Fyn"),
    "MVS": (3, 2, "Midt- og\nVestsjælland"),
    "NSJ": (4, 1, "Nord-\nsjælland"),
    "KVE": (4, 2, "Københavns\nVestegn"),
    "KBH": (5, 2, "København"),
    "SSL": (4, 3, "Sydsjælland,\nLolland-Falster"),
    "BOR": (6, 3, "Bornholm"),
    "GRL": (5, 0, "Grønland"),
    "FAR": (6, 0, "Færøerne"),
}


def tile_frame(df: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Published counts per district (columns district, n; hidden = NA) on the grid.

    Every district gets its tile, so the map keeps its shape; one outside the table (filtered
    away) has `shown` False and no text.
    """
    counts = dict(zip(df["district"], df["n"], strict=True))
    rows = []
    for code, (col, row, short) in TILES.items():
        n = counts.get(code)
        included = code in counts
        rows.append({"col": col, "row": row, "short": short, "name": names.get(code, code),
                     "n": None if not included or pd.isna(n) else int(n), "shown": included,
                     "text": format_count(n) if included else ""})
    return pd.DataFrame(rows, columns=["col", "row", "short", "name", "n", "shown", "text"])


def district_tiles(tiles: pd.DataFrame) -> alt.LayerChart:
    """The tile map: colour by count; a district outside the filter stays pale."""
    base = alt.Chart(tiles).encode(
        x=alt.X("col:O", axis=None, scale=alt.Scale(domain=list(range(7)))),
        y=alt.Y("row:O", axis=None, scale=alt.Scale(domain=list(range(4)))),
        tooltip=[alt.Tooltip("name:N", title="Politikreds"), alt.Tooltip("text:N", title="Antal")],
    )
    hidden = base.mark_rect(cornerRadius=4, stroke="white", strokeWidth=3).encode(
        color=alt.condition("datum.shown", alt.value("#d9d9d9"), alt.value("#f3f3f3")))
    squares = base.mark_rect(cornerRadius=4, stroke="white", strokeWidth=3).encode(
        color=alt.Color("n:Q", title="Antal sager", scale=alt.Scale(scheme="oranges")),
    )
    names = base.mark_text(baseline="top", dy=-36, fontSize=10, lineBreak="\n").encode(
        text="short:N")
    counts = base.mark_text(baseline="middle", dy=18, fontSize=13, fontWeight="bold").encode(
        text="text:N")
    return alt.layer(hidden, squares, names, counts).properties(width=630, height=360)


