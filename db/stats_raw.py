"""True counts for the statistics: internal to db/, only db.stats may call these.

Each query runs once over the filtered cases and returns per cell the count `n` and `k`, the sum of
the cases' record keys modulo 2^32 (the cell key of model/perturbation.py, before margins are
added). db.stats perturbs every figure before anything leaves db/. With a `Release`, only the
released cases count (model/release.py): released months, cases registered before their month's
cutoff, with their follow-up (status, police, measures, takedowns) as it was at that cutoff (the
history tables of migration 0007) and their assessment (level, proposal, version, reason, facts, age
band, platforms) and plan (measures, takedown platforms) as they were then, before any
re-assessment (migration 0010: case_assessments and the plan snapshots). The case tables come from
one scan with GROUPING SETS, so the page's cost hardly grows with the number of cases.

The scan groups by a few wide sets only (SCANNED), and each table of CASE_SETS is summed from the
smallest of them that holds its dimensions: every grouping set costs DuckDB a hash table per thread,
so nine of them over a million cases needed twice the memory and time of four; the sums over the
few hundred grouped rows are nearly free. The counts are the same.
"""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from db.connection import cursor, reading
from db.read_cache import until_change
from model.access import Role, Scope
from model.errors import AccessDenied
from model.perturbation import KEY_SPACE
from model.release import LAG_DAYS, Release
from model.stats_filter import StatsFilter

# Dimension -> SQL expression over `cases` (code constants, never user input).
DIMS: dict[str, str] = {
    "month": "case_month",
    "level": "chosen_level",
    "district": "district_code",
    "age_band": "age_band",
    "gender": "coalesce(gender, 'uoplyst')",
    "police": "CASE WHEN police_report_filed THEN 'reported' WHEN police_consulted THEN 'consulted'"
              " ELSE 'none' END",
    "status": "status",
    "version": "model_version",
    "proposed": "proposed_level",
    "direction": "CASE WHEN chosen_level > proposed_level THEN 'raised'"
                 " WHEN chosen_level < proposed_level THEN 'lowered' ELSE 'followed' END",
    "reason": "coalesce(override_reason, 'none')",
}

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

STATS_ROLES = (Role.PROJECT_LEADER, Role.DISTRICT_CONTACT)


def check_stats_access(scope: Scope) -> None:
    if not any(scope.has(role) for role in STATS_ROLES):
        raise AccessDenied()


KEY = f"(sum({{p}}record_key) % {KEY_SPACE})::BIGINT AS k"  # a cell's key sum, exact in BIGINT


def _key(alias: str = "") -> str:
    return KEY.format(p=f"{alias}." if alias else "")


def month_cutoff(release: Release, month: str) -> tuple[str, list[object]]:
    """The cutoff of the month in SQL expression `month`: the last revision for months released by
    then, else the month's first release day (model/release.py)."""
    return (f"CASE WHEN {month} <= ? THEN ?::TIMESTAMP"
            f" ELSE ({month} + to_months(1) + to_days(?))::TIMESTAMP END",
            [release.revised_through, release.cutoff(release.revised_through), LAG_DAYS])


def _cutoff(release: Release, alias: str) -> tuple[str, list[object]]:
    """A case's cutoff in SQL (its month's)."""
    return month_cutoff(release, f"{alias}.case_month" if alias else "case_month")


def _as_of(table: str, keys: str, fields: tuple[str, ...], release: Release) -> tuple[str, list[object]]:
    """Per row of a history table, the first value replaced at or after the row's case's cutoff."""
    cutoff, params = _cutoff(release, "c")
    picked = ", ".join(f"arg_min(h.{f}, h.changed_at) AS {f}" for f in fields)
    return (f"(SELECT {keys}, {picked} FROM {table} h JOIN cases c USING (case_id)"
            f" WHERE h.changed_at >= {cutoff} GROUP BY ALL)", params)


# A case's assessment as the release counts it: its last assessment before its cutoff (the triage
# itself unless it was re-assessed before then). Cases without one (synthetic data) keep their own.
_ASSESSED = {
    "chosen_level": "arg_max(a.chosen_level, a.seq)",
    "proposed_level": "arg_max(a.proposed_level, a.seq)",
    "model_version": "arg_max(a.model_version, a.seq)",
    "override_reason": "arg_max_null(a.override_reason, a.seq)",
    "facts": "arg_max(a.facts, a.seq)",
}
_FROM_FACTS = {"age_band": "a.facts ->> '$.age_band'",
               "platforms": "from_json(a.facts -> '$.platforms', '[\"VARCHAR\"]')"}


def _assessed(release: Release) -> tuple[str, list[object]]:
    cutoff, params = _cutoff(release, "c")
    picked = ", ".join(f"{sql} AS {name}" for name, sql in _ASSESSED.items())
    return (f"(SELECT a.case_id, {picked} FROM case_assessments a JOIN cases c USING (case_id)"
            f" WHERE a.created_at < {cutoff} GROUP BY a.case_id)", params)


