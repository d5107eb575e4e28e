"""Deterministic synthetic cases for the demo, the tests and the benchmark: `python -m db.synthetic`.

Generated inside DuckDB from `range()` with hash-based draws (no Python loop per case), so 10M cases
take minutes, not hours, and the same seed and N always give the same data. Model versions, their
levels and measures come from the versioned handling model, so a new version needs no change here:
each version takes over from the previous one part-way through the months.
"""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

from db import audit
from db import synthetic_profile as prof
from db.connection import configure, cursor, transaction
from db.migrate import migrate
from db.model_registry import model_of, version_names
from model.access import Membership, Role, Scope
from model.errors import AccessDenied, ValidationError

QUERIES = Path(__file__).parent / "queries"
CHUNK = 2_000_000  # cases per transaction: bounded memory, and a failed chunk leaves no half-case
GENERATOR = Scope(user_id=0, email="synthetic-data", memberships=(Membership(Role.ADMIN),))


def _sql(name: str) -> str:
    return (QUERIES / f"{name}.sql").read_text(encoding="utf-8")


def _case_params(seed: int, first_month: date, months: int, model_versions: list[str]) -> dict:
    models = [model_of(v) for v in model_versions]
    k_max = max(len(m.levels) for m in models)
    return {
        "seed": seed,
        "delay_mean": prof.REGISTRATION_DELAY_MEAN_DAYS,
        "late_share": prof.LATE_SHARE,
        "first_month": first_month,
        "last_off": months - 1,
        "districts": prof.buckets(prof.DISTRICTS),
        "months": prof.month_buckets(months, first_month.month),
        "age_bands": prof.buckets(prof.AGE_BANDS),
        "genders": prof.buckets(prof.GENDERS),
        "institutions": prof.buckets(prof.INSTITUTIONS),
        "platforms": prof.buckets(prof.PLATFORMS),
        "version_names": model_versions,
        "version_starts": [j * months // len(models) for j in range(len(models))],
        "level_counts": [len(m.levels) for m in models],
        "level_draws": [prof.level_buckets(len(m.levels)) for m in models],
        "raised": prof.buckets(prof.REASONS_RAISED),
        "lowered": prof.buckets(prof.REASONS_LOWERED),
        "consulted": prof.by_level(prof.POLICE_CONSULTED, k_max),
        "reported": prof.by_level(prof.REPORT_IF_CONSULTED, k_max),
    }


def _measure_rows(model_versions: list[str]) -> list[tuple[str, int, str, int, str, int | None]]:
    return [(v, lvl.number, m.key, pos, m.strength.value, m.due_months)
            for v in model_versions for lvl in model_of(v).levels
            for pos, m in enumerate(lvl.measures, start=1)]


def generate(scope: Scope, cases: int, seed: int = 1, first_month: date = date(2023, 1, 1),
             months: int = 36, model_versions: list[str] | None = None) -> int:
    """Add `cases` synthetic cases (administrators and tools only); returns the number added."""
    if not scope.has(Role.ADMIN):
        raise AccessDenied()
    if cases < 0 or months < 1:
        raise ValidationError("Antal sager og måneder skal være positive tal.")
    model_versions = model_versions or version_names()
    params = _case_params(seed, first_month, months, model_versions)
    k_max = max(len(model_of(v).levels) for v in model_versions)
    child_params = {
        "seed": seed,
        "outcomes": [prof.buckets(w) for w in prof.by_level(prof.TAKEDOWN, k_max)],
        "takedown_share": prof.by_level(prof.TAKEDOWN_SHARE, k_max),
    }
    with cursor() as cur:
        taken = cur.execute("SELECT count(*) FROM cases WHERE starts_with(submission_id, ?)",
                            [f"synthetic-{seed}-"]).fetchone()[0]
    if taken:
        raise ValidationError(f"Der findes allerede syntetiske sager med frø {seed}. Vælg et andet frø.")
    for lo in range(0, cases, CHUNK):
        hi = min(lo + CHUNK, cases)
        with transaction() as cur:
            first_id = cur.execute("SELECT coalesce(max(case_id), 0) + 1 FROM cases").fetchone()[0]
            cur.execute(_sql("synthetic_cases"), {**params, "lo": lo, "hi": hi})
            last_id = cur.execute("SELECT coalesce(max(case_id), 0) FROM cases").fetchone()[0]
            cur.execute("CREATE OR REPLACE TEMP TABLE syn_measures (version VARCHAR, level INTEGER,"
                        " measure_key VARCHAR, position INTEGER, strength VARCHAR, due_months INTEGER)")
            cur.executemany("INSERT INTO syn_measures VALUES (?, ?, ?, ?, ?, ?)",
                            _measure_rows(model_versions))
            for version in model_versions:  # as db/cases.py does for the first case of a version
                cur.execute("INSERT INTO model_versions (version, checksum) VALUES (?, ?)"
                            " ON CONFLICT DO NOTHING", [version, model_of(version).checksum])
            ids = {"lo_id": first_id, "hi_id": last_id}
            cur.execute(_sql("synthetic_measures"), {"seed": seed, **ids})
            cur.execute(_sql("synthetic_takedowns"), {**child_params, **ids})
            audit.record(cur, scope, "synthetic.generate", object_type="cases",
                         details={"seed": seed, "from": lo, "to": hi, "months": months,
                                  "first_month": first_month.isoformat()})
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description="Generate deterministic synthetic cases.")
    parser.add_argument("--cases", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--months", type=int, default=36)
    parser.add_argument("--first-month", type=date.fromisoformat, default=date(2023, 1, 1))
    parser.add_argument("--db", type=Path, help="database file (default: $HMD_DB_PATH or data/)")
    args = parser.parse_args()
    if args.db:
        configure(args.db)
    migrate()
    started = time.perf_counter()
    generate(GENERATOR, args.cases, args.seed, args.first_month.replace(day=1), args.months)
    print(f"{args.cases} syntetiske sager (frø {args.seed}) på {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
