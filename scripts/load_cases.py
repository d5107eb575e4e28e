"""Load: N concurrent sessions (threads) save cases through db.cases; check and report figures.

Usage: python scripts/load_cases.py [--sessions 32] [--cases 100] [--one-district] [--preload 0]
Every acknowledged case must be present, once, with no errors, each with its audit entry; every 10th
save is submitted twice (a double click) and must return the same case. Prints p50/p99 save times.
Each session is a district contact with a live login (tools.demo.logged_in): every save re-reads
its rights, as in the app. scripts/bench_saves.py runs it beside raw inserts.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db import connection
from db.cases import create_case
from db.migrate import migrate
from db.synthetic import GENERATOR, generate
from model.access import Role, Scope
from model.case import CaseDraft
from tools.case_drafts import random_draft
from tools.demo import logged_in

DISTRICTS = ["NJY", "OJY", "MVJ", "SOJ", "SSJ", "FYN", "SSL", "MVS", "NSJ", "KVE", "KBH", "BOR",
             "GRL", "FAR"]
TODAY = date(2026, 6, 15)


def drafts(index: int, cases: int) -> list[CaseDraft]:
    """A session's forms, filled in before the clock starts: typing is the user's time, not a save's."""
    rng = random.Random(index)
    return [random_draft(rng, f"load-{index:02d}-{n:04d}", TODAY) for n in range(cases)]


def session(scope: Scope, district: str, forms: list[CaseDraft], acked: dict, times: list,
            errors: list) -> None:
    for n, draft in enumerate(forms):
        try:
            start = time.perf_counter()
            created = create_case(scope, district, draft, today=TODAY)
            times.append(time.perf_counter() - start)
            acked[draft.submission_id] = (district, created.code)
            if n % 10 == 0 and create_case(scope, district, draft, today=TODAY) != \
                    type(created)(created.code, created=False):
                errors.append(f"double submit {draft.submission_id} gave another case")
        except Exception as exc:  # every error is a finding to report
            errors.append(f"{draft.submission_id}: {type(exc).__name__}: {exc}")


def run(sessions: int, cases: int, one_district: bool = False, preload: int = 0) -> dict:
    """`sessions` threads saving `cases` cases each into a fresh database (holding `preload`
    synthetic cases first: a year of Denmark's cases is some hundreds); the figures and checks."""
    with tempfile.TemporaryDirectory() as tmp:
        connection.configure(Path(tmp) / "load.duckdb")
        migrate()
        if preload:
            generate(GENERATOR, preload, seed=1)
        acked: dict[str, tuple[str, str]] = {}
        times: list[float] = []
        errors: list[str] = []
        districts = ["NSJ" if one_district else DISTRICTS[i % len(DISTRICTS)] for i in range(sessions)]
        scopes = [logged_in(f"load{i}@example.com", Role.DISTRICT_CONTACT, d)
                  for i, d in enumerate(districts)]
        threads = [threading.Thread(target=session, args=(
            scopes[i], districts[i], drafts(i, cases), acked, times, errors)) for i in range(sessions)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - start
        with connection.cursor() as cur:
            rows = cur.execute("SELECT submission_id, district_code, case_code FROM cases"
                               " WHERE submission_id LIKE 'load-%'").fetchall()
            gaps = cur.execute(
                "SELECT count(*) FROM (SELECT district_code, case_year, max(case_number) AS mx,"
                " count(*) AS n FROM cases GROUP BY ALL) WHERE mx <> n").fetchone()[0]
            audits = cur.execute(
                "SELECT count(*) FROM audit_log WHERE action = 'case.create'").fetchone()[0]
        connection.close()
    stored = {s: (d, c) for s, d, c in rows}
    missing = [s for s, v in acked.items() if stored.get(s) != v]
    codes = [c for _, _, c in rows]
    ms = sorted(t * 1000 for t in times)
    ok = (not errors and not missing and len(rows) == len(acked) == len(set(codes)) == audits
          and gaps == 0)
    return {"sessions": sessions, "cases": cases, "acknowledged": len(acked), "stored": len(rows),
            "missing": len(missing), "duplicate_codes": len(codes) - len(set(codes)), "gaps": gaps,
            "audit_rows": audits, "errors": errors, "wall_s": wall,
            "per_s": len(ms) / wall if ms else 0.0, "p50_ms": statistics.median(ms) if ms else None,
            "p99_ms": ms[min(len(ms) - 1, int(len(ms) * 0.99))] if ms else None,
            "max_ms": ms[-1] if ms else None, "ok": ok,
            "districts": 1 if one_district else min(sessions, len(DISTRICTS))}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=32)
    parser.add_argument("--cases", type=int, default=100)
    parser.add_argument("--one-district", action="store_true")
    parser.add_argument("--preload", type=int, default=0, help="synthetic cases already saved")
    args = parser.parse_args()
    r = run(args.sessions, args.cases, args.one_district, args.preload)
    print(f"sessions={r['sessions']} cases/session={r['cases']} districts={r['districts']}")
    print(f"acknowledged={r['acknowledged']} stored={r['stored']} missing={r['missing']} "
          f"duplicate_codes={r['duplicate_codes']} numbering_gaps={r['gaps']} "
          f"audit_rows={r['audit_rows']} errors={len(r['errors'])}")
    if r["p50_ms"] is not None:
        print(f"save time ms: p50={r['p50_ms']:.1f} p99={r['p99_ms']:.1f} max={r['max_ms']:.1f}; "
              f"wall {r['wall_s']:.1f} s, {r['per_s']:.0f} saves/s")
    for err in r["errors"][:5]:
        print("  error:", err)
    print("OK" if r["ok"] else "FAILED")
    return 0 if r["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
