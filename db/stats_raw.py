"""True counts for the statistics: internal to db/, only db.stats may call these.

Each query runs once over the filtered cases and returns per cell the count `n` and `k`, the sum of
the cases' record keys modulo 2^32 (the cell key of model/perturbation.py, before margins are
added). db.stats perturbs every figure before anything leaves db/. With a `Release`, only the
released cases count (model/release.py): released months, cases registered before their month's
cutoff, with their follow-up (status, police, measures, takedowns) as it was at that cutoff (the
history tables of migration 0007). The case tables come from one scan with GROUPING SETS, so the
page's cost hardly grows with the number of cases.

The scan groups by a few wide sets only (SCANNED), and each table of CASE_SETS is summed from the
smallest of them that holds its dimensions: every grouping set costs DuckDB a hash table per thread,
so nine of them over a million cases needed twice the memory and time of four; the sums over the
few hundred grouped rows are nearly free. The counts are the same.

Each query counts one or more *populations* in one pass (`Population`: a filter, and the release
that counts it, or None for live counts): a district contact's page needs the nationwide release and
their own district as it is now. Every case row is read once, tagged with the populations it belongs
to (`in0`, `in1`, ...) and grouped with those tags and, where a release freezes a follow-up value
(status, police, measure status, takedown outcome), with both values: as at the cutoff and as now
(`live_...`). Each population's tables are then sums over its rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from db.connection import cursor
from model.access import Role, Scope
from model.errors import AccessDenied
from model.perturbation import KEY_SPACE
from model.release import LAG_DAYS, Release
from model.stats_filter import StatsFilter

LIVE = "live_"  # prefix of a follow-up value as it is now, beside the value a release counts


def _police(prefix: str = "") -> str:
    return (f"CASE WHEN {prefix}police_report_filed THEN 'reported' WHEN {prefix}police_consulted"
            " THEN 'consulted' ELSE 'none' END")


# Dimension -> SQL expression over `cases` (code constants, never user input).
DIMS: dict[str, str] = {
    "month": "case_month",
    "level": "chosen_level",
    "district": "district_code",
    "age_band": "age_band",
    "gender": "coalesce(gender, 'uoplyst')",
    "police": _police(),
    "status": "status",
    "version": "model_version",
    "proposed": "proposed_level",
    "direction": "CASE WHEN chosen_level > proposed_level THEN 'raised'"
                 " WHEN chosen_level < proposed_level THEN 'lowered' ELSE 'followed' END",
    "reason": "coalesce(override_reason, 'none')",
}

# The dimensions a release freezes, from the live fields (when a release and a live population are
# counted together).
LIVE_DIMS: dict[str, str] = {"police": _police(LIVE), "status": f"{LIVE}status"}

# Table name -> its dimensions; all count cases of the filtered population.
CASE_SETS: dict[str, tuple[str, ...]] = {
    "by_month": ("month", "level"),
    "by_district": ("district",),
    "age_gender": ("age_band", "gender"),
    "police": ("police", "level"),
    "status": ("status", "level"),
    "by_version": ("level", "version"),
    "calibration": ("version", "proposed", "level"),
    "direction": ("version", "proposed", "direction"),
    "reasons": ("version", "reason", "direction"),
}

# What the scan groups by; every table of CASE_SETS is a sum over one of these (its dimensions a subset).
SCANNED: tuple[tuple[str, ...], ...] = (
    ("month", "level"),
    ("district",),
    ("age_band", "gender", "police", "status", "level"),
    ("version", "proposed", "level", "direction", "reason"),
)

JOIN_CHUNK = 250_000  # cases per slice of a join (see _joined)
FOLLOW_UP = ("police_consulted", "police_report_filed", "status")  # case fields a release freezes

STATS_ROLES = (Role.PROJECT_LEADER, Role.DISTRICT_CONTACT)


def check_stats_access(scope: Scope) -> None:
    if not any(scope.has(role) for role in STATS_ROLES):
        raise AccessDenied()


KEY = f"(sum({{p}}record_key) % {KEY_SPACE})::BIGINT AS k"  # a cell's key sum, exact in BIGINT


def _key(alias: str = "") -> str:
    return KEY.format(p=f"{alias}." if alias else "")


def _cutoff(release: Release, alias: str) -> tuple[str, list[object]]:
    """A case's cutoff in SQL: the last revision for months released by then, else the month's first
    release day (model/release.py)."""
    p = f"{alias}." if alias else ""
    return (f"CASE WHEN {p}case_month <= ? THEN ?::TIMESTAMP"
            f" ELSE ({p}case_month + to_months(1) + to_days(?))::TIMESTAMP END",
            [release.revised_through, release.cutoff(release.revised_through), LAG_DAYS])


def _as_of(table: str, keys: str, fields: tuple[str, ...], release: Release) -> tuple[str, list[object]]:
    """Per row of a history table, the first value replaced at or after the row's case's cutoff."""
    cutoff, params = _cutoff(release, "c")
    picked = ", ".join(f"arg_min(h.{f}, h.changed_at) AS {f}" for f in fields)
    return (f"(SELECT {keys}, {picked} FROM {table} h JOIN cases c USING (case_id)"
            f" WHERE h.changed_at >= {cutoff} GROUP BY ALL)", params)


@dataclass(frozen=True)
class Population:
    """The cases of `flt`: as `release` counts them (released months, follow-up as at the cutoff),
    or with `release` None all of them as they are now."""

    flt: StatsFilter
    release: Release | None = None


def _release(pops: Sequence[Population]) -> Release | None:
    """The one release of the populations counted together (None: all live)."""
    releases = {p.release for p in pops if p.release is not None}
    if len(releases) > 1:
        raise ValueError("populations counted together share one release")
    return next(iter(releases), None)


def _mixed(pops: Sequence[Population]) -> bool:
    """A release and live counts in one query: follow-up values are needed both ways."""
    return len({p.release is None for p in pops}) == 2


def _tags(pops: Sequence[Population], alias: str) -> tuple[str, list[object], str, list[object]]:
    """Which populations a case row belongs to: the select list `in0, in1, ...` and its parameters,
    and the WHERE clause that keeps the rows of any of them and its parameters."""
    clauses = [where(p.flt, p.release, alias) for p in pops]
    if len(clauses) == 1:
        return "TRUE AS in0", [], *clauses[0]
    params = [v for _, clause_params in clauses for v in clause_params]
    return (", ".join(f"({sql}) AS in{i}" for i, (sql, _) in enumerate(clauses)), params,
            " OR ".join(f"({sql})" for sql, _ in clauses), params)


def _tag_names(pops: Sequence[Population]) -> list[str]:
    return [f"in{i}" for i in range(len(pops))]


def _follow_up(pops: Sequence[Population], released: str, live: str, name: str) -> str:
    """Select items for a follow-up value as the populations count it: `released` (at the cutoff)
    for a released one, `live` (now) for a live one; both kinds counted: LIVE + name beside."""
    if _mixed(pops):
        return f"{released} AS {name}, {live} AS {LIVE}{name}"
    return f"{live if pops[0].release is None else released} AS {name}"


def _split(frame: pd.DataFrame, pops: Sequence[Population], twins: Sequence[str]) -> list[pd.DataFrame]:
    """The rows of each population, tags dropped; its follow-up values under their own names (a live
    population beside a release takes the LIVE twins)."""
    out = []
    for i, pop in enumerate(pops):
        rows = frame[frame[f"in{i}"].astype(bool)].drop(columns=_tag_names(pops))
        if _mixed(pops):
            live = {f"{LIVE}{t}": t for t in twins}
            rows = rows.drop(columns=list(live) if pop.release else list(twins)).rename(columns=live)
        out.append(rows.reset_index(drop=True))
    return out


def _summed(frame: pd.DataFrame, dims: list[str]) -> pd.DataFrame:
    """n and k summed per `dims` (k modulo KEY_SPACE again: it stays a cell key)."""
    out = frame.groupby(dims, sort=False, dropna=False)[["n", "k"]].sum().reset_index()
    out["k"] %= KEY_SPACE
    return out


def counted_cases(pops: Sequence[Population]) -> tuple[str, list[object]]:
    """The case rows of any of the populations, tagged (`in0`, ...), follow-up fields as they count
    them: at each case's cutoff for a released one (history tables), now for a live one (beside as
    LIVE fields when both are counted)."""
    tags, tag_params, clause, params = _tags(pops, "c")
    release = _release(pops)
    if release is None:
        return f"(SELECT c.*, {tags} FROM cases c WHERE {clause})", [*tag_params, *params]
    history, history_params = _as_of("case_history", "h.case_id", FOLLOW_UP, release)
    replaced = ", ".join(f"coalesce(h.{f}, c.{f}) AS {f}" for f in FOLLOW_UP)
    live = "".join(f", c.{f} AS {LIVE}{f}" for f in FOLLOW_UP) if _mixed(pops) else ""
    return (f"(SELECT c.* REPLACE ({replaced}){live}, {tags} FROM cases c"
            f" LEFT JOIN {history} h USING (case_id) WHERE {clause})",
            [*tag_params, *history_params, *params])


def where(flt: StatsFilter, release: Release | None = None, alias: str = "") -> tuple[str, list[object]]:
    """The filter (and release) as a WHERE clause over `cases` (optionally aliased) and its parameters."""
    p = f"{alias}." if alias else ""
    parts, params = ["TRUE"], []
    if release is not None:
        # Released months only; a case counts if registered before its month's cutoff.
        cutoff, cutoff_params = _cutoff(release, alias)
        parts.append(f"{p}case_month <= ? AND {p}created_at < {cutoff}")
        params += [release.last_month, *cutoff_params]
    if flt.first_month:
        parts.append(f"{p}case_month >= ?")
        params.append(flt.first_month)
    if flt.last_month:
        parts.append(f"{p}case_month <= ?")
        params.append(flt.last_month)
    if flt.districts:
        parts.append(f"list_contains(?::VARCHAR[], {p}district_code)")
        params.append(list(flt.districts))
    if flt.levels:
        parts.append(f"list_contains(?::INTEGER[], {p}chosen_level)")
        params.append(list(flt.levels))
    if flt.model_version:
        parts.append(f"{p}model_version = ?")
        params.append(flt.model_version)
    return " AND ".join(parts), params


def _frame(sql: str, params: list[object]) -> pd.DataFrame:
    with cursor() as cur:
        return cur.execute(sql, params).fetch_df()


def case_counts(scope: Scope, *pops: Population) -> list[dict[str, pd.DataFrame]]:
    """Every case table of CASE_SETS per population, all from one scan: the table's dimensions, n, k."""
    check_stats_access(scope)
    twins = tuple(LIVE_DIMS) if _mixed(pops) else ()
    names = [d for d in DIMS if any(d in dims for dims in SCANNED)] + [LIVE + d for d in twins]
    select = ", ".join(f"{DIMS.get(n) or LIVE_DIMS[n.removeprefix(LIVE)]} AS {n}" for n in names)
    sets = {dims: (*dims, *(LIVE + d for d in dims if d in twins)) for dims in SCANNED}
    tags = ", ".join(_tag_names(pops))
    grouping = ", ".join(f"({tags}, {', '.join(cols)})" for cols in sets.values())
    src, params = counted_cases(pops)
    rows = _frame(f"WITH f AS (SELECT {tags}, {select}, record_key FROM {src} cases)"
                  f" SELECT GROUPING({', '.join(names)}) AS g, {tags}, {', '.join(names)},"
                  f" count(*) AS n, {_key()} FROM f GROUP BY GROUPING SETS ({grouping})", params)
    masks = {dims: sum(1 << (len(names) - 1 - i) for i, n in enumerate(names) if n not in cols)
             for dims, cols in sets.items()}
    return [_case_tables(part, masks) for part in _split(rows, pops, twins)]


