"""Crash: a process saving cases is killed with SIGKILL mid-stream, then the database is reopened.

Usage: python scripts/crash_cases.py [--trials 20]
The child prints each submission id after create_case returned (acknowledged); after every kill the
parent reopens the same file and checks that every acknowledged case is there, once, with running
numbers without gaps. Prints the figures.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from db import connection  # noqa: E402
from db.migrate import migrate  # noqa: E402

TODAY = date(2026, 6, 15)


def child(path: str, trial: int) -> None:
    """Save cases until killed, printing each acknowledged submission id."""
    from db.cases import create_case
    from model.access import Role
    from tools.case_drafts import random_draft
    from tools.demo import logged_in

    connection.configure(path)
    scope = logged_in("crash@example.com", Role.DISTRICT_CONTACT, "NSJ")
    rng = random.Random(trial)
    for n in range(100_000):
        draft = random_draft(rng, f"crash-{trial:02d}-{n:05d}", TODAY)
        create_case(scope, "NSJ", draft, today=TODAY)
        print(draft.submission_id, flush=True)


def verify(path: Path, acked: set[str]) -> tuple[int, int, int, int]:
    """(stored, lost, duplicates, numbering gaps) after reopening the file."""
    connection.configure(path)
    try:
        with connection.cursor() as cur:
            subs = [r[0] for r in cur.execute("SELECT submission_id FROM cases").fetchall()]
            gaps = cur.execute(
                "SELECT count(*) FROM (SELECT max(case_number) AS mx, count(*) AS n FROM cases"
                " GROUP BY district_code, case_year) WHERE mx <> n").fetchone()[0]
    finally:
        connection.close()
    return len(subs), len(acked - set(subs)), len(subs) - len(set(subs)), gaps


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=20)
    args = parser.parse_args()
    rng = random.Random(42)
    acked: set[str] = set()
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "crash.duckdb"
        connection.configure(path)
        migrate()
        connection.close()
        for trial in range(args.trials):
            proc = subprocess.Popen(
                [sys.executable, __file__, "--child", str(path), str(trial)],
                stdout=subprocess.PIPE, text=True, cwd=ROOT)
            time.sleep(rng.uniform(0.8, 2.5))
            os.kill(proc.pid, signal.SIGKILL)
            out, _ = proc.communicate()
            this = {line.strip() for line in out.splitlines() if line.strip()}
            acked |= this
            start = time.perf_counter()
            stored, lost, dups, gaps = verify(path, acked)
            reopen_ms = (time.perf_counter() - start) * 1000
            failures += bool(lost or dups or gaps)
            print(f"trial {trial + 1:2d}: acknowledged {len(this):4d} (total {len(acked):5d}), "
                  f"stored {stored:5d}, lost {lost}, duplicates {dups}, gaps {gaps}, "
                  f"reopen+check {reopen_ms:.0f} ms")
    print(f"{args.trials} trials, {len(acked)} acknowledged cases, {stored - len(acked)} committed "
          f"but killed before acknowledging (kept, as committed), trials with loss: {failures}")
    print("OK" if failures == 0 else "FAILED")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]))
    else:
        raise SystemExit(main())
