"""`make bench` (second part): how long a backtest of a draft takes over the stored cases.

For each size (default 1,000, 5,000 and 20,000 cases) it builds a synthetic database (db.synthetic,
seeded) in two variants and times db.model_backtest.backtest (the whole call: reading the cases,
both models' proposals, publication) for a draft with a fifth level (tests/unit/model_helpers.py):
  synthetic  the synthetic cases as generated (facts repeat, as real cases' coarse facts do);
  distinct   every case given its own random facts (signals, reaction, flags, platforms): nearly
             every case's facts differ, the worst case for grouping.
The table shows the distinct facts, the groups left after reading only the facts the two models
name (each group is assessed once), and the published number of cases (the release in force today;
perturbed).
Each timing is the median of --runs runs in a fresh process (first run reported apart: cold).
Target (issue 11): 20,000 cases in under 2 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DISTINCT_FACTS = """
UPDATE cases SET facts = to_json({
    'age_band': ['under_13', '13_15', '16_17', '18_plus'][1 + (hash(case_id, 'a') % 4)::INTEGER],
    'nudity': ['clothed', 'underwear', 'partly_nude', 'nude'][1 + (hash(case_id, 'n') % 4)::INTEGER],
    'spread': ['unknown', 'few', 'many', 'public'][1 + (hash(case_id, 's') % 4)::INTEGER],
    'face_recognisable': hash(case_id, 'f') % 2 = 0,
    'identity_exposed': hash(case_id, 'i') % 4 = 0,
    'erotic_motif': hash(case_id, 'e') % 4 = 0,
    'revenge_motive': hash(case_id, 'r') % 5 = 0,
    'threats': hash(case_id, 't') % 6 = 0,
    'reaction': CASE WHEN hash(case_id, 'x') % 5 = 0 THEN NULL ELSE 1 + (hash(case_id, 'x') % 4)::INTEGER END,
    'signals': list_filter(['avoids_social_relations', 'shame_guilt_powerlessness',
        'school_absence', 'anxiety_isolation', 'fear_of_future', 'stress', 'feeling_exposed'],
        lambda s, i: hash(case_id, i) % 2 = 0),
    'platforms': list_filter(['snapchat', 'instagram', 'tiktok', 'facebook', 'whatsapp', 'sms_mms',
        'discord', 'pornografisk_side', 'andet'], lambda p, i: hash(case_id, 'p', i) % 2 = 0)
})::VARCHAR
"""


def build(db: Path, cases: int, distinct: bool) -> None:
    from db import synthetic
    from db.connection import close, configure, cursor
    from db.migrate import migrate

    db.unlink(missing_ok=True)
    configure(db)
    migrate()
    synthetic.generate(synthetic.GENERATOR, cases, seed=11)
    if distinct:
        with cursor() as cur:
            cur.execute(DISTINCT_FACTS)
    close()


def work(db: Path, runs: int) -> dict:
    from db import model_drafts
    from db.connection import configure, cursor
    from db.model_backtest import backtest, case_groups
    from db.model_registry import model_of
    from db.model_stats import release_on
    from db.rights import INTERNAL_USER_ID
    from model.access import Membership, Role, Scope
    from model.triage import named_base_facts
    from tests.unit.model_helpers import fifth_level_draft

    configure(db)
    leader = Scope(INTERNAL_USER_ID, "bench", (Membership(Role.PROJECT_LEADER),))
    draft_id = model_drafts.create_draft(leader, "2018", "Benchmark")
    model_drafts.save_draft(leader, draft_id, 1, fifth_level_draft())
    with cursor() as cur:
        distinct = cur.execute("SELECT count(DISTINCT facts) FROM cases").fetchone()[0]
    names = named_base_facts((model_of("2018"), fifth_level_draft()))
    groups = len(case_groups(names, release_on()))
    times = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        result = backtest(leader, draft_id)
        times.append(time.perf_counter() - started)
    total = result.tables["agreement"]
    return {"distinct_facts": distinct, "groups": groups, "cold_s": times[0],
            "warm_s": statistics.median(times[1:]),
            "cases_published": int(total["n"].iloc[-1])}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / "data")
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(work(Path(args.worker[0]), int(args.worker[1]))))
        return 0
    args.work.mkdir(parents=True, exist_ok=True)
    rows = []
    print(f"{'cases':>7} {'facts':>9} {'distinct':>9} {'groups':>7} {'released':>9} {'cold s':>8}"
          f" {'median s':>9}")
    for size in [int(s) for s in args.sizes.split(",")]:
        for variant in ("synthetic", "distinct"):
            db = args.work / f"backtest-{size}-{variant}.duckdb"
            build(db, size, variant == "distinct")
            out = subprocess.run([sys.executable, __file__, "--worker", str(db), str(args.runs)],
                                 check=True, capture_output=True, text=True, cwd=ROOT)
            row = {"cases": size, "variant": variant, **json.loads(out.stdout.strip().splitlines()[-1])}
            rows.append(row)
            print(f"{size:>7} {variant:>9} {row['distinct_facts']:>9} {row['groups']:>7} "
                  f"{row['cases_published']:>9} {row['cold_s']:>8.3f} {row['warm_s']:>9.3f}",
                  flush=True)
            db.unlink(missing_ok=True)
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    path = results / f"backtest-{datetime.now():%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print(f"written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
