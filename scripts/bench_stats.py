"""`make bench`: how the nationwide statistics page scales from realistic volumes (1,000 cases) to 1M.

Realistic data is small (hundreds of cases a year) and filtered narrowly, so the sizes start at 1,000
and the page is measured unfiltered, for one month and for one district. For each size it builds a
synthetic database (db.synthetic, seeded), then measures in fresh processes, so caches and memory of
one measurement never flatter another:
  page    the nationwide page's whole script run in AppTest (its first section open): median of
          cold runs (statistics cache cleared first: every nationwide table computed) unfiltered,
          one month and one district, warm runs (cached), and the process's memory (RSS), i.e.
          the server's;
  duckdb  the raw aggregate queries the page needs (median);
  pandas  the same aggregates computed with pandas on the same data loaded into memory (median,
          load time apart), and that process's memory.
Results are printed as a table and written to bench/results/bench-<time>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LEADER = "bench.leder@example.com"
ISSUER = "https://bench.test"
DEFAULT_SIZES = "1000,2000,10000,20000,100000,1000000"
MONTH = date(2024, 6, 1)  # a month in the middle of the synthetic data (2023-2025)
DISTRICT = "KBH"


def rss_mb() -> float:
    """Current resident memory of this process in MB (Linux /proc)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


# --- workers (each runs in its own process) -----------------------------------------------------

def work_page(db: Path, runs: int) -> dict:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    os.environ["HMD_DB_PATH"] = str(db)
    os.environ["HMD_TRUSTED_ISSUERS"] = ISSUER  # the bench's own login, as a provider would issue it
    claims = {"is_logged_in": True, "iss": ISSUER, "sub": "bench-leder", "email": LEADER,
              "email_verified": True, "iat": int(time.time()), "exp": int(time.time() + 24 * 3600)}
    at = AppTest.from_file(str(ROOT / "pages" / "national_stats.py"), default_timeout=600)
    at.user = claims
    at.run()  # imports, migrations check, first login: not measured
    assert not at.exception, at.exception
    assert len(at.dataframe) == 1, "the page did not draw its open section"

    def cold():
        st.cache_data.clear()
        at.run()

    cold_s, _ = timed(cold, runs)
    at.run()
    warm_s, _ = timed(at.run, runs)
    assert not at.exception
    out = {"page_cold_s": cold_s, "page_warm_s": warm_s}
    at.selectbox(key="national-from").set_value(MONTH)
    at.selectbox(key="national-to").set_value(MONTH).run()
    assert not at.exception and len(at.dataframe) == 1
    out["page_cold_month_s"], _ = timed(cold, runs)
    at.selectbox(key="national-from").set_value(at.selectbox(key="national-from").options[0])
    at.selectbox(key="national-to").set_value(at.selectbox(key="national-to").options[-1])
    at.multiselect(key="national-districts").set_value([DISTRICT]).run()
    assert not at.exception and len(at.dataframe) == 1
    out["page_cold_district_s"], _ = timed(cold, runs)
    return out | {"page_rss_mb": rss_mb(), "page_peak_mb": peak_mb()}


def work_duckdb(db: Path, runs: int) -> dict:
    from db import connection, stats, stats_raw
    from model.access import Membership, Role, Scope
    from model.stats_filter import StatsFilter

    connection.configure(db)
    scope = Scope(0, LEADER, (Membership(Role.PROJECT_LEADER),))
    flt = StatsFilter()
    out = {}
    for name, fn in {
        "cases": lambda: stats_raw.case_counts(scope, flt),
        "platforms": lambda: stats_raw.platform_counts(scope, flt),
        "takedowns": lambda: stats_raw.takedown_counts(scope, flt),
        "measures": lambda: stats_raw.measure_counts(scope, flt, "2018"),
        "data_version": lambda: stats_raw.data_version(scope),
    }.items():
        fn()  # warm DuckDB's buffers, as a running server has them
        out[f"duckdb_{name}_s"], _ = timed(fn, runs)
    out["duckdb_total_s"] = sum(v for k, v in out.items() if k != "duckdb_data_version_s")
    out["dashboard_s"], _ = timed(lambda: stats.dashboard(scope, flt), runs)  # queries + perturbation
    month = StatsFilter(MONTH, MONTH)
    out["dashboard_month_s"], _ = timed(lambda: stats.dashboard(scope, month), runs)
    return out


def _pandas_aggregates(cases, measures, takedowns) -> dict:
    """The page's raw aggregates, computed the pandas way."""
    import numpy as np

    f = cases.assign(
        gender=cases["gender"].fillna("uoplyst"),
        police=np.where(cases["police_report_filed"], "reported",
                        np.where(cases["police_consulted"], "consulted", "none")),
        direction=np.where(cases["chosen_level"] > cases["proposed_level"], "raised",
                           np.where(cases["chosen_level"] < cases["proposed_level"], "lowered",
                                    "followed")),
        reason=cases["override_reason"].fillna("none"),
    )
    sets = [["case_month", "chosen_level"], ["district_code"], ["age_band", "gender"],
            ["police", "chosen_level"], ["status", "chosen_level"], ["chosen_level", "model_version"],
            ["model_version", "proposed_level", "chosen_level"],
            ["model_version", "proposed_level", "direction"],
            ["model_version", "reason", "direction"]]
    out = {tuple(s): f.groupby(s, observed=True).size() for s in sets}
    out["platforms"] = cases[["platforms"]].explode("platforms").groupby("platforms").size()
    with_level = cases[["case_id", "chosen_level", "model_version"]]
    out["takedowns"] = takedowns.merge(with_level, on="case_id").groupby("outcome").size()
    joined = measures.merge(with_level[with_level["model_version"] == "2018"], on="case_id")
    out["measures"] = joined.groupby(["chosen_level", "measure_key", "status"]).size()
    return out