def _case_tables(rows: pd.DataFrame, masks: dict[tuple[str, ...], int]) -> dict[str, pd.DataFrame]:
    """The tables of CASE_SETS from one population's rows of the grouping sets (SCANNED, told apart
    by their GROUPING mask)."""
    out = {}
    for table, dims in CASE_SETS.items():
        source = min((s for s in SCANNED if set(dims) <= set(s)), key=len)
        out[table] = _summed(rows[rows["g"] == masks[source]], list(dims))
    return out


def platform_counts(scope: Scope, *pops: Population) -> list[pd.DataFrame]:
    """Platform mentions (a case may name several) per population: platform, n, k."""
    check_stats_access(scope)
    tags, tag_params, clause, params = _tags(pops, "c")
    rows = _frame(
        f"SELECT {', '.join(_tag_names(pops))}, platform, count(*) AS n, {_key()} FROM (SELECT {tags},"
        f" c.record_key, unnest(c.platforms) AS platform FROM cases c WHERE {clause}) GROUP BY ALL",
        [*tag_params, *params])
    return [_summed(part, ["platform"]) for part in _split(rows, pops, ())]


def _joined(sql: str, params: list[object], groups: list[str]) -> pd.DataFrame:
    """`sql` (a count joined to `cases c`, ending in a case_id range) over the cases in slices.

    A join builds a hash table of the joined cases: at 1M cases that was the page's largest
    allocation. Slices of JOIN_CHUNK case ids (zone maps skip the other row groups of both tables)
    bound it whatever the number of cases; the counts are summed over the slices, all read in one
    transaction, so they are those of one query.
    """
    with cursor() as cur:
        cur.execute("BEGIN TRANSACTION")
        low, high = cur.execute("SELECT min(case_id), max(case_id) FROM cases").fetchone()
        starts = range(low or 0, (high or 0) + 1, JOIN_CHUNK)
        parts = [cur.execute(sql, [*params, s, s + JOIN_CHUNK - 1]).fetch_df() for s in starts]
        cur.execute("COMMIT")
    if len(parts) == 1:
        return parts[0]
    summed = pd.concat(parts, ignore_index=True).groupby(groups, sort=False, dropna=False)[["n", "k"]].sum()
    return summed.reset_index()


