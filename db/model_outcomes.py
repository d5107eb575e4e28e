"""What the project learns from the cases after triage: re-assessments and the answers at close.

Counted over the cases the statistics filter selects, split by the viewer's known districts, and
published through db/model_stats.py (the statistics' disclosure rules) before anything leaves db/.
Three populations, each published with its own linked tables:
  re-assessments  every re-assessment: the version it used, the level before and after, direction;
  cases           per case's version: re-assessed at least once or not (how often cases move);
  closings        each closed case's latest answers: level at close x did the level fit, and x the
                  victim's situation, per version; and the measures named as helping (mentions).
"""

from __future__ import annotations

import pandas as pd

from db.connection import cursor
from db.model_registry import all_level_numbers
from db.model_stats import Table, check_leader, known_districts, publish_tables
from db.stats_raw import where
from model.access import Scope
from model.closing import LEVEL_FIT, SITUATION
from model.stats_filter import StatsFilter
from model.suppression import key_of

DIRECTIONS = ("raised", "lowered", "same")
YES_NO = ("ja", "nej")


def _frame(sql: str, params: list[object]) -> pd.DataFrame:
    with cursor() as cur:
        return cur.execute(sql, params).fetch_df()


def _moves(known: tuple[str, ...], flt: StatsFilter) -> pd.DataFrame:
    clause, params = where(flt, alias="c")
    return _frame(
        "WITH a AS (SELECT case_id, seq, model_version AS version, chosen_level AS to_level,"
        " lag(chosen_level) OVER (PARTITION BY case_id ORDER BY seq) AS from_level"
        " FROM case_assessments)"
        " SELECT list_contains(?::VARCHAR[], c.district_code) AS known, a.version, a.from_level,"
        " a.to_level, CASE WHEN a.to_level > a.from_level THEN 'raised'"
        " WHEN a.to_level < a.from_level THEN 'lowered' ELSE 'same' END AS direction, count(*) AS n"
        f" FROM a JOIN cases c USING (case_id) WHERE a.seq > 1 AND {clause} GROUP BY ALL",
        [list(known), *params])


def _reassessed(known: tuple[str, ...], flt: StatsFilter) -> pd.DataFrame:
    clause, params = where(flt, alias="c")
    return _frame(
        "SELECT list_contains(?::VARCHAR[], c.district_code) AS known, c.model_version AS version,"
        " CASE WHEN EXISTS (SELECT 1 FROM case_assessments a WHERE a.case_id = c.case_id"
        " AND a.seq > 1) THEN 'ja' ELSE 'nej' END AS reassessed, count(*) AS n"
        f" FROM cases c WHERE {clause} GROUP BY ALL", [list(known), *params])


_LATEST = ("(SELECT * FROM case_closings QUALIFY row_number() OVER (PARTITION BY case_id"
           " ORDER BY seq DESC) = 1)")


def _closings(known: tuple[str, ...], flt: StatsFilter) -> pd.DataFrame:
    clause, params = where(flt, alias="c")
    return _frame(
        "SELECT list_contains(?::VARCHAR[], c.district_code) AS known, l.model_version AS version,"
        " l.chosen_level AS level, l.level_fit, l.situation, count(*) AS n"
        f" FROM {_LATEST} l JOIN cases c USING (case_id) WHERE c.status = 'closed' AND {clause}"
        " GROUP BY ALL", [list(known), *params])


def _helped(known: tuple[str, ...], flt: StatsFilter) -> pd.DataFrame:
    clause, params = where(flt, alias="c")
    return _frame(
        "SELECT known, version, measure, count(*) AS n FROM (SELECT list_contains(?::VARCHAR[],"
        " c.district_code) AS known, l.model_version AS version, unnest(l.helped) AS measure"
        f" FROM {_LATEST} l JOIN cases c USING (case_id) WHERE c.status = 'closed' AND {clause})"
        " GROUP BY ALL", [list(known), *params])


def _sum(df: pd.DataFrame, dims: list[str]) -> pd.DataFrame:
    if not len(df):
        return pd.DataFrame({"known": [], **{d: [] for d in dims}, "n": []})
    return df.groupby(["known", *dims], sort=False)["n"].sum().reset_index()


def _slice(df: pd.DataFrame, version: str, dims: list[str]) -> pd.DataFrame:
    return _sum(df[df["version"] == version] if len(df) else df, dims)


def outcomes(scope: Scope, flt: StatsFilter) -> dict[str, pd.DataFrame]:
    """Published tables by name: `moves:V`, `direction:V`, `reassessed`, `fit:V`, `situation:V`,
    `helped:V` for each model version V found."""
    check_leader(scope)
    flt = flt.normalised()
    known = known_districts(scope)
    moves, reassessed = _moves(known, flt), _reassessed(known, flt)
    closings, helped = _closings(known, flt), _helped(known, flt)
    levels = sorted(set(all_level_numbers()) | set(moves.get("to_level", []))
                    | set(moves.get("from_level", [])) | set(closings.get("level", [])))
    out: dict[str, pd.DataFrame] = {}

    events, equations = [], []
    for v in sorted(set(moves.get("version", []))):
        fixed = (("version", v),)
        events += [Table(f"moves:{v}", _slice(moves, v, ["from_level", "to_level"]), "from_level",
                         "to_level", levels, levels, fixed, {"version": v}),
                   Table(f"direction:{v}", _slice(moves, v, ["direction"]), "direction", None,
                         DIRECTIONS, (), fixed, {"version": v})]
        for d in DIRECTIONS:
            cells = [key_of(("from_level", a), ("to_level", b), *fixed) for a in levels for b in levels
                     if (b > a and d == "raised") or (b < a and d == "lowered") or (a == b and d == "same")]
            equations.append((cells, [key_of(("direction", d), *fixed)]))
    out |= publish_tables(events, equations) if events else {}

    versions = sorted(set(reassessed.get("version", [])))
    out |= publish_tables([Table("reassessed", _sum(reassessed, ["version", "reassessed"]), "version",
                                 "reassessed", versions, YES_NO)])

    answers = []
    for v in sorted(set(closings.get("version", []))):
        fixed = (("version", v),)
        answers += [Table(f"fit:{v}", _slice(closings, v, ["level", "level_fit"]), "level",
                          "level_fit", levels, list(LEVEL_FIT), fixed, {"version": v}),
                    Table(f"situation:{v}", _slice(closings, v, ["level", "situation"]), "level",
                          "situation", levels, list(SITUATION), fixed, {"version": v})]
    out |= publish_tables(answers) if answers else {}
    for v in sorted(set(helped.get("version", []))):
        out |= publish_tables([Table(f"helped:{v}", _slice(helped, v, ["measure"]), "measure", None,
                                     [], (), (("version", v),), {"version": v})])
    return out
