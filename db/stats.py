"""Statistics for the dashboards, scoped and perturbed before they leave db/.

`dashboard(scope, flt, district, on)` returns the nationwide tables as the caller may see them: from
the release in force on day `on` (model/release.py), every figure perturbed with the cell key method
(model/perturbation.py). A district contact asking for their own district also gets that district's
tables exact and live. Every table is a long frame of counts with margins labelled TOTAL ("I alt");
categories are codes (levels, districts, vocab codes, months).

For caches: what a caller is shown depends on their `Viewer` (the tables their roles allow and the
district they see exactly), not on who they are. The nationwide half (`national`) changes only with
the release in force and with what that release holds (`release_version`: a saved case or a
follow-up change does not move it); the own half (`own`) with the district's cases
(`district_version`). So the two halves are computed, and cached, on their own.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import date
from typing import NamedTuple

import pandas as pd

from db import audit, rights, stats_raw
from db.connection import transaction
from db.districts import all_districts
from db.model_registry import current_version, model_of, version_names
from db.stats_publish import Spec, concat, publish
from model.access import Role, Scope
from model.errors import AccessDenied, NotFound
from model.export_ids import new_export_id
from model.months import month_range
from model.perturbation import CELL_KEY, EXACT, PTable
from model.published import LEADER_ONLY, SLICED, TABLES
from model.release import Release
from model.stats_filter import StatsFilter
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
OVERRIDES = ("raised", "lowered")


@dataclass(frozen=True, eq=False)
class Dashboard:
    """`national`: published tables by name; `own`: the asked district's tables exact (or {})."""

    national: dict[str, pd.DataFrame]
    own: dict[str, pd.DataFrame] = field(default_factory=dict)
    district: str | None = None
    measures_version: str = ""
    release: Release | None = None
    method: PTable = CELL_KEY


def _model_levels(names: list[str]) -> list[int]:
    known = [v for v in names if v in version_names()]
    return sorted({n for v in known for n in model_of(v).level_numbers})


def _months(scope: Scope, flt: StatsFilter, release: Release | None) -> list[pd.Timestamp]:
    first, last = flt.first_month, flt.last_month
    if first is None or last is None:
        low, high = stats_raw.month_bounds(scope)
        first, last = first or low, last or high
    if release is not None and last is not None:
        last = min(last, release.last_month)
    if first is None or last is None or first > last:
        return []
    return [pd.Timestamp(m) for m in month_range(first, last)]


def _specs(scope: Scope, flt: StatsFilter, release: Release | None, names: tuple[str, ...]) -> list[Spec]:
    """The specs of the tables `names` (slices expanded), from one scan plus the joins they need."""
    raw = stats_raw.case_counts(scope, flt, release)
    versions_found = sorted(set(raw["by_version"]["version"]))
    model_names = [flt.model_version] if flt.model_version else version_names()
    model_names += [v for v in versions_found if v not in model_names]
    proposed = sorted(set(_model_levels(model_names)) | set(raw["calibration"]["proposed"]))
    levels = list(flt.levels) or sorted(set(proposed) | set(raw["by_version"]["level"]))
    districts = [d.code for d in all_districts() if not flt.districts or d.code in flt.districts]
    districts += [d for d in flt.districts if d not in districts]
    specs = {
        "by_month": [Spec("by_month", raw["by_month"], "month", "level",
                          _months(scope, flt, release), levels)],
        "by_district": [Spec("by_district", raw["by_district"], "district", None, districts)],
        "age_gender": [Spec("age_gender", raw["age_gender"], "age_band", "gender", list(AGE_BANDS),
                            list(GENDERS))],
        "police": [Spec("police", raw["police"], "police", "level", POLICE, levels)],
        "status": [Spec("status", raw["status"], "status", "level", list(CASE_STATUS), levels)],
        "by_version": [Spec("by_version", raw["by_version"], "level", "version", levels, model_names)],
    }
    if {"calibration", "direction", "reasons"} & set(names):
        specs |= {"calibration": [], "direction": [], "reasons": []}
        reasons = raw["reasons"]
        reasons = reasons[(reasons["reason"] != "none") & reasons["direction"].isin(OVERRIDES)]
        for v in model_names:
            extra = {"version": v}

            def part(df: pd.DataFrame, v: str = v) -> pd.DataFrame:
                return df[df["version"] == v].drop(columns="version")

            specs["calibration"].append(Spec(f"calibration:{v}", part(raw["calibration"]), "proposed",
                                             "level", proposed, levels, extra))
            specs["direction"].append(Spec(f"direction:{v}", part(raw["direction"]), "proposed",
                                           "direction", proposed, DIRECTIONS, extra))
            specs["reasons"].append(Spec(f"reasons:{v}", part(reasons), "reason", "direction",
                                         list(OVERRIDE_REASONS), OVERRIDES, extra))
    if "platforms" in names:
        specs["platforms"] = [Spec("platforms", stats_raw.platform_counts(scope, flt, release),
                                   "platform", None, list(PLATFORMS))]
    if "takedowns" in names:
        specs["takedowns"] = [Spec("takedowns", stats_raw.takedown_counts(scope, flt, release),
                                   "outcome", None, list(TAKEDOWN_OUTCOMES))]
    if "measures" in names:
        version = flt.model_version or current_version()
        specs["measures"] = _measure_specs(stats_raw.measure_counts(scope, flt, version, release),
                                           version, flt)
    return [s for name in names for s in specs.get(name, [])]