def released_cases(release: Release | None) -> tuple[str, list[object]]:
    """The cases as a release counts them: follow-up fields and assessment as they were at each
    case's cutoff."""
    if release is None:
        return "cases", []
    fields = ("police_consulted", "police_report_filed", "status")
    history, params = _as_of("case_history", "h.case_id", fields, release)
    assessed, assessed_params = _assessed(release)
    replaced = [f"coalesce(h.{f}, c.{f}) AS {f}" for f in fields]
    replaced += [f"CASE WHEN a.case_id IS NULL THEN c.{f} ELSE a.{f} END AS {f}" for f in _ASSESSED]
    replaced += [f"CASE WHEN a.case_id IS NULL THEN c.{f} ELSE {sql} END AS {f}"
                 for f, sql in _FROM_FACTS.items()]
    return (f"(SELECT c.* REPLACE ({', '.join(replaced)}) FROM cases c"
            f" LEFT JOIN {history} h USING (case_id) LEFT JOIN {assessed} a USING (case_id))",
            [*params, *assessed_params])


def plan_rows(table: str, snapshots: str, keys: str, release: Release | None
              ) -> tuple[str, list[object]]:
    """The rows of a case's plan table (case_measures, case_takedowns) as the release counts them:
    a case re-planned after its cutoff counts its first snapshot taken after the cutoff (the plan it
    had then), any other case its current rows."""
    if release is None:
        return table, []
    cutoff, params = _cutoff(release, "c")
    first = (f"(SELECT s.case_id, min(s.changed_at) AS at FROM {snapshots} s JOIN cases c"
             f" USING (case_id) WHERE s.changed_at >= {cutoff} GROUP BY s.case_id)")
    return (f"(WITH first AS {first}"
            f" SELECT {keys} FROM {table} WHERE case_id NOT IN (SELECT case_id FROM first)"
            f" UNION ALL SELECT {', '.join('s.' + k.strip() for k in keys.split(','))}"
            f" FROM {snapshots} s JOIN first f ON f.case_id = s.case_id AND f.at = s.changed_at)",
            params)


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


def case_counts(scope: Scope, flt: StatsFilter, release: Release | None = None) -> dict[str, pd.DataFrame]:
    """Every case table of CASE_SETS from one scan: the table's dimensions, n, k."""
    check_stats_access(scope)
    names = [d for d in DIMS if any(d in dims for dims in SCANNED)]
    select = ", ".join(f"{DIMS[name]} AS {name}" for name in names)
    sets = ", ".join("(" + ", ".join(dims) + ")" for dims in SCANNED)
    src, src_params = released_cases(release)
    clause, params = where(flt, release)
    sql = (f"WITH f AS (SELECT {select}, record_key FROM {src} cases WHERE {clause})"
           f" SELECT GROUPING({', '.join(names)}) AS g, {', '.join(names)}, count(*) AS n, {_key()}"
           f" FROM f GROUP BY GROUPING SETS ({sets})")
    rows = _frame(sql, [*src_params, *params])
    scanned = {}
    for dims in SCANNED:
        mask = sum(1 << (len(names) - 1 - i) for i, d in enumerate(names) if d not in dims)
        scanned[dims] = rows[rows["g"] == mask]
    out = {}
    for table, dims in CASE_SETS.items():
        source = min((s for s in SCANNED if set(dims) <= set(s)), key=len)
        part = scanned[source]
        if source != dims:
            part = part.groupby(list(dims), sort=False, dropna=False)[["n", "k"]].sum().reset_index()
        out[table] = part[[*dims, "n", "k"]].reset_index(drop=True)
    return out


def platform_counts(scope: Scope, flt: StatsFilter, release: Release | None = None) -> pd.DataFrame:
    """Platform mentions (a case may name several): platform, n, k."""
    check_stats_access(scope)
    src, src_params = released_cases(release)
    clause, params = where(flt, release)
    return _frame(
        f"SELECT platform, count(*) AS n, {_key()} FROM (SELECT record_key, unnest(platforms) AS platform"
        f" FROM {src} cases WHERE {clause}) GROUP BY ALL", [*src_params, *params])


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


def takedown_counts(scope: Scope, flt: StatsFilter, release: Release | None = None) -> pd.DataFrame:
    """Takedown requests per platform and case: outcome, n, k (a case's key once per request)."""
    check_stats_access(scope)
    clause, params = where(flt, release, "c")
    src, src_params = released_cases(release)
    rows, rows_params = plan_rows("case_takedowns", "case_takedown_snapshots", "case_id, platform, outcome",
                                  release)
    outcome, history, history_params = "t.outcome", "", []
    if release is not None:
        table, history_params = _as_of("case_takedown_history", "h.case_id, h.platform", ("outcome",),
                                       release)
        history = f" LEFT JOIN {table} th ON th.case_id = t.case_id AND th.platform = t.platform"
        outcome = "coalesce(th.outcome, t.outcome)"
    return _joined(
        f"SELECT {outcome} AS outcome, count(*) AS n, {_key('c')}"
        f" FROM {rows} t JOIN {src} c USING (case_id){history} WHERE {clause}"
        " AND c.case_id BETWEEN ? AND ? GROUP BY ALL",
        [*rows_params, *src_params, *history_params, *params], ["outcome"])


