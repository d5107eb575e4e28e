"""The suppression algorithm on a table's additivity equations, independent of any frame layout.

A table (or several linked tables) is a vector of elements - cells and totals - and a list of lines,
each saying "the inner elements add up to the total elements" (one total for a row or column of a
table; several for an equation linking tables). Hiding is decided on that system, so margins shared
by linked tables are one element, hidden or shown everywhere alike.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

Line = tuple[list[int], list[int]]  # (inner element indices, total element indices)
TRIES = 12  # complements tried (cheapest first) to free one derivable element


def suppression_mask(
    values: np.ndarray, lines: Sequence[Line], threshold: int = 5, forced: np.ndarray | None = None
) -> np.ndarray:
    """Which elements to hide: 1..threshold-1 and `forced` (primary), then complements (secondary).

    Secondary suppression first closes every line with exactly one hidden element, then checks
    exactly that no hidden element follows from the shown ones; for one that does, it hides the
    cheapest element in a line with it that makes it free (else the cheapest in such a line).
    Cheapest: cells before totals (totals are what readers need most), small before large, zeros
    last. The loop ends: every round hides one more element, and with everything hidden only
    zeros follow from the equations alone.
    """
    hidden = (values >= 1) & (values < threshold)
    if forced is not None:
        hidden |= forced
    system = equations_matrix(lines, values.size)
    weight = (system != 0).sum(axis=0)  # lines an element is in: a shared margin costs more
    is_total = (system < 0).any(axis=0)

    def cost(e: int) -> tuple:
        # Totals are what readers need most; among cells the least information lost, and a
        # zero (which protects least) only after the non-zero ones.
        return (bool(is_total[e]), values[e] == 0, int(values[e]) * int(weight[e]), e)

    while True:
        _close_lines(lines, hidden, cost)
        # A derivable zero gives nothing away (zeros may be shown): structural zeros are derivable.
        determined = [e for e in derivable(system, hidden) if values[e] != 0]
        if not determined:
            return hidden
        element = determined[0]
        near = {e for inner, totals in lines if element in (*inner, *totals) for e in (*inner, *totals)}
        candidates = sorted((e for e in near if not hidden[e]), key=cost) or sorted(
            (int(e) for e in np.flatnonzero(~hidden)), key=cost)
        if not candidates:  # cannot happen: with all hidden only zeros are derivable
            return hidden
        hidden[_freeing(system, hidden, element, candidates)] = True


def _freeing(system: np.ndarray, hidden: np.ndarray, element: int, candidates: list[int]) -> int:
    """The first (cheapest) candidate whose hiding leaves `element` underivable, else the cheapest
    (a step towards freeing it)."""
    for e in candidates[:TRIES]:
        trial = hidden.copy()
        trial[e] = True
        if element not in derivable(system, trial):
            return e
    return candidates[0]


def _close_lines(lines: Sequence[Line], hidden: np.ndarray, cost) -> None:
    """Hide a complement in every line with exactly one hidden element, until none is left."""
    changed = True
    while changed:
        changed = False
        for inner, totals in lines:
            members = [*inner, *totals]
            if sum(bool(hidden[e]) for e in members) == 1:
                hidden[min((e for e in members if not hidden[e]), key=cost)] = True
                changed = True


def equations_matrix(lines: Sequence[Line], size: int) -> np.ndarray:
    """One row per line: +1 for inner elements, -1 for totals."""
    a = np.zeros((len(lines), size))
    for k, (inner, totals) in enumerate(lines):
        a[k, inner] = 1.0
        a[k, totals] = -1.0
    return a


def derivable(system: np.ndarray, hidden: np.ndarray) -> list[int]:
    """Hidden elements whose value follows from the shown ones through the equations `system`.

    A hidden element can be worked out exactly when every solution of the homogeneous system,
    restricted to the hidden elements, leaves it at zero (it is zero on the whole null space).
    """
    h_idx = np.flatnonzero(hidden)
    if h_idx.size == 0:
        return []
    a_h = system[:, h_idx]
    _, s, vt = np.linalg.svd(a_h, full_matrices=True)
    rank = int((s > 1e-9 * max(a_h.shape)).sum())
    null = vt[rank:]
    if null.shape[0] == 0:
        return [int(e) for e in h_idx]
    moved = (np.abs(null) > 1e-9).any(axis=0)
    return [int(e) for e in h_idx[~moved]]
