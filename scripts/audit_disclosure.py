"""`make audit`: the project's own disclosure audit of the published statistics.

For each size and seed it builds a synthetic database (realistic registration times), then attacks
what `db.published` shows (tools/disclosure_audit.py):
  pairs   random nested filter pairs - a period and the period less its last month, districts and the
          same less one, levels and the same less one - as a project leader or a district contact
          (who also knows their own district's cases exactly); every count of 1-4 of either view, and
          of their difference, must stay uncertain;
  dates   the same view on the day before and on the day of a release or revision, between which new
          cases were registered.
Prints a table (views, pairs, dates, counts of 1-4 checked, disclosures) and exits 1 on any disclosure.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from db import connection, stats  # noqa: E402
from db.districts import all_districts  # noqa: E402
from db.migrate import migrate  # noqa: E402
from db.published import document, viewer_scope  # noqa: E402
from db.synthetic import GENERATOR, generate  # noqa: E402
from model.handling_model import CURRENT_VERSION  # noqa: E402
from model.months import add_months, month_range  # noqa: E402
from model.perturbation import CELL_KEY, PTable  # noqa: E402
from model.release import Release  # noqa: E402
from model.stats_filter import StatsFilter  # noqa: E402
from tools.disclosure_audit import Attack, Part, View, true_values  # noqa: E402

FIRST = date(2023, 1, 1)
MONTHS = 36
LOOK = date(2026, 3, 1)  # every month of the data released and revised
DATES = [(date(2024, 7, 14), date(2024, 7, 15)), (date(2025, 2, 14), date(2025, 2, 15))]
LEVELS = (1, 2, 3, 4)


@dataclass
class Summary:
    size: int
    seed: int
    views: int = 0
    pairs: int = 0
    dates: int = 0
    checked: int = 0
    solves: int = 0
    disclosures: list[str] = field(default_factory=list)
    seconds: float = 0.0


def build(path: Path, size: int, seed: int) -> None:
    for p in (path, path.with_name(path.name + ".wal")):
        p.unlink(missing_ok=True)
    connection.configure(path)
    migrate()
    generate(GENERATOR, size, seed=seed, first_month=FIRST, months=MONTHS)


def docs(viewer: str, flt: StatsFilter, on: date, publish: PTable = CELL_KEY) -> tuple[dict, dict, dict]:
    """(published, true, own released truth or {}) documents of one view."""
    scope, district = viewer_scope(viewer)
    admin = GENERATOR
    shown = stats.dashboard(scope, flt, district, on)
    if publish is not CELL_KEY:  # the known-leaky variant: publish the truth itself
        shown = stats.true_dashboard(admin, flt, district, on, viewer=scope)
    truth = stats.true_dashboard(admin, flt, district, on, viewer=scope)
    own = {}
    if district is not None:
        own_dash = stats.true_dashboard(admin, replace(flt, districts=(district,)), None, on,
                                        viewer=viewer_scope("leader")[0])
        own = document(own_dash, scope)
    return document(shown, scope), document(truth, scope), own


def _month_label(m: date) -> str:
    return m.strftime("%Y-%m")


def _zero_outside(dim: str, allowed: set[str]):
    return lambda key: any(d == dim and v not in allowed for d, v in key)


def _both(*preds):
    return lambda key: any(p(key) for p in preds)


def attack_pair(viewer: str, a: StatsFilter, b: StatsFilter, d_zero, b_zero, on: date,
                ptable: PTable = CELL_KEY, seed: int = 0) -> tuple[int, list[str], int]:
    """Attack views A (wider) and B (nested) of one viewer; d_zero/b_zero: keys structurally 0 in
    A - B and in B. Returns (counts of 1-4 checked, disclosures, solves)."""
    version = a.model_version or CURRENT_VERSION
    pa, ta, oa = docs(viewer, a, on, ptable)
    pb, tb, ob = docs(viewer, b, on, ptable)
    va, vb = true_values(pa, ta, version), true_values(pb, tb, version)
    diff = {k: v - vb.get(k, 0) for k, v in va.items()}
    if oa:  # a contact: their own district's share of each part is known exactly
        own_a, own_b = true_values(oa, oa, version), true_values(ob, ob, version)
        own_d = {k: own_a.get(k, 0) - own_b.get(k, 0) for k in va}
        parts = [Part("egen-B", own_b, known=True), Part("egen-D", own_d, known=True),
                 Part("andre-B", {k: vb.get(k, 0) - own_b.get(k, 0) for k in va}, b_zero),
                 Part("andre-D", {k: diff[k] - own_d[k] for k in va}, d_zero)]
        views = [View(pa, ta, [p.name for p in parts]), View(pb, tb, ["egen-B", "andre-B"])]
    else:
        parts = [Part("B", vb, b_zero), Part("D", diff, d_zero)]
        views = [View(pa, ta, ["B", "D"]), View(pb, tb, ["B"])]
    result = Attack(views, parts, ptable, version, seed).run()
    return result.targets, result.disclosed, result.solves


def random_pair(rng: random.Random) -> tuple[str, StatsFilter, StatsFilter, object, object]:
    """A random viewer and nested pair (A, B) with the structural zeros of B and of A - B."""
    codes = [d.code for d in all_districts()]
    viewer = "leader" if rng.random() < 0.7 else f"contact:{rng.choice(codes)}"
    length = rng.choice([1, 2, 2, 3, 3, 6, 12, 36])
    start = add_months(FIRST, rng.randrange(0, MONTHS - length + 1))
    months = month_range(start, add_months(start, length - 1))
    districts: tuple[str, ...] = ()
    if viewer == "leader" and rng.random() < 0.4:
        districts = tuple(rng.sample(codes, rng.choice([1, 2, 3, 5])))
    levels: tuple[int, ...] = ()
    if rng.random() >= 0.6:
        levels = tuple(sorted(rng.sample(LEVELS, rng.choice([1, 2, 3]))))
    a = StatsFilter(months[0], months[-1], districts, levels)
    kinds = ["period"] if length > 1 else []
    if viewer == "leader" and len(districts) != 1:
        kinds.append("district")
    if len(levels) != 1:
        kinds.append("level")
    kind = rng.choice(kinds or ["period"])
    if kind == "period" and length == 1:  # one month: pair it with the month before instead
        months = ([add_months(months[0], -1), months[0]] if months[0] > FIRST
                  else [months[0], add_months(months[0], 1)])
        a = replace(a, first_month=months[0], last_month=months[-1])
    if kind == "period":
        b = replace(a, last_month=months[-2])
        return viewer, a, b, _zero_outside("month", {_month_label(months[-1])}), \
            _zero_outside("month", {_month_label(m) for m in months[:-1]})
    if kind == "district":
        chosen = list(districts or codes)
        gone = rng.choice(chosen)
        b = replace(a, districts=tuple(c for c in chosen if c != gone))
        return viewer, a, b, _zero_outside("district", {gone}), \
            _zero_outside("district", set(chosen) - {gone})
    chosen_levels = list(levels or LEVELS)
    gone_level = rng.choice(chosen_levels)
    b = replace(a, levels=tuple(lv for lv in chosen_levels if lv != gone_level))
    return viewer, a, b, _zero_outside("level", {str(gone_level)}), \
        _zero_outside("level", {str(lv) for lv in chosen_levels if lv != gone_level})


def attack_dates(viewer: str, flt: StatsFilter, before: date, after: date, ptable: PTable = CELL_KEY,
                 seed: int = 0) -> tuple[int, list[str], int]:
    """The same view the day before and the day of a release: P1 (then) and N (added since)."""
    version = flt.model_version or CURRENT_VERSION
    p1, t1, o1 = docs(viewer, flt, before, ptable)
    p2, t2, o2 = docs(viewer, flt, after, ptable)
    v1, v2 = true_values(p1, t1, version), true_values(p2, t2, version)
    released = {_month_label(m) for m in month_range(FIRST, Release.on_day(before).last_month)}
    old_zero = _zero_outside("month", released)
    new = {k: v - v1.get(k, 0) for k, v in v2.items()}
    if o1:
        own1, own2 = true_values(o1, o1, version), true_values(o2, o2, version)
        own_n = {k: own2.get(k, 0) - own1.get(k, 0) for k in v2}
        parts = [Part("egen-1", own1, known=True), Part("egen-N", own_n, known=True),
                 Part("andre-1", {k: v1.get(k, 0) - own1.get(k, 0) for k in v2}, old_zero),
                 Part("andre-N", {k: new[k] - own_n[k] for k in v2})]
        views = [View(p2, t2, [p.name for p in parts]), View(p1, t1, ["egen-1", "andre-1"])]
    else:
        parts = [Part("dag1", v1, old_zero), Part("nye", new)]
        views = [View(p2, t2, ["dag1", "nye"]), View(p1, t1, ["dag1"])]
    if any(v < 0 for part in parts for v in part.true.values()):
        raise AssertionError("a released figure went down between two dates: releases must only add")
    result = Attack(views, parts, ptable, version, seed).run()
    return result.targets, result.disclosed, result.solves


def run(size: int, seed: int, pairs: int, workdir: Path, ptable: PTable = CELL_KEY) -> Summary:
    started = time.perf_counter()
    build(workdir / f"audit-{size}-{seed}.duckdb", size, seed)
    rng = random.Random(seed * 7919 + size)
    summary = Summary(size, seed)
    for i in range(pairs):
        viewer, a, b, d_zero, b_zero = random_pair(rng)
        checked, found, solves = attack_pair(viewer, a, b, d_zero, b_zero, LOOK, ptable, seed=i)
        summary.pairs += 1
        summary.views += 2
        summary.checked += checked
        summary.solves += solves
        summary.disclosures += [f"{viewer} {a} / {b}: {d}" for d in found]
    for before, after in DATES:
        for viewer in ("leader", "contact:BOR", "contact:KBH"):
            flt = StatsFilter(FIRST, add_months(FIRST, MONTHS - 1))
            checked, found, solves = attack_dates(viewer, flt, before, after, ptable)
            summary.dates += 1
            summary.views += 2
            summary.checked += checked
            summary.solves += solves
            summary.disclosures += [f"{viewer} {before}/{after}: {d}" for d in found]
    connection.close()
    summary.seconds = time.perf_counter() - started
    return summary


def report(rows: list[Summary]) -> str:
    head = "   cases  seed  views  pairs  dates  counts 1-4 checked  solves  disclosures  seconds"
    lines = [head] + [f"{r.size:>8,} {r.seed:>5} {r.views:>6} {r.pairs:>6} {r.dates:>6} {r.checked:>19,}"
                      f" {r.solves:>7,} {len(r.disclosures):>12} {r.seconds:>8.0f}" for r in rows]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--sizes", default="2000,20000")
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument("--pairs", type=int, default=200, help="nested filter pairs per size and seed")
    parser.add_argument("--workdir", type=Path, default=ROOT / "bench" / "audit")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in [int(s) for s in args.sizes.split(",")]:
        for seed in [int(s) for s in args.seeds.split(",")]:
            rows.append(run(size, seed, args.pairs, args.workdir))
            print(report(rows[-1:]).splitlines()[-1], flush=True)
            for d in rows[-1].disclosures[:20]:
                print("  DISCLOSED", d, flush=True)
    print("\n" + report(rows))
    return 1 if any(r.disclosures for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
