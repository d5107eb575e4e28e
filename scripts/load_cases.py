"""Load: N concurrent sessions (threads) save cases through db.cases; check and report figures.

Usage: python scripts/load_cases.py [--sessions 32] [--cases 100] [--one-district]
Every acknowledged case must be present, once, with no errors; every 10th save is submitted twice
(a double click) and must return the same case. Prints p50/p99 save times.
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
from model.access import Membership, Role, Scope
from tools.case_drafts import random_draft

DISTRICTS = ["NJY", "OJY", "MVJ", "SOJ", "SSJ", "FYN", "SSL", "MVS", "NSJ", "KVE", "KBH", "BOR",
             "GRL", "FAR"]
TODAY = date(2026, 6, 15)


def session(index: int, district: str, cases: int, acked: dict, times: list, errors: list) -> None:
    scope = Scope(1000 + index, f"load{index}@example.com",
                  (Membership(Role.DISTRICT_CONTACT, district),))
    rng = random.Random(index)
    for n in range(cases):
        draft = random_draft(rng, f"load-{index:02d}-{n:04d}", TODAY)
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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=32)
    parser.add_argument("--cases", type=int, default=100)
    parser.add_argument("--one-district", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        connection.configure(Path(tmp) / "load.duckdb")
        migrate()
        acked: dict[str, tuple[str, str]] = {}
        times: list[float] = []
        errors: list[str] = []
        threads = [threading.Thread(target=session, args=(
            i, "NSJ" if args.one_district else DISTRICTS[i % len(DISTRICTS)], args.cases,
            acked, times, errors)) for i in range(args.sessions)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - start
        with connection.cursor() as cur:
            rows = cur.execute("SELECT submission_id, district_code, case_code FROM cases").fetchall()
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
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))] if ms else float("nan")
    print(f"sessions={args.sessions} cases/session={args.cases} "
          f"districts={'1 (NSJ)' if args.one_district else min(args.sessions, len(DISTRICTS))}")
    print(f"acknowledged={len(acked)} stored={len(rows)} missing={len(missing)} "
          f"duplicate_codes={len(codes) - len(set(codes))} numbering_gaps={gaps} "
          f"audit_rows={audits} errors={len(errors)}")
    print(f"save time ms: p50={statistics.median(ms):.1f} p99={p99:.1f} max={ms[-1]:.1f}; "
          f"wall {wall:.1f} s, {len(ms) / wall:.0f} saves/s")
    for err in errors[:5]:
        print("  error:", err)
    ok = not errors and not missing and len(rows) == len(acked) == len(set(codes)) and gaps == 0
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