def _measure_specs(raw: pd.DataFrame, version: str, flt: StatsFilter) -> list[Spec]:
    model = model_of(version) if version in version_names() else None
    levels = sorted(set(model.level_numbers if model else ()) | set(raw["level"]))
    specs = []
    for lvl in [x for x in levels if not flt.levels or x in flt.levels]:
        keys = [m.key for m in model.level(lvl).measures] if model and lvl in model.level_numbers else []
        part = raw[raw["level"] == lvl].drop(columns="level")
        specs.append(Spec(f"measures:{lvl}", part, "measure", "measure_status", keys,
                          list(MEASURE_STATUS), {"level": lvl}, col_totals=False))
    return specs


def tables(scope: Scope, flt: StatsFilter, names: tuple[str, ...], release: Release | None,
           ptable: PTable) -> dict[str, pd.DataFrame]:
    """The tables `names` as published by `ptable`; slices both one by one (`calibration:2018`) and
    stacked under their table's name (`calibration`)."""
    frames = {s.name: publish(s, ptable) for s in _specs(scope, flt, release, names)}
    for name in SLICED:
        if name in names:
            frames[name] = concat(frames, name)
    return frames


@dataclass(frozen=True)
class Viewer:
    """What decides which statistics a caller is shown: the tables their roles allow, and the district
    whose own figures they see exactly (a contact on their own page; else None). Callers with equal
    viewers are shown the same figures, so caches key on this rather than on the login."""

    tables: tuple[str, ...]
    district: str | None = None


def viewer_of(scope: Scope, district: str | None = None) -> Viewer:
    """The caller's viewer; AccessDenied without a statistics role, NotFound for a district not theirs."""
    stats_raw.check_stats_access(scope)
    if district is not None and district not in scope.districts(Role.DISTRICT_CONTACT):
        raise NotFound()
    if scope.has(Role.PROJECT_LEADER):
        return Viewer(tuple(TABLES), district)
    return Viewer(tuple(n for n in TABLES if n not in LEADER_ONLY), district)


def national(scope: Scope, flt: StatsFilter, on: date | None = None) -> dict[str, pd.DataFrame]:
    """The nationwide tables `scope` may see, from the release in force on day `on`, perturbed."""
    names = viewer_of(scope).tables
    return tables(scope, flt.normalised(), names, Release.on_day(on or date.today()), CELL_KEY)


def own(scope: Scope, flt: StatsFilter, district: str) -> dict[str, pd.DataFrame]:
    """A contact's own district's tables, exact and live (every case as it is now)."""
    names = viewer_of(scope, district).tables
    return tables(scope, replace(flt.normalised(), districts=(district,)), names, None, EXACT)


def assemble(flt: StatsFilter, national_tables: dict[str, pd.DataFrame], own_tables: dict[str, pd.DataFrame],
             district: str | None, on: date | None = None) -> Dashboard:
    """The dashboard of the two halves, with the release and method that describe them."""
    flt = flt.normalised()
    return Dashboard(national_tables, own_tables, district, flt.model_version or current_version(),
                     Release.on_day(on or date.today()), CELL_KEY)


