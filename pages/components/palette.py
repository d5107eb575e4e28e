"""The app's colours for charts, in one place: the levels, categories, counts on tiles, and the ink
that goes on each.

Every colour that carries meaning on white (a bar, a legend swatch) has at least 3:1 contrast with
white (WCAG 1.4.11), and the colours of one palette stay apart under simulated protanopia,
deuteranopia and tritanopia (tests/unit/test_palette.py). Text on a coloured tile takes the ink
with the higher contrast against that tile (at least 4.5:1).
"""

from __future__ import annotations

# Levels 1-5, ordinal: orange to deep blue with falling lightness, so the order reads by lightness
# alone (what colour-blind users rely on). Version 2018 has four levels; the fifth is kept for a
# later model version.
LEVELS: tuple[str, ...] = ("#cc7205", "#c6322b", "#990258", "#282873", "#111111")

# Categories without an order (status, gender, raised/lowered ...): Okabe-Ito colours that reach
# 3:1 on white and stay apart for colour-blind users (blue, vermillion, reddish purple, black; their
# bluish green is too close to the blue under tritanopia), and a grey for "not relevant" or "other".
CATEGORIES: tuple[str, ...] = ("#0072b2", "#d55e00", "#cc79a7", "#000000")
NEUTRAL = "#5f5f5f"

# Counts on tiles and heatmap cells, light to dark; the count is written on the tile, so the fill
# only has to order them, and the ink on it is chosen by `ink_on`.
SEQUENTIAL: tuple[str, ...] = ("#fee6ce", "#fdc08a", "#fd9a4f", "#e6650f", "#b54606", "#7f2704")
HIDDEN_FILL = "#d9d9d9"  # a tile whose count is hidden (suppressed)
OUTSIDE_FILL = "#f3f3f3"  # a tile outside the filter

DARK_INK = "#1a1a1a"
LIGHT_INK = "#ffffff"


def _channel(value: int) -> float:
    v = value / 255
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of a `#rrggbb` colour."""
    r, g, b = (int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, from 1 to 21."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def ink_on(fill: str) -> str:
    """The text colour (dark or white) with the higher contrast on `fill`."""
    return max((DARK_INK, LIGHT_INK), key=lambda ink: contrast(ink, fill))


def sequential_fill(value: float, top: float) -> str:
    """The fill of a count `value` on a scale from 0 to `top` (the largest count shown), by square
    root, so small counts beside a large one (a heatmap's diagonal) still differ."""
    if top <= 0 or value <= 0:
        return SEQUENTIAL[0]
    step = int((min(value, top) / top) ** 0.5 * len(SEQUENTIAL))
    return SEQUENTIAL[min(step, len(SEQUENTIAL) - 1)]