def takedown_counts(scope: Scope, *pops: Population) -> list[pd.DataFrame]:
    """Takedown requests per platform and case, per population: outcome, n, k (a case's key once per
    request)."""
    check_stats_access(scope)
    tags, tag_params, clause, params = _tags(pops, "c")
    release = _release(pops)
    outcome, history, history_params = "t.outcome AS outcome", "", []
    if release is not None:
        table, history_params = _as_of("case_takedown_history", "h.case_id, h.platform", ("outcome",),
                                       release)
        history = f" LEFT JOIN {table} th ON th.case_id = t.case_id AND th.platform = t.platform"
        outcome = _follow_up(pops, "coalesce(th.outcome, t.outcome)", "t.outcome", "outcome")
    rows = _joined(
        f"SELECT {tags}, {outcome}, count(*) AS n, {_key('c')}"
        f" FROM case_takedowns t JOIN cases c USING (case_id){history} WHERE ({clause})"
        " AND c.case_id BETWEEN ? AND ? GROUP BY ALL", [*tag_params, *history_params, *params],
        [*_tag_names(pops), "outcome", *([LIVE + "outcome"] if _mixed(pops) else [])])
    return [_summed(part, ["outcome"]) for part in _split(rows, pops, ("outcome",))]


def measure_counts(scope: Scope, version: str, *pops: Population) -> list[pd.DataFrame]:
    """Measures of cases triaged with `version`, per population: level, measure, measure_status, n, k."""
    check_stats_access(scope)
    tags, tag_params, clause, params = _tags(pops, "c")
    release = _release(pops)
    status, history, history_params = "m.status AS measure_status", "", []
    if release is not None:
        table, history_params = _as_of("case_measure_history", "h.case_id, h.measure_key", ("status",),
                                       release)
        history = f" LEFT JOIN {table} mh ON mh.case_id = m.case_id AND mh.measure_key = m.measure_key"
        status = _follow_up(pops, "coalesce(mh.status, m.status)", "m.status", "measure_status")
    dims = ["level", "measure", "measure_status"]
    rows = _joined(
        f"SELECT {tags}, c.chosen_level AS level, m.measure_key AS measure, {status},"
        f" count(*) AS n, {_key('c')}"
        f" FROM case_measures m JOIN cases c USING (case_id){history} WHERE ({clause})"
        " AND c.model_version = ? AND c.case_id BETWEEN ? AND ? GROUP BY ALL",
        [*tag_params, *history_params, *params, version],
        [*_tag_names(pops), *dims, *([LIVE + "measure_status"] if _mixed(pops) else [])])
    return [_summed(part, dims) for part in _split(rows, pops, ("measure_status",))]


def month_bounds(scope: Scope) -> tuple[object, object]:
    """The first and last case month in the database (None, None when empty)."""
    check_stats_access(scope)
    with cursor() as cur:
        return cur.execute("SELECT min(case_month), max(case_month) FROM cases").fetchone()


def data_version(scope: Scope) -> tuple[object, ...]:
    """Changes whenever a case is added, edited or deleted: part of every statistics cache key."""
    check_stats_access(scope)
    with cursor() as cur:
        return tuple(cur.execute(
            "SELECT count(*), max(updated_at), coalesce(sum(row_version), 0), max(case_id) FROM cases"
        ).fetchone())