def work_pandas(db: Path, runs: int) -> dict:
    from db import connection

    started = time.perf_counter()
    connection.configure(db)
    with connection.cursor() as cur:
        cases = cur.execute(
            "SELECT case_id, case_month, district_code, age_band, gender, platforms, model_version,"
            " proposed_level, chosen_level, override_reason, police_consulted, police_report_filed,"
            " status FROM cases").fetch_df()
        measures = cur.execute("SELECT case_id, measure_key, status FROM case_measures").fetch_df()
        takedowns = cur.execute("SELECT case_id, outcome FROM case_takedowns").fetch_df()
    connection.close()
    load_s = time.perf_counter() - started
    agg_s, _ = timed(lambda: _pandas_aggregates(cases, measures, takedowns), runs)
    return {"pandas_load_s": load_s, "pandas_aggregate_s": agg_s, "pandas_rss_mb": rss_mb(),
            "pandas_peak_mb": peak_mb()}


WORKERS = {"page": work_page, "duckdb": work_duckdb, "pandas": work_pandas}


# --- orchestration ------------------------------------------------------------------------------

def build(db: Path, cases: int, keep: bool) -> float | None:
    """The synthetic database of `cases` cases with a project leader; None when reused."""
    if keep and db.exists():
        return None
    for path in (db, db.with_name(db.name + ".wal")):
        path.unlink(missing_ok=True)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "db.synthetic", "--cases", str(cases), "--seed", "1",
                    "--db", str(db)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    code = ("from db import connection; from db.users import assign; from tools.demo import SEEDER;"
            f"connection.configure({str(db)!r}); assign(SEEDER, {LEADER!r}, 'project_leader', None);"
            "connection.close()")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
    return time.perf_counter() - started


def measure(worker: str, db: Path, runs: int) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--worker", worker, "--db", str(db),
                           "--runs", str(runs)], cwd=ROOT, check=True, capture_output=True, text=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def report(rows: list[dict]) -> str:
    cols = [("cases", "{:>10,}"), ("build_s", "{:>8.1f}"), ("page_cold_s", "{:>9.3f}"),
            ("page_cold_month_s", "{:>9.3f}"), ("page_cold_district_s", "{:>9.3f}"),
            ("page_warm_s", "{:>9.3f}"), ("page_rss_mb", "{:>8.0f}"),
            ("page_peak_mb", "{:>8.0f}"), ("duckdb_total_s", "{:>9.3f}"),
            ("dashboard_s", "{:>9.3f}"), ("dashboard_month_s", "{:>9.3f}"),
            ("pandas_aggregate_s", "{:>9.3f}"), ("pandas_load_s", "{:>8.1f}"), ("pandas_rss_mb", "{:>8.0f}")]
    head = ("     cases  build s  page cold  cold 1mo  cold 1kr  page warm  page MB  peak MB  duckdb s"
            "  dashbrd s  dash 1mo  pandas s  load s  pandas MB")
    lines = [head]
    for row in rows:
        cells = []
        for key, fmt in cols:
            value = row.get(key)
            cells.append(fmt.format(value) if value is not None else " " * len(fmt.format(0)))
        lines.append(" ".join(cells))
    base = rows[0]
    by_size = {r["cases"]: r for r in rows}
    if 2000 in by_size and 10000 in by_size:
        ratio = by_size[2000]["page_cold_month_s"] / by_size[10000]["page_cold_s"]
        lines += ["", f"cold page, 2,000 cases one month / 10,000 cases unfiltered: {ratio:.2f}x"
                      " (goal: at most 1.5x)"]
    lines.append("")
    for row in rows:
        lines.append(
            f"{row['cases']:>10,} cases: warm run {row['page_warm_s'] / base['page_warm_s']:.2f}x the "
            f"{base['cases']:,} run; pandas aggregates / DuckDB queries "
            f"{row['pandas_aggregate_s'] / row['duckdb_total_s']:.1f}x; pandas aggregates / warm page "
            f"{row['pandas_aggregate_s'] / row['page_warm_s']:.1f}x; pandas aggregates / cold page "
            f"{row['pandas_aggregate_s'] / row['page_cold_s']:.1f}x")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help=f"comma-separated (default {DEFAULT_SIZES})")
    parser.add_argument("--runs", type=int, default=5, help="repeated runs per median")
    parser.add_argument("--workdir", type=Path, default=ROOT / "bench" / "data")
    parser.add_argument("--keep", action="store_true", help="reuse databases built before")
    parser.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(WORKERS[args.worker](args.db, args.runs)))
        return
    args.workdir.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in [int(s) for s in args.sizes.split(",")]:
        db = args.workdir / f"bench-{size}.duckdb"
        print(f"{size:,} cases: building ...", flush=True)
        row = {"cases": size, "build_s": build(db, size, args.keep)}
        for worker in ("page", "duckdb", "pandas"):
            print(f"{size:,} cases: {worker} ...", flush=True)
            row |= measure(worker, db, args.runs)
        rows.append(row)
        print(report(rows), flush=True)
    out = ROOT / "bench" / "results" / f"bench-{datetime.now():%Y%m%d-%H%M%S}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(rows, indent=2))
    print(f"\n{report(rows)}\n\nResults: {out}")


if __name__ == "__main__":
    main()
