"""What the project learns from the cases after triage: re-assessments and the answers at close.

Counted over the cases the statistics filter selects in the release in force (as the dashboards
count them, db/stats_raw.py), and published through db/model_stats.py before anything leaves db/.
An event (a re-assessment, a close) is released like a case: its month is released and it was
recorded before that month's cutoff, so the figures do not move between two release days.
  moves:V        re-assessments made under version V: the level before x after;
  direction:V    the same re-assessments: higher, lower or the same level;
  reassessed     cases per version: re-assessed at least once or not (how often cases move);
  fit:V          each case's latest close (version V): level at close x did the level fit;
  situation:V    the same closes: level at close x the victim's situation;
  helped:V       the measures named as helping in those closes (mentions).
"""

from __future__ import annotations

import pandas as pd

from db.connection import cursor
from db.model_registry import all_level_numbers
from db.model_stats import check_leader, publish_tables, release_on
from db.stats_publish import Spec
from db.stats_raw import month_cutoff, released_cases, where
from model.access import Scope
from model.closing import LEVEL_FIT, SITUATION
from model.perturbation import KEY_SPACE
from model.release import Release
from model.stats_filter import StatsFilter

DIRECTIONS = ("raised", "lowered", "same")
YES_NO = ("ja", "nej")
KEY = f"(sum(c.record_key) % {KEY_SPACE})::BIGINT AS k"


def _frame(sql: str, params: list[object]) -> pd.DataFrame:
    with cursor() as cur:
        return cur.execute(sql, params).fetch_df()


def _released_events(table: str, month: str, release: Release) -> tuple[str, list[object]]:
    """The rows of `table` released by `release` (their month released, recorded before its cutoff)."""
    cutoff, params = month_cutoff(release, month)
    return (f"(SELECT * FROM {table} WHERE {month} <= ? AND created_at < {cutoff})",
            [release.last_month, *params])


def _population(flt: StatsFilter, release: Release
                ) -> tuple[str, list[object], str, list[object]]:
    """The counted cases (`c`, as the release counts them) and the filter over them."""
    src, src_params = released_cases(release)
    clause, params = where(flt, release, "c")
    return src, src_params, clause, params


def _moves(flt: StatsFilter, release: Release) -> pd.DataFrame:
    events, e_params = _released_events("case_assessments", "assessed_month", release)
    src, src_params, clause, params = _population(flt, release)
    return _frame(
        "WITH a AS (SELECT case_id, seq, model_version AS version, chosen_level AS to_level,"
        " lag(chosen_level) OVER (PARTITION BY case_id ORDER BY seq) AS from_level"
        f" FROM {events} e)"
        " SELECT a.version, a.from_level, a.to_level, CASE WHEN a.to_level > a.from_level"
        " THEN 'raised' WHEN a.to_level < a.from_level THEN 'lowered' ELSE 'same' END AS direction,"
        f" count(*) AS n, {KEY} FROM a JOIN {src} c USING (case_id) WHERE a.seq > 1 AND {clause}"
        " GROUP BY ALL", [*e_params, *src_params, *params])


def _reassessed(flt: StatsFilter, release: Release) -> pd.DataFrame:
    events, e_params = _released_events("case_assessments", "assessed_month", release)
    src, src_params, clause, params = _population(flt, release)
    return _frame(
        "SELECT c.model_version AS version, CASE WHEN m.case_id IS NULL THEN 'nej' ELSE 'ja' END"
        f" AS reassessed, count(*) AS n, {KEY} FROM {src} c LEFT JOIN (SELECT DISTINCT case_id"
        f" FROM {events} e WHERE seq > 1) m USING (case_id) WHERE {clause} GROUP BY ALL",
        [*src_params, *e_params, *params])


def _latest_closings(release: Release) -> tuple[str, list[object]]:
    events, params = _released_events("case_closings", "closed_month", release)
    return (f"(SELECT * FROM {events} e QUALIFY row_number() OVER (PARTITION BY case_id"
            " ORDER BY seq DESC) = 1)", params)


def _closings(flt: StatsFilter, release: Release) -> pd.DataFrame:
    latest, l_params = _latest_closings(release)
    src, src_params, clause, params = _population(flt, release)
    return _frame(
        "SELECT l.model_version AS version, l.chosen_level AS level, l.level_fit, l.situation,"
        f" count(*) AS n, {KEY} FROM {latest} l JOIN {src} c USING (case_id) WHERE {clause}"
        " GROUP BY ALL", [*l_params, *src_params, *params])


def _helped(flt: StatsFilter, release: Release) -> pd.DataFrame:
    latest, l_params = _latest_closings(release)
    src, src_params, clause, params = _population(flt, release)
    return _frame(
        f"SELECT version, measure, count(*) AS n, (sum(record_key) % {KEY_SPACE})::BIGINT AS k"
        " FROM (SELECT l.model_version AS version, unnest(l.helped) AS measure, c.record_key"
        f" FROM {latest} l JOIN {src} c USING (case_id) WHERE {clause}) GROUP BY ALL",
        [*l_params, *src_params, *params])


def _slice(df: pd.DataFrame, version: str, dims: list[str]) -> pd.DataFrame:
    part = df[df["version"] == version] if len(df) else df
    if not len(part):
        return pd.DataFrame({**{d: [] for d in dims}, "n": [], "k": []})
    return part.groupby(dims, sort=False)[["n", "k"]].sum().reset_index()


def _versions(df: pd.DataFrame) -> list[str]:
    return sorted(set(df["version"])) if len(df) else []


def outcomes(scope: Scope, flt: StatsFilter, release: Release | None = None
             ) -> dict[str, pd.DataFrame]:
    """The published tables (see the module doc) for each model version found."""
    check_leader(scope)
    flt, release = flt.normalised(), release or release_on()
    moves, reassessed = _moves(flt, release), _reassessed(flt, release)
    closings, helped = _closings(flt, release), _helped(flt, release)
    levels = sorted(set(all_level_numbers()) | set(moves.get("to_level", []))
                    | set(moves.get("from_level", [])) | set(closings.get("level", [])))
    out: list[Spec] = []
    for v in _versions(moves):
        out += [Spec(f"moves:{v}", _slice(moves, v, ["from_level", "to_level"]), "from_level",
                      "to_level", levels, levels, {"version": v}),
                Spec(f"direction:{v}", _slice(moves, v, ["direction"]), "direction", None,
                      DIRECTIONS, (), {"version": v})]
    out.append(Spec("reassessed", reassessed, "version", "reassessed", _versions(reassessed),
                     YES_NO))
    for v in _versions(closings):
        out += [Spec(f"fit:{v}", _slice(closings, v, ["level", "level_fit"]), "level", "level_fit",
                      levels, list(LEVEL_FIT), {"version": v}),
                Spec(f"situation:{v}", _slice(closings, v, ["level", "situation"]), "level",
                      "situation", levels, list(SITUATION), {"version": v})]
    for v in _versions(helped):
        out.append(Spec(f"helped:{v}", _slice(helped, v, ["measure"]), "measure", None, [], (),
                         {"version": v}))
    return publish_tables(out)
