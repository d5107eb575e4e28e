"""Statistics for the dashboards, scoped and suppressed before they leave db/.

`dashboard(scope, flt, district)` returns the nationwide tables with small counts suppressed (as the
caller may see them) and, for a district contact asking for their own district, that district's
tables in full. Every table is a long frame of counts with margins labelled TOTAL ("I alt") and
`pd.NA` where a value is hidden; categories are codes (levels, districts, vocab codes, months).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

import pandas as pd

from db import audit, rights, stats_raw
from db.connection import transaction
from db.districts import all_districts
from db.model_registry import current_version, model_of, version_names
from db.stats_publish import Spec, concat, full, publish
from model.access import Role, Scope
from model.errors import NotFound
from model.export_ids import new_export_id
from model.stats_filter import StatsFilter
from model.suppression import Key, key_of
from model.vocab import (
    AGE_BANDS,
    CASE_STATUS,
    GENDERS,
    MEASURE_STATUS,
    OVERRIDE_REASONS,
    PLATFORMS,
    TAKEDOWN_OUTCOMES,
)

POLICE = ("none", "consulted", "reported")
DIRECTIONS = ("followed", "raised", "lowered")
REASONS = ("none", *OVERRIDE_REASONS)
SLICED = ("calibration", "direction", "reasons", "measures")
LEADER_ONLY = ("calibration", "direction", "reasons")


@dataclass(frozen=True, eq=False)
class Dashboard:
    """`national`: suppressed tables by name; `own`: the asked district's tables in full (or {})."""

    national: dict[str, pd.DataFrame]
    own: dict[str, pd.DataFrame] = field(default_factory=dict)
    district: str | None = None
    measures_version: str = ""


def _model_levels(names: list[str]) -> list[int]:
    known = [v for v in names if v in version_names()]
    return sorted({n for v in known for n in model_of(v).level_numbers})


def _months(scope: Scope, flt: StatsFilter) -> list[pd.Timestamp]:
    first, last = flt.first_month, flt.last_month
    if first is None or last is None:
        low, high = stats_raw.month_bounds(scope)
        first, last = first or low, last or high
    if first is None or last is None:
        return []
    return list(pd.date_range(pd.Timestamp(first), pd.Timestamp(last), freq="MS"))


def _case_specs(scope: Scope, flt: StatsFilter, raw: dict[str, pd.DataFrame]):
    names = [flt.model_version] if flt.model_version else version_names()
    names += sorted(set(raw["by_version"]["version"]) - set(names))
    proposed = sorted(set(_model_levels(names)) | set(raw["calibration"]["proposed"]))
    levels = list(flt.levels) or sorted(set(proposed) | set(raw["by_version"]["level"]))
    districts = [d.code for d in all_districts() if not flt.districts or d.code in flt.districts]
    districts += [d for d in flt.districts if d not in districts]
    specs = [
        Spec("by_month", raw["by_month"], "month", "level", _months(scope, flt), levels),
        Spec("by_district", raw["by_district"], "district", None, districts),
        Spec("age_gender", raw["age_gender"], "age_band", "gender", list(AGE_BANDS), list(GENDERS)),
        Spec("police", raw["police"], "police", "level", POLICE, levels),
        Spec("status", raw["status"], "status", "level", list(CASE_STATUS), levels),
        Spec("by_version", raw["by_version"], "level", "version", levels, names),
    ]
    equations: list[tuple[list[Key], list[Key]]] = []
    for v in names:
        fixed, extra = (("version", v),), {"version": v}
        part = {t: raw[t][raw[t]["version"] == v].drop(columns="version") for t in LEADER_ONLY}
        specs += [
            Spec(f"calibration:{v}", part["calibration"], "proposed", "level", proposed, levels,
                 fixed, extra),
            Spec(f"direction:{v}", part["direction"], "proposed", "direction", proposed, DIRECTIONS,
                 fixed, extra),
            Spec(f"reasons:{v}", part["reasons"], "reason", "direction", REASONS, DIRECTIONS,
                 fixed, extra),
        ]
        for p in proposed:
            for d in DIRECTIONS:
                cells = [key_of(("proposed", p), ("level", lvl), *fixed) for lvl in levels
                         if _direction(p, lvl) == d]
                if cells:
                    equations.append((cells, [key_of(("proposed", p), ("direction", d), *fixed)]))
    return specs, equations


