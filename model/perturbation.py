"""The cell key method: consistent, bounded noise on every published count.

Why: counts are small and users filter freely, so any exact count can be recovered by differencing
two views, or two days. The cell key method (ABS TableBuilder; Thompson, Broadfoot and Elazar 2013;
Giessing 2016; sdcTools `cellKey`/`ptable`) gives every case a secret random *record key* once; a
cell's key is the sum of its cases' record keys modulo 2^32 (the fractional part of the sum of keys
in [0, 1)); the perturbation table below maps (true count, cell key) to the published count. The same
cases always give the same key, hence the same published value, so a view asked twice is the same and
the difference of two views is noise, not a count.

The table (D = 2): zeros stay zero; 1 and 2 are never published (a 1 is published as 0, a 2 as 3);
every published value p could come from at least three true counts, and from five when p >= 3. So a
published value never pins a count of 1-4, and an attacker who knows this table (but no record key)
learns only an interval.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

KEY_SPACE = 2**32  # record and cell keys are integers in [0, KEY_SPACE): exact sums, no float drift

# The edges of the table are rare (EDGE). Why: an attacker who knows the table learns a true count's
# interval; a count can only be pinned when it sits at the edge of its interval and the tables' sums
# hold it there. Every common move (a true count to a published value) leaves the count strictly inside
# its interval - one more or one less could have given the same value - so pinning needs rare edge
# moves to coincide, so its rate falls with EDGE squared. The audit (scripts/audit_disclosure.py)
# measures it: at 0.2 % it found one pin in 800 nested pairs (a "lowered" column of 2 published as 0
# beside a reason of 1 published as 3); at 0.05 % none.
EDGE = 0.0005

# published value -> probability, for the true counts 0-4; from 5 on the noise row LARGE applies.
SMALL: dict[int, dict[int, float]] = {
    0: {0: 1.0},
    1: {0: 1 - EDGE, 3: EDGE},
    2: {0: EDGE, 3: 1 - 2 * EDGE, 4: EDGE},
    3: {3: 0.6, 4: 0.4 - EDGE, 5: EDGE},
    4: {3: 0.25, 4: 0.5, 5: 0.25 - EDGE, 6: EDGE},
}
LARGE: dict[int, float] = {-2: EDGE, -1: 0.2, 0: 0.6 - 2 * EDGE, 1: 0.2, 2: EDGE}  # counts >= 5


@dataclass(frozen=True)
class PTable:
    """A perturbation table: for each true count its published values and their probabilities."""

    name: str
    small: Mapping[int, Mapping[int, float]]
    large: Mapping[int, float]

    @property
    def cap(self) -> int:
        """The smallest count that uses the `large` noise row."""
        return max(self.small) + 1

    @cached_property
    def noise_bound(self) -> int:
        """The largest difference between a published and a true count this table allows."""
        small = max(abs(p - n) for n, row in self.small.items() for p in row)
        return max(small, *(abs(e) for e in self.large))

    def row(self, n: int) -> dict[int, float]:
        """Published value -> probability for the true count `n`."""
        if n < 0:
            raise ValueError("counts are never negative")
        if n in self.small:
            return dict(self.small[n])
        return {n + e: w for e, w in self.large.items()}

    @cached_property
    def _thresholds(self) -> dict[int, list[tuple[int, int]]]:
        """Per small count and for `large`: (upper key bound, published value or noise) in key order."""
        rows = {n: list(r.items()) for n, r in self.small.items()}
        rows[-1] = list(self.large.items())
        out = {}
        for n, items in rows.items():
            acc, bounds = 0.0, []
            for value, weight in sorted(items):
                acc += weight
                bounds.append((round(acc * KEY_SPACE), value))
            bounds[-1] = (KEY_SPACE, bounds[-1][1])
            out[n] = bounds
        return out

    def publish(self, n: int, key: int) -> int:
        """The published value of a cell with true count `n` and cell key `key` (in [0, KEY_SPACE))."""
        if n < 0:
            raise ValueError("counts are never negative")
        key %= KEY_SPACE
        bounds = self._thresholds[n if n in self.small else -1]
        value = next(v for bound, v in bounds if key < bound)
        return value if n in self.small else n + value

    def possible(self, published: int) -> range:
        """Every true count this table can publish as `published` (an interval; checked in tests)."""
        low = max(0, published - self.noise_bound)
        found = [n for n in range(low, published + self.noise_bound + 1)
                 if self.row(n).get(published, 0) > 0]
        if not found:
            raise ValueError(f"{published} is never published by {self.name}")
        return range(found[0], found[-1] + 1)


CELL_KEY = PTable("cellekey-D2", SMALL, LARGE)
EXACT = PTable("eksakt", {0: {0: 1.0}}, {0: 1.0})  # own-district figures and the audit's known-leaky case


def cell_key(record_keys_sum: int) -> int:
    """The cell key of a cell from the sum of its cases' record keys."""
    return record_keys_sum % KEY_SPACE