def dashboard(scope: Scope, flt: StatsFilter, district: str | None = None,
              on: date | None = None) -> Dashboard:
    """Nationwide tables as `scope` may see them on day `on` (default today): released and perturbed;
    with `district` (a contact's own), that district's tables exact and live."""
    viewer_of(scope, district)
    return assemble(flt, national(scope, flt, on), own(scope, flt, district) if district else {},
                    district, on)


def true_dashboard(scope: Scope, flt: StatsFilter, district: str | None = None, on: date | None = None,
                   viewer: Scope | None = None) -> Dashboard:
    """The same tables unperturbed, for the disclosure audit only (administrators and tools).

    `viewer` is whose dashboard to mirror (which tables); the numbers are the true counts behind it.
    """
    if not scope.has(Role.ADMIN):
        raise AccessDenied()
    names = viewer_of(viewer or scope, district).tables
    flt = flt.normalised()
    release = Release.on_day(on or date.today())
    national = tables(viewer or scope, flt, names, release, EXACT)
    own = {}
    if district is not None:
        own = tables(viewer or scope, replace(flt, districts=(district,)), names, None, EXACT)
    return Dashboard(national, own, district, flt.model_version or current_version(), release, EXACT)


def period_bounds(scope: Scope, released_on: date | None = None) -> tuple[object, object]:
    """First and last case month of the whole database, for the period filter's defaults; with
    `released_on`, the last month is at most the last month released that day."""
    return _capped(*stats_raw.month_bounds(scope), released_on)


def _capped(low, high, released_on: date | None) -> tuple[object, object]:
    if released_on is not None and high is not None:
        high = min(high, Release.on_day(released_on).last_month)
        low = min(low, high)
    return low, high


class PageState(NamedTuple):
    """What a statistics page reads on every run: the months its period filter offers
    (`period_bounds`), the nationwide half's `release_version` and, on a contact's page, the own
    half's `district_version`."""

    on: date
    bounds: tuple[object, object]
    release_version: tuple[object, ...]
    district_version: tuple[object, ...] | None = None


def page_state(scope: Scope, on: date, district: str | None = None, *,
               released_bounds: bool = True) -> PageState:
    """The page's state on day `on`, read in one statement (equal to reading each part alone);
    bounds up to the last released month when `released_bounds`. AccessDenied without a
    statistics role, NotFound for a district not the caller's (before anything is read)."""
    viewer_of(scope, district)
    release = Release.on_day(on)
    bounds, registered, changed = stats_raw.page_state(scope, release.day, district)
    return PageState(on, _capped(*bounds, on if released_bounds else None),
                     (release.day, *registered), changed)


def data_version(scope: Scope) -> tuple[object, ...]:
    """Changes whenever a case changes or a model version is published (a new version adds its
    levels and columns to the tables); statistics caches include it in their key."""
    return (*stats_raw.data_version(scope), *version_names())


def release_version(scope: Scope, on: date | None = None) -> tuple[object, ...]:
    """Changes when what the release in force on `on` holds could change: the cases registered before
    its day and the follow-up history recorded before it. The app's own writes never move it (a new
    case is registered after the day, a follow-up change is recorded after it); loading data from
    outside does. Part of the nationwide half's cache key."""
    release = Release.on_day(on or date.today())
    return (release.day, *stats_raw.registered_before(scope, release.day))


def district_version(scope: Scope, district: str) -> tuple[object, ...]:
    """Changes whenever a case of `district` changes; part of the own half's cache key."""
    return stats_raw.data_version(scope, district)


def record_export(scope: Scope, *, page: str, table: str, fmt: str, flt: StatsFilter,
                  district: str | None = None, release: Release | None = None,
                  method: str | None = None) -> str:
    """Write one download of a statistics table or chart to the audit log; returns its export id.

    The caller's rights are read again first: a revoked or logged-out user gets no file. The entry
    names the release and method of the figures (None, "eksakt": a contact's own, live and exact).
    """
    export_id = new_export_id()
    details = {"page": page, "format": fmt, "filter": asdict(flt),
               "release": release.day.isoformat() if release else None, "method": method}
    with transaction() as cur:
        scope = rights.recheck(cur, scope)
        stats_raw.check_stats_access(scope)
        if district is not None and district not in scope.districts(Role.DISTRICT_CONTACT):
            raise NotFound()
        audit.record(cur, scope, "stats.export", district=district, object_type="stats_table",
                     object_id=table, details=details, export_id=export_id)
    return export_id
