"""The suppression algorithm on a table's additivity equations, independent of any frame layout.

A table (or several linked tables) is a vector of elements - cells and totals - and a list of lines,
each saying "the inner elements add up to the total element". Hiding is decided on that system, so
margins shared by linked tables are one element, hidden or shown everywhere alike.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

Line = tuple[list[int], int]  # (inner element indices, total element index)


def suppression_mask(
    values: np.ndarray, lines: Sequence[Line], threshold: int = 5, forced: np.ndarray | None = None
) -> np.ndarray:
    """Which elements to hide: 1..threshold-1 and `forced` (primary), then complements (secondary).

    Secondary suppression first closes every line with exactly one hidden element, then checks
    exactly that no hidden element follows from the shown ones; it hides more until none does.
    The loop ends: every round hides one more element, and with everything hidden nothing follows.
    """
    hidden = (values >= 1) & (values < threshold)
    if forced is not None:
        hidden |= forced
    is_total = np.zeros(values.size, dtype=bool)
    for _, total in lines:
        is_total[total] = True
    while True:
        _close_lines(lines, values, hidden, is_total)
        determined = derivable(lines, values.size, hidden)
        if not determined:
            return hidden
        element = determined[0]
        near = [e for inner, total in lines if element in (*inner, total) for e in (*inner, total)]
        candidates = [e for e in near if not hidden[e]] or [int(e) for e in np.flatnonzero(~hidden)]
        hidden[_cheapest(candidates, values, is_total)] = True


def _close_lines(lines: Sequence[Line], values: np.ndarray, hidden: np.ndarray,
                 is_total: np.ndarray) -> None:
    """Hide a complement in every line with exactly one hidden element, until none is left."""
    changed = True
    while changed:
        changed = False
        for inner, total in lines:
            members = [*inner, total]
            if sum(bool(hidden[e]) for e in members) == 1:
                shown = [e for e in members if not hidden[e]]
                hidden[_cheapest(shown, values, is_total)] = True
                changed = True


def _cheapest(candidates: list[int], values: np.ndarray, is_total: np.ndarray) -> int:
    """Prefer the smallest non-zero cell, then a total, then a zero (a hidden zero protects least)."""
    return min(candidates, key=lambda e: (values[e] == 0, bool(is_total[e]), int(values[e]), e))


def derivable(lines: Sequence[Line], size: int, hidden: np.ndarray) -> list[int]:
    """Hidden elements whose value follows from the shown ones through the lines' equations.

    A hidden element can be worked out exactly when every solution of the homogeneous system,
    restricted to the hidden elements, leaves it at zero (it is zero on the whole null space).
    """
    h_idx = np.flatnonzero(hidden)
    if h_idx.size == 0:
        return []
    a = np.zeros((len(lines), size))
    for k, (inner, total) in enumerate(lines):
        a[k, inner] = 1.0
        a[k, total] = -1.0
    a_h = a[:, h_idx]
    _, s, vt = np.linalg.svd(a_h, full_matrices=True)
    rank = int((s > 1e-9 * max(a_h.shape)).sum())
    null = vt[rank:]
    if null.shape[0] == 0:
        return [int(e) for e in h_idx]
    moved = (np.abs(null) > 1e-9).any(axis=0)
    return [int(e) for e in h_idx[~moved]]
