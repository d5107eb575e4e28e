"""`make bench`, part two: N people rerunning a statistics page at once, through Streamlit's runtime.

The real stack runs (OIDC provider, `streamlit run app.py` on a synthetic database, as in
production), and N sessions log in through the provider over HTTP and drive the page over
Streamlit's websocket as a browser does (tools/streamlit_client.py). In each round every session
changes a filter at the same moment (a district, then another, then none), and each rerun is timed
from the request to the server's `script_finished`. Warm-up rounds first fill the caches, so the
figures are those of warm reruns: a page whose figures are computed already. The floor is measured
in the same run: the same sessions and rounds on a bare page (scripts/bench_bare_page.py, a title
and a line) served by its own Streamlit server. For a district contact the run also measures the
page's freshness timer ("timer": what every open "Kredsens tal" costs each time its timer fires and
nothing has changed; pages/components/freshness.py), firing in all sessions at once.

Usage: python scripts/bench_concurrency.py [--cases 2000] [--sessions 1,5,10,20] [--rounds 6]
       [--as leader|contact]
Prints a table (with the load average before and after each measurement; the machine is shared)
and writes bench/results/concurrency-<time>.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools import devstack  # noqa: E402
from tools.devstack import DemoUser  # noqa: E402
from tools.streamlit_client import Session, login_cookies  # noqa: E402

SESSIONS = "1,5,10,20"
# What each viewer changes, round by round: a multiselect of the page's filter bar (its key) and the
# labels chosen, as the browser sends them.
SCENARIOS = {
    "leader": ("national_stats", "national-districts",
               [["Københavns Politi"], ["Nordsjællands Politi"], []]),
    "contact": ("district_stats", "district-levels", [["Niveau 1"], ["Niveau 2"], []]),
}
CONTACT_DISTRICT = "KBH"
# The viewers whose page has a freshness timer: its run (nothing changed) is measured as "timer".
TIMED = {"contact"}


def users(count: int, viewer: str) -> list[DemoUser]:
    return [DemoUser(f"bench-{viewer}-{i:02d}", f"bench.{viewer}.{i:02d}@example.com",
                     f"Bench {i}", viewer) for i in range(count)]


def build(db: Path, cases: int, people: list[DemoUser], viewer: str) -> None:
    """A synthetic database of `cases` cases (seed 1) and the benchmark's users invited."""
    subprocess.run([sys.executable, "-m", "db.synthetic", "--cases", str(cases), "--seed", "1",
                    "--db", str(db)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    role, district = ("project_leader", None) if viewer == "leader" else \
        ("district_contact", CONTACT_DISTRICT)
    code = ("import sys; from db import connection; from db.users import assign;"
            " from tools.demo import SEEDER; connection.configure(sys.argv[1]);"
            f" [assign(SEEDER, e, {role!r}, {district!r}) for e in sys.argv[2:]];"
            " connection.close()")
    subprocess.run([sys.executable, "-c", code, str(db), *[u.email for u in people]], cwd=ROOT,
                   check=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((devstack.HOST, 0))
        return sock.getsockname()[1]


def load() -> str:
    return " ".join(f"{v:.1f}" for v in os.getloadavg())


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process `pid` so far (Linux /proc): the server's cost, which the
    machine's other load does not inflate as it does wall-clock times. Counted in clock ticks
    (TICK_S): a row's CPU per rerun is exact to TICK_S / runs."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * TICK_S


TICK_S = 1 / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def measure(url: str, server: int, cookies: list[dict[str, str]], page: str, key: str | None,
                  choices: list[list[str]], rounds: int, ticks: bool = False) -> dict:
    """Open len(cookies) sessions on `page`; warm up, then `rounds` rounds of simultaneous reruns
    (or, with `ticks`, of the page's freshness timer: pages/components/freshness.py)."""
    sessions = [Session(url, c) for c in cookies]
    for s in sessions:
        await s.__aenter__()
    try:
        first = await asyncio.gather(*(s.rerun(page) for s in sessions))
        assert all(r.ok for r in first), [r.elements for r in first if not r.ok]

        async def step(s: Session, i: int):
            widgets = [s.strings(key, choices[i % len(choices)])] if key else []
            return await s.rerun(widgets=widgets)

        for i in range(len(choices)):  # warm-up: every filter once, one session after another
            for s in sessions:
                run = await step(s, i)
                assert run.ok, run.elements
        if ticks:  # the page's freshness timer firing in every session at once, nothing new
            assert all(s.timers for s in sessions), "the page has no timer"
            step = lambda s, i: s.tick()  # noqa: E731
        times, drawn = [], set()
        before, cpu = load(), cpu_seconds(server)
        for r in range(rounds):
            runs = await asyncio.gather(*(step(s, r) for s in sessions))
            assert all(run.ok for run in runs), [run.elements for run in runs if not run.ok]
            times += [run.seconds for run in runs]
            drawn |= {(run.elements["dataframe"], run.elements["vega_lite_chart"]) for run in runs}
        return {"median_s": statistics.median(times), "max_s": max(times), "runs": len(times),
                "cpu_per_run_s": (cpu_seconds(server) - cpu) / len(times), "rss_mb": rss_mb(server),
                "load_before": before, "load_after": load(), "tables_charts": sorted(drawn)}
    finally:
        for s in sessions:
            await s.__aexit__()


def report(rows: list[dict]) -> str:
    lines = ["sessions  page       median s   max s  runs  CPU ms/run (+-tick)  server MB"
             "  load before -> after"]
    for row in rows:
        lines.append(f"{row['sessions']:>8}  {row['page']:<9} {row['median_s']:>8.3f} "
                     f"{row['max_s']:>7.3f} {row['runs']:>5} {row['cpu_per_run_s'] * 1000:>11.1f}"
                     f" (+-{TICK_S * 1000 / row['runs']:.1f}) {row['rss_mb']:>10.0f}  "
                     f"{row['load_before']} -> {row['load_after']}")
    bare = {r["sessions"]: r for r in rows if r["page"] == "bare"}
    for row in rows:
        if row["page"] != "bare" and row["sessions"] in bare:
            floor = bare[row["sessions"]]
            ticks = round(floor["cpu_per_run_s"] * floor["runs"] / TICK_S)
            rough = f" (the floor's CPU is {ticks} clock ticks: rough)" if ticks < 10 else ""
            lines.append(f"{row['sessions']:>3} sessions: {row['page']} / bare page: median "
                         f"{row['median_s'] / floor['median_s']:.2f}x, server CPU per rerun "
                         f"{row['cpu_per_run_s'] / floor['cpu_per_run_s']:.2f}x{rough}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--sessions", default=SESSIONS)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--as", dest="viewer", choices=sorted(SCENARIOS), default="leader")
    parser.add_argument("--workdir", type=Path, help="keep the database and logs here")
    args = parser.parse_args()
    counts = [int(n) for n in args.sessions.split(",")]
    page, key, choices = SCENARIOS[args.viewer]
    people = users(max(counts), args.viewer)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        db = work / "concurrency.duckdb"
        for path in (db, db.with_name(db.name + ".wal")):
            path.unlink(missing_ok=True)
        print(f"building {args.cases:,} cases ...", flush=True)
        build(db, args.cases, people, args.viewer)
        oidc_port, app_port, bare_port = free_port(), free_port(), free_port()
        secrets = devstack.write_secrets(work / "secrets.toml", oidc_port, [])
        procs = []
        try:
            procs.append(devstack.start_oidc(oidc_port, people, log=work / "oidc.log"))
            procs.append(devstack.start_streamlit(app_port, secrets, db, log=work / "app.log"))
            procs.append(devstack.start_streamlit(bare_port, secrets, db, log=work / "bare.log",
                                                  script=ROOT / "scripts" / "bench_bare_page.py"))
            app, bare = (f"http://{devstack.HOST}:{p}" for p in (app_port, bare_port))
            servers = {app: procs[1].pid, bare: procs[2].pid}
            logged_in = [asyncio.run(login_cookies(app, u.sub)) for u in people]
            anonymous = [asyncio.run(login_cookies(bare, None)) for _ in people]
            rows = []
            for n in counts:
                for name, url, cookies, target, widget in (
                        ("bare", bare, anonymous, "", None),
                        (args.viewer, app, logged_in, page, key),
                        *([("timer", app, logged_in, page, key)] if args.viewer in TIMED else [])):
                    print(f"{n} sessions, {name} ...", flush=True)
                    result = asyncio.run(measure(url, servers[url], cookies[:n], target, widget,
                                                 choices, args.rounds, ticks=name == "timer"))
                    rows.append({"sessions": n, "page": name, "cases": args.cases} | result)
                    print(report(rows), flush=True)
        finally:
            for proc in reversed(procs):
                devstack.stop(proc)
    out = ROOT / "bench" / "results" / f"concurrency-{datetime.now():%Y%m%d-%H%M%S}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(rows, indent=2))
    print(f"\n{args.cases:,} cases, {args.rounds} rounds, viewer {args.viewer}\n{report(rows)}\n"
          f"\nResults: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
