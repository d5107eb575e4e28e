"""The shape of the synthetic data: plausible, invented proportions (no real figures behind them).

Each distribution becomes a lookup list of `BUCKETS` entries, each category repeated in proportion to
its weight, so SQL can draw from it with `list[1 + floor(u * BUCKETS)]` for a pseudo-random `u`:
no joins, no Python loops over cases, and the weights reach SQL as `?` parameters.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

BUCKETS = 1000

# Roughly by population; Greenland and the Faroe Islands are small tenants outside the 12.
DISTRICTS = {
    "NJY": 10, "OJY": 13, "MVJ": 9, "SOJ": 8, "SSJ": 8, "FYN": 9, "SSL": 6, "MVS": 7, "NSJ": 8,
    "KVE": 8, "KBH": 12, "BOR": 0.8, "GRL": 0.6, "FAR": 0.4,
}
AGE_BANDS = {"under_13": 8, "13_15": 42, "16_17": 38, "18_plus": 12}
GENDERS = {"pige": 66, "dreng": 25, "andet": 2, "uoplyst": 4, "": 3}  # "" -> NULL (not given)
INSTITUTIONS = {"grundskole": 40, "efterskole": 8, "gymnasium": 30, "erhvervsskole": 12,
                "anden_uddannelse": 4, "ingen": 6}
PLATFORMS = {"snapchat": 45, "instagram": 15, "tiktok": 9, "facebook": 6, "whatsapp": 6,
             "sms_mms": 4, "discord": 5, "pornografisk_side": 4, "andet": 6}
# A school year: fewer cases in the summer holiday and around Christmas.
SEASON = [1.0, 1.1, 1.1, 1.0, 1.0, 0.8, 0.4, 0.7, 1.2, 1.2, 1.1, 0.8]
LEVEL_SHARE = [35, 33, 22, 10]  # level 1 .. 4 of a four-level model; more levels taper off
REASONS_RAISED = {"reaction_stronger": 40, "spread_wider": 20, "vulnerable": 20,
                  "police_advice": 10, "other_professional": 10}
REASONS_LOWERED = {"reaction_weaker": 60, "police_advice": 20, "other_professional": 20}
POLICE_CONSULTED = [0.10, 0.35, 0.80, 0.98]  # by level
REPORT_IF_CONSULTED = [0.05, 0.20, 0.50, 0.90]
TAKEDOWN = [  # outcome weights by level
    {"not_requested": 60, "removed": 30, "requested": 10},
    {"not_requested": 10, "requested": 30, "removed": 45, "refused": 15},
    {"police_handles": 50, "removed": 30, "requested": 10, "refused": 10},
    {"police_handles": 60, "removed": 25, "requested": 10, "refused": 5},
]
REGISTRATION_DELAY_MEAN_DAYS = 10  # days from the event to its registration (exponential)
LATE_SHARE = 0.05  # cases registered 30-150 days late, often after their month is released
TAKEDOWN_SHARE = [0.15, 0.6, 0.95, 0.98]  # cases with takedown rows, by level


def buckets(weights: Mapping[str, float] | Sequence[float], labels: Sequence[str] | None = None) -> list:
    """A lookup list of BUCKETS entries where each label fills a share equal to its weight."""
    items = list(weights.items()) if isinstance(weights, Mapping) else list(
        zip(labels or range(len(weights)), weights, strict=True))
    total = float(sum(w for _, w in items))
    out: list = []
    acc = 0.0
    for label, weight in items:
        acc += weight / total
        out += [label] * (round(acc * BUCKETS) - len(out))
    return out + [items[-1][0]] * (BUCKETS - len(out))


def level_buckets(n_levels: int) -> list[int]:
    """Proposed-level draw for a model with `n_levels` levels."""
    shares = [LEVEL_SHARE[i] if i < len(LEVEL_SHARE) else LEVEL_SHARE[-1] / 2 for i in range(n_levels)]
    return buckets(shares, list(range(1, n_levels + 1)))


def month_buckets(months: int, first_calendar_month: int = 1) -> list[int]:
    """Month offsets with a slow upward trend (more awareness) and the school-year season."""
    weights = [(1 + 0.6 * m / max(months - 1, 1)) * SEASON[(first_calendar_month - 1 + m) % 12]
               for m in range(months)]
    return buckets(weights, list(range(months)))


def by_level(values: Sequence[float], n_levels: int) -> list[float]:
    """A per-level list stretched to `n_levels` (extra levels take the last value)."""
    return [values[min(i, len(values) - 1)] for i in range(n_levels)]