def measure_counts(scope: Scope, flt: StatsFilter, version: str, release: Release | None = None
                   ) -> pd.DataFrame:
    """Measures of cases triaged with `version`: level, measure, measure_status, n, k."""
    check_stats_access(scope)
    clause, params = where(flt, release, "c")
    src, src_params = released_cases(release)
    rows, rows_params = plan_rows("case_measures", "case_plan_snapshots", "case_id, measure_key, status",
                                  release)
    status, history, history_params = "m.status", "", []
    if release is not None:
        table, history_params = _as_of("case_measure_history", "h.case_id, h.measure_key", ("status",),
                                       release)
        history = f" LEFT JOIN {table} mh ON mh.case_id = m.case_id AND mh.measure_key = m.measure_key"
        status = "coalesce(mh.status, m.status)"
    return _joined(
        f"SELECT c.chosen_level AS level, m.measure_key AS measure, {status} AS measure_status,"
        f" count(*) AS n, {_key('c')}"
        f" FROM {rows} m JOIN {src} c USING (case_id){history} WHERE {clause}"
        " AND c.model_version = ? AND c.case_id BETWEEN ? AND ? GROUP BY ALL",
        [*rows_params, *src_params, *history_params, *params, version],
        ["level", "measure", "measure_status"])


def month_bounds(scope: Scope) -> tuple[object, object]:
    """The first and last case month in the database (None, None when empty)."""
    check_stats_access(scope)
    with cursor() as cur:
        return cur.execute("SELECT min(case_month), max(case_month) FROM cases").fetchone()


# Columns over `cases` (each aggregate kept to its rows by FILTER), so that what a statistics page
# reads on every run is one statement (`page_state`) and each part can still be read alone.
_BOUNDS = "min(case_month), max(case_month)"
_CHANGED = ("count(*) FILTER (WHERE {d}), max(updated_at) FILTER (WHERE {d}),"
            " coalesce(sum(row_version) FILTER (WHERE {d}), 0), max(case_id) FILTER (WHERE {d})")
_REGISTERED = ("count(*) FILTER (WHERE created_at < ?), max(case_id) FILTER (WHERE created_at < ?),"
               " coalesce(sum(record_key) FILTER (WHERE created_at < ?), 0),"
               " (SELECT count(*) FROM case_history WHERE changed_at < ?)"
               " + (SELECT count(*) FROM case_measure_history WHERE changed_at < ?)"
               " + (SELECT count(*) FROM case_takedown_history WHERE changed_at < ?)")
_IN_DISTRICT = "? IS NULL OR district_code = ?"


def _cutoff_of(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time())


def data_version(scope: Scope, district: str | None = None) -> tuple[object, ...]:
    """Changes whenever a case (of `district`, or of any) is added, edited or deleted. Kept until
    the next change: open pages read it on a timer (pages/components/freshness.py)."""
    check_stats_access(scope)
    return _data_version(district)


@until_change
def _data_version(district: str | None) -> tuple[object, ...]:
    with reading() as cur:
        return tuple(cur.execute(f"SELECT {_CHANGED.format(d=_IN_DISTRICT)} FROM cases",
                                 [district, district] * 4).fetchone())


def registered_before(scope: Scope, day: date) -> tuple[object, ...]:
    """What changes only when cases registered, or follow-up changed, before `day` change: count, last
    id and key sum of those cases, and the history rows recorded before the day."""
    check_stats_access(scope)
    with cursor() as cur:
        return tuple(cur.execute(f"SELECT {_REGISTERED} FROM cases", [_cutoff_of(day)] * 6).fetchone())


def page_state(scope: Scope, day: date, district: str | None = None
               ) -> tuple[tuple[object, object], tuple[object, ...], tuple[object, ...] | None]:
    """(month_bounds, registered_before(day), data_version(district) or None without a district),
    read in one statement (three cost three times DuckDB's fixed cost of one), and kept until the
    next change: what a statistics page reads on every run."""
    check_stats_access(scope)
    return _page_state(day, district)


@until_change
def _page_state(day: date, district: str | None
                ) -> tuple[tuple[object, object], tuple[object, ...], tuple[object, ...] | None]:
    columns, params = f"{_BOUNDS}, {_REGISTERED}", [_cutoff_of(day)] * 6
    if district is not None:
        columns, params = f"{columns}, {_CHANGED.format(d='district_code = ?')}", [*params, *[district] * 4]
    with reading() as cur:
        row = cur.execute(f"SELECT {columns} FROM cases", params).fetchone()
    return tuple(row[:2]), tuple(row[2:6]), tuple(row[6:]) if district is not None else None
