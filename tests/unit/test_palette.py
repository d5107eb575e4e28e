"""The chart palette: contrast on white, ink on tiles, and colours that colour-blind users can tell
apart (simulated with the Machado, Oliveira & Fernandes 2009 matrices at full severity, distance
in CIELAB)."""

from __future__ import annotations

import itertools

import pytest

from pages.components import palette

CVD = {  # linear-RGB matrices, severity 1.0
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
    "none": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
}
MIN_DISTANCE = 20  # CIELAB delta E 1976: clearly different colours side by side


def _linear(colour: str) -> tuple[float, ...]:
    return tuple(palette._channel(int(colour.lstrip("#")[i:i + 2], 16)) for i in (0, 2, 4))


def _lab(rgb: tuple[float, ...]) -> tuple[float, float, float]:
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def seen_as(colour: str, vision: str) -> tuple[float, float, float]:
    rgb = _linear(colour)
    simulated = tuple(min(max(sum(m * c for m, c in zip(row, rgb, strict=True)), 0.0), 1.0)
                      for row in CVD[vision])
    return _lab(simulated)


def distance(a: str, b: str, vision: str) -> float:
    return sum((p - q) ** 2 for p, q in zip(seen_as(a, vision), seen_as(b, vision),
                                            strict=True)) ** 0.5


@pytest.mark.parametrize("colour", [*palette.LEVELS, *palette.CATEGORIES, palette.NEUTRAL])
def test_every_colour_that_carries_meaning_has_3_to_1_on_white(colour):
    assert palette.contrast(colour, "#ffffff") >= 3


PALETTES = {"levels": palette.LEVELS, "categories": (*palette.CATEGORIES, palette.NEUTRAL)}


@pytest.mark.parametrize("vision", list(CVD))
@pytest.mark.parametrize("name", list(PALETTES))
def test_colours_of_a_palette_stay_apart_for_colour_blind_users(name, vision):
    colours = PALETTES[name]
    closest = min((distance(a, b, vision), a, b) for a, b in itertools.combinations(colours, 2))
    assert closest[0] >= MIN_DISTANCE, closest


def test_the_levels_get_darker_so_their_order_reads_without_hue():
    lum = [palette.relative_luminance(c) for c in palette.LEVELS]
    assert lum == sorted(lum, reverse=True)


def test_the_old_light_level_colours_would_fail():
    """The check bites: the former level 1 and 2 colours were 1.4:1 and 2.3:1 on white."""
    assert palette.contrast("#fdd49e", "#ffffff") < 3
    assert palette.contrast("#fc8d59", "#ffffff") < 3


def test_the_check_bites_on_a_pair_colour_blind_users_confuse():
    """Okabe-Ito's blue and bluish green: fine for normal vision, too close under tritanopia."""
    assert distance("#0072b2", "#009e73", "none") >= MIN_DISTANCE
    assert distance("#0072b2", "#009e73", "tritanopia") < MIN_DISTANCE


@pytest.mark.parametrize("fill", [*palette.SEQUENTIAL, palette.HIDDEN_FILL, palette.OUTSIDE_FILL,
                                  *palette.LEVELS, *palette.CATEGORIES])
def test_ink_on_any_fill_reaches_4_5_to_1(fill):
    assert palette.contrast(palette.ink_on(fill), fill) >= 4.5


def test_dark_tiles_get_white_ink_and_light_tiles_dark_ink():
    assert palette.ink_on(palette.SEQUENTIAL[-1]) == palette.LIGHT_INK
    assert palette.ink_on(palette.SEQUENTIAL[0]) == palette.DARK_INK


@pytest.mark.parametrize(("value", "top", "step"),
                         [(0, 10, 0), (10, 10, -1), (5, 10, 4), (1, 100, 0), (9, 100, 1), (1, 0, 0)])
def test_sequential_fill_spans_the_scale(value, top, step):
    assert palette.sequential_fill(value, top) == palette.SEQUENTIAL[step]


def test_contrast_matches_known_values():
    assert palette.contrast("#000000", "#ffffff") == pytest.approx(21)
    assert palette.contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
