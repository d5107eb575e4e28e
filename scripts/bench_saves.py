"""`make bench`, part three: case saves under load beside raw DuckDB inserts, in the same run.

  raw    N threads, each with its own cursor, insert R single rows each (one INSERT, autocommitted)
         into a table of their own in a fresh database: what DuckDB itself gives on this machine now;
  saves  N district contacts save R cases each through db.cases.create_case (scripts/load_cases.py:
         rights re-read, numbering, measures, takedowns and the audit entry in one transaction,
         every 10th save submitted twice), in a fresh database.
The two alternate (raw, saves, raw, saves, ...) so the machine's other load falls on both alike; the
ratio is that of the medians. Prints the table with the load average and writes
bench/results/saves-<time>.json.

With --preload N the saves go into a database that already holds N synthetic cases (the raw
table starts empty either way): realistic sizes are some thousands, the checks scan `cases`.

Usage: python scripts/bench_saves.py [--sessions 32] [--rows 100] [--repeat 3] [--preload 0]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from db.connection import open_database  # noqa: E402
from scripts import load_cases  # noqa: E402


def raw_inserts(sessions: int, rows: int) -> dict:
    """Single-row inserts from `sessions` threads, each its own transaction: rows/s and p99."""
    with tempfile.TemporaryDirectory() as tmp:
        con = open_database(Path(tmp) / "raw.duckdb")  # the app's settings, its own file
        con.execute("CREATE TABLE raw_rows (session INTEGER, n INTEGER, district VARCHAR, note VARCHAR,"
                    " created_at TIMESTAMP)")
        times: list[float] = []

        def insert(session: int) -> None:
            cur = con.cursor()
            for n in range(rows):
                start = time.perf_counter()
                cur.execute("INSERT INTO raw_rows VALUES (?, ?, ?, ?, current_timestamp)",
                            [session, n, load_cases.DISTRICTS[session % 14], f"raekke {n}"])
                times.append(time.perf_counter() - start)
            cur.close()

        threads = [threading.Thread(target=insert, args=(i,)) for i in range(sessions)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - start
        stored = con.execute("SELECT count(*) FROM raw_rows").fetchone()[0]
        con.close()
    ms = sorted(t * 1000 for t in times)
    return {"per_s": len(ms) / wall, "p50_ms": statistics.median(ms),
            "p99_ms": ms[min(len(ms) - 1, int(len(ms) * 0.99))], "ok": stored == sessions * rows}


def load() -> str:
    return " ".join(f"{v:.1f}" for v in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--sessions", type=int, default=32)
    parser.add_argument("--rows", type=int, default=100, help="rows or cases per session")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--preload", type=int, default=0, help="synthetic cases saved before")
    args = parser.parse_args()
    runs = []
    for i in range(args.repeat):
        for kind in ("raw", "saves"):
            before = load()
            if kind == "raw":
                result = raw_inserts(args.sessions, args.rows)
            else:
                result = load_cases.run(args.sessions, args.rows, preload=args.preload)
                result = {k: result[k] for k in ("per_s", "p50_ms", "p99_ms", "ok")}
            runs.append({"kind": kind, "round": i + 1, "load_before": before, "load_after": load(),
                         **result})
            print(f"round {i + 1} {kind:<5} {result['per_s']:7.0f}/s  p50 {result['p50_ms']:6.1f} ms"
                  f"  p99 {result['p99_ms']:6.1f} ms  {'ok' if result['ok'] else 'FAILED'}"
                  f"  load {before} -> {load()}", flush=True)
    median = {kind: statistics.median(r["per_s"] for r in runs if r["kind"] == kind)
              for kind in ("raw", "saves")}
    p99 = {kind: statistics.median(r["p99_ms"] for r in runs if r["kind"] == kind)
           for kind in ("raw", "saves")}
    print(f"\n{args.sessions} sessions x {args.rows} ({args.preload:,} cases before): raw inserts "
          f"{median['raw']:.0f} rows/s "
          f"(p99 {p99['raw']:.0f} ms), saves {median['saves']:.0f}/s (p99 {p99['saves']:.0f} ms): "
          f"saves reach {median['saves'] / median['raw']:.0%} of raw inserts")
    out = ROOT / "bench" / "results" / f"saves-{datetime.now():%Y%m%d-%H%M%S}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"sessions": args.sessions, "rows": args.rows,
                               "preload": args.preload, "runs": runs,
                               "median_per_s": median, "median_p99_ms": p99}, indent=2))
    print(f"Results: {out}")
    return 0 if all(r["ok"] for r in runs) else 1


if __name__ == "__main__":
    raise SystemExit(main())