def _direction(proposed: int, chosen: int) -> str:
    return "followed" if chosen == proposed else ("raised" if chosen > proposed else "lowered")


def _measure_specs(raw: pd.DataFrame, version: str, flt: StatsFilter) -> list[Spec]:
    model = model_of(version) if version in version_names() else None
    levels = sorted(set(model.level_numbers if model else ()) | set(raw["level"]))
    specs = []
    for lvl in [x for x in levels if not flt.levels or x in flt.levels]:
        keys = [m.key for m in model.level(lvl).measures] if model and lvl in model.level_numbers else []
        part = raw[raw["level"] == lvl].drop(columns="level")
        specs.append(Spec(f"measures:{lvl}", part, "measure", "measure_status", keys,
                          list(MEASURE_STATUS), (("level", lvl),), {"level": lvl}))
    return specs


def _tables(scope: Scope, flt: StatsFilter, known: tuple[str, ...], publish_fn) -> dict:
    raw = stats_raw.case_counts(scope, flt, known)
    specs, equations = _case_specs(scope, flt, raw)
    version = flt.model_version or current_version()
    groups = [
        (specs, equations),
        ([Spec("platforms", stats_raw.platform_counts(scope, flt, known), "platform", None,
               list(PLATFORMS))], []),
        ([Spec("takedowns", stats_raw.takedown_counts(scope, flt, known), "outcome", None,
               list(TAKEDOWN_OUTCOMES))], []),
        (_measure_specs(stats_raw.measure_counts(scope, flt, known, version), version, flt), []),
    ]
    frames: dict[str, pd.DataFrame] = {}
    for group, eqs in groups:
        frames |= publish_fn(group, eqs)
    for name in SLICED:
        frames[name] = concat(frames, name)
    return {k: v for k, v in frames.items() if ":" not in k}


def _full(specs, _equations) -> dict[str, pd.DataFrame]:
    return {s.name: full(s) for s in specs}


def dashboard(scope: Scope, flt: StatsFilter, district: str | None = None) -> Dashboard:
    """Nationwide tables as `scope` may see them; with `district`, that district's own in full."""
    stats_raw.check_stats_access(scope)
    flt = flt.normalised()
    if district is not None and district not in scope.districts(Role.DISTRICT_CONTACT):
        raise NotFound()
    known = tuple(sorted(scope.districts(Role.DISTRICT_CONTACT)))
    national = _tables(scope, flt, known, publish)
    if not scope.has(Role.PROJECT_LEADER):
        national = {k: v for k, v in national.items() if k not in LEADER_ONLY}
    own = {}
    if district is not None:
        own = _tables(scope, replace(flt, districts=(district,)), (district,), _full)
    return Dashboard(national, own, district, flt.model_version or current_version())


def period_bounds(scope: Scope) -> tuple[object, object]:
    """First and last case month of the whole database, for the period filter's defaults."""
    return stats_raw.month_bounds(scope)


def data_version(scope: Scope) -> tuple[object, ...]:
    """Changes whenever a case changes or a model version is published (a new version adds its
    levels and columns to the tables); statistics caches include it in their key."""
    return (*stats_raw.data_version(scope), *version_names())


def record_export(scope: Scope, *, page: str, table: str, fmt: str, flt: StatsFilter,
                  district: str | None = None) -> str:
    """Write one download of a statistics table or chart to the audit log; returns its export id.

    The caller's rights are read again first: a revoked or logged-out user gets no file.
    """
    export_id = new_export_id()
    with transaction() as cur:
        scope = rights.recheck(cur, scope)
        stats_raw.check_stats_access(scope)
        if district is not None and district not in scope.districts(Role.DISTRICT_CONTACT):
            raise NotFound()
        audit.record(cur, scope, "stats.export", district=district, object_type="stats_table",
                     object_id=table, details={"page": page, "format": fmt, "filter": asdict(flt)},
                     export_id=export_id)
    return export_id
