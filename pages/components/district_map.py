"""Cases by district as a tile map: one square per district, placed roughly where it lies.

A tile grid reads like the map of Denmark without geodata: Jutland on the left, Funen in the middle,
Zealand and Copenhagen on the right, Bornholm far east; Greenland and the Faroe Islands as insets.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from model.published import format_count
from pages.components.palette import HIDDEN_FILL, OUTSIDE_FILL, ink_on, sequential_fill

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
    away) has `shown` False, no text and a pale fill. Each tile's fill comes from the palette and
    its text takes the ink that reads on that fill (black on the darkest tiles was 2.95:1).
    """
    counts = dict(zip(df["district"], df["n"], strict=True))
    top = max((int(counts[c]) for c in TILES if c in counts and not pd.isna(counts[c])), default=0)
    rows = []
    for code, (col, row, short) in TILES.items():
        n = counts.get(code)
        included = code in counts
        value = None if not included or pd.isna(n) else int(n)
        fill = (OUTSIDE_FILL if not included else HIDDEN_FILL if value is None
                else sequential_fill(value, top))
        rows.append({"col": col, "row": row, "short": short, "name": names.get(code, code),
                     "n": value, "shown": included, "text": format_count(n) if included else "",
                     "fill": fill, "ink": ink_on(fill)})
    return pd.DataFrame(rows, columns=["col", "row", "short", "name", "n", "shown", "text", "fill",
                                       "ink"])


# Text sizes and offsets follow the tile's size (seven columns, four rows), so the names stay inside
# their tiles at any width: at 200 % zoom they overlapped their neighbours. On a phone a tile is too
# narrow for a legible name: the map then shows the counts only (the names are in the table below
# it and in each tile's tooltip).
TILE = "min(width / 7, height / 4)"
TILE_HEIGHT = "(height / 4)"
NARROWEST = 66  # px: below this a tile shows its count only
NAME_SIZE = alt.expr(f"clamp({TILE} / 7.5, 9, 13)")
COUNT_SIZE = alt.expr(f"clamp({TILE} / 6, 11, 16)")


def district_tiles(tiles: pd.DataFrame) -> alt.LayerChart:
    """The tile map: fill by count (a district outside the filter stays pale), the district's short
    name in the upper half of its tile and the count in the lower half, in ink that reads on it."""
    base = alt.Chart(tiles).encode(
        x=alt.X("col:O", axis=None, scale=alt.Scale(domain=list(range(7)), paddingInner=0.06)),
        y=alt.Y("row:O", axis=None, scale=alt.Scale(domain=list(range(4)), paddingInner=0.06)),
        tooltip=[alt.Tooltip("name:N", title="Politikreds"), alt.Tooltip("text:N", title="Antal")],
    )
    squares = base.mark_rect(cornerRadius=4).encode(color=alt.Color("fill:N", scale=None))
    ink = alt.Color("ink:N", scale=None)
    names = base.mark_text(baseline="top", lineBreak="\n", fontSize=NAME_SIZE,
                           dy=alt.expr(f"-{TILE_HEIGHT} * 0.36"),
                           opacity=alt.expr(f"{TILE} < {NARROWEST} ? 0 : 1")).encode(text="short:N",
                                                                                  color=ink)
    counts = base.mark_text(baseline="middle", fontWeight="bold", fontSize=COUNT_SIZE,
                            dy=alt.expr(f"{TILE_HEIGHT} * 0.22")).encode(text="text:N", color=ink)
    return alt.layer(squares, names, counts).properties(width=630, height=360)
