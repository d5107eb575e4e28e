"""`python -m db.published`: every statistics table a viewer sees, as JSON, exactly as the pages show it.

The stable, scriptable view of the statistics, for reports and for the disclosure audit:

    python -m db.published --db PATH --as leader|contact:CODE --from YYYY-MM --to YYYY-MM
        [--districts CODE,CODE] [--levels 1,2] [--version V] [--on YYYY-MM-DD]

Output: {"method": {"name", "noise_bound", "release"}, "tables": [{"name", "title", "rows", "cols",
"cells", "row_totals", "col_totals", "total", "exact_sums"}]}; `null` is a value not shown. A
contact's own-district tables (exact, live) follow under the same names prefixed `own:`. Each run is
written to the audit log, as every export is.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from db import stats
from db.connection import configure
from db.migrate import migrate
from model.access import Membership, Role, Scope
from model.errors import DomainError, ValidationError
from model.published import CONTACT_NATIONAL, CONTACT_OWN, SLICED, TABLES, TOTAL
from model.stats_filter import StatsFilter


def label(value: object) -> str:
    """A category as the JSON names it: month YYYY-MM, level number, code."""
    if isinstance(value, pd.Timestamp | date):
        return pd.Timestamp(value).strftime("%Y-%m")
    return str(value)


def _value(v: object) -> int | None:
    return None if v is None or pd.isna(v) else int(v)


def table_json(name: str, frame: pd.DataFrame, exact: bool) -> dict[str, Any]:
    """One long published frame (margins labelled TOTAL) in the JSON schema."""
    base = name.removeprefix("own:").split(":")[0]
    info = TABLES[base]
    row, col = info.row, info.col
    cells = frame[frame[row].astype(str) != TOTAL] if col is None else frame[
        (frame[row].astype(str) != TOTAL) & (frame[col].astype(str) != TOTAL)]
    rows = list(dict.fromkeys(cells[row]))
    title = info.title
    if ":" in name.removeprefix("own:"):
        title += f" ({'niveau' if base == 'measures' else 'modelversion'} {name.split(':')[-1]})"
    if col is None:
        values = dict(zip(frame[row].astype(object), frame["n"], strict=True))
        return {"name": name, "title": title, "rows": [label(r) for r in rows], "cols": ["n"],
                "cells": [[_value(values[r])] for r in rows], "row_totals": None, "col_totals": None,
                "total": _value(values.get(TOTAL)), "exact_sums": exact}
    cols = list(dict.fromkeys(cells[col]))
    values = {(r, c): v for r, c, v in zip(frame[row].astype(object), frame[col].astype(object),
                                              frame["n"], strict=True)}
    return {"name": name, "title": title, "rows": [label(r) for r in rows],
            "cols": [label(c) for c in cols],
            "cells": [[_value(values[(r, c)]) for c in cols] for r in rows],
            "row_totals": [_value(values[(r, TOTAL)]) for r in rows],
            "col_totals": [_value(values[(TOTAL, c)]) for c in cols] if (TOTAL, cols[0]) in values
            else None,
            "total": _value(values.get((TOTAL, TOTAL))), "exact_sums": exact}


def _expanded(frames: dict[str, pd.DataFrame], names: tuple[str, ...]) -> list[tuple[str, pd.DataFrame]]:
    """Tables in page order, a sliced table as its slices (`calibration:2018`, `measures:1`)."""
    out = []
    for name in names:
        if name in SLICED:
            out += [(k, f) for k, f in frames.items() if k.startswith(name + ":")]
        elif name in frames:
            out.append((name, frames[name]))
    return out


def document(dash: stats.Dashboard, viewer: Scope) -> dict[str, Any]:
    """The JSON document of one dashboard, with the tables the viewer's pages show."""
    leader = viewer.has(Role.PROJECT_LEADER)
    names = tuple(TABLES) if leader else CONTACT_NATIONAL
    tables = [table_json(n, f, dash.method.noise_bound == 0) for n, f in _expanded(dash.national, names)]
    if dash.district is not None:
        tables += [table_json(f"own:{n}", f, True) for n, f in _expanded(dash.own, CONTACT_OWN)]
    release = dash.release.describe() if dash.release else "live"
    return {"method": {"name": dash.method.name, "noise_bound": dash.method.noise_bound,
                       "release": release}, "tables": tables}


def viewer_scope(spec: str) -> tuple[Scope, str | None]:
    """`leader` or `contact:CODE` as a scope (and the contact's district)."""
    if spec == "leader":
        return Scope(0, "db.published", (Membership(Role.PROJECT_LEADER),)), None
    if spec.startswith("contact:") and len(spec) > len("contact:"):
        code = spec.split(":", 1)[1]
        return Scope(0, "db.published", (Membership(Role.DISTRICT_CONTACT, code),)), code
    raise ValidationError("--as skal være leader eller contact:KODE")


def published_dashboard(viewer: Scope, district: str | None, flt: StatsFilter,
                        on: date | None = None) -> stats.Dashboard:
    if district is not None and flt.districts:
        raise ValidationError("En kontaktperson ser landstal for alle politikredse: brug ikke --districts.")
    return stats.dashboard(viewer, flt, district, on)


def published(viewer: Scope, district: str | None, flt: StatsFilter, on: date | None = None) -> dict:
    """What `viewer` sees for `flt` on day `on`, as the JSON document (not audited: see main)."""
    return document(published_dashboard(viewer, district, flt, on), viewer)


def _month(text: str) -> date:
    return date.fromisoformat(text + "-01")


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--as", dest="viewer", required=True, help="leader or contact:DISTRICT_CODE")
    parser.add_argument("--from", dest="first", type=_month, required=True, help="YYYY-MM")
    parser.add_argument("--to", dest="last", type=_month, required=True, help="YYYY-MM")
    parser.add_argument("--districts", default="", help="CODE,CODE (leaders only)")
    parser.add_argument("--levels", default="", help="1,2")
    parser.add_argument("--version")
    parser.add_argument("--on", type=date.fromisoformat, help="the day the viewer looks (default today)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    configure(args.db)
    migrate()
    try:
        viewer, district = viewer_scope(args.viewer)
        flt = StatsFilter(args.first, args.last,
                          tuple(d for d in args.districts.split(",") if d),
                          tuple(int(x) for x in args.levels.split(",") if x), args.version)
        dash = published_dashboard(viewer, district, flt, args.on)
        doc = document(dash, viewer)
        stats.record_export(viewer, page="db.published", table="*", fmt="json", flt=flt.normalised(),
                            district=district, release=dash.release, method=dash.method.name)
    except (DomainError, ValueError) as exc:
        print(f"fejl: {exc}", file=sys.stderr)
        return 2
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
