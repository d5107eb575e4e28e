"""Where a warm rerun of a statistics page spends the server's CPU: one session reruns the page
through the real stack (as scripts/bench_concurrency.py does) on a server whose script runs are
measured (tools/profiled_streamlit.py). Warm-up first; then `--rounds` reruns.

Usage: python scripts/profile_rerun.py [--cases 2000] [--rounds 30] [--as leader|contact]
       [--cprofile] [--top 40]
By default prints the split: the script thread's CPU time per rerun in each of SPLIT's functions
(a nested one counted in its caller too), beside the whole server's CPU per rerun. --cprofile
prints cProfile's tables instead; the profiler slows Python code several times more than the C
it calls, so read its proportions with care (the benchmark's "CPU ms/run" is the figure of record).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import pstats
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.bench_concurrency import SCENARIOS, build, cpu_seconds, free_port, users  # noqa: E402
from tools import devstack  # noqa: E402
from tools.streamlit_client import Session, login_cookies  # noqa: E402

# What the split times, leaves first: a page imports a function by name when it loads, so a
# function is wrapped before anything that imports it (the pages load after all of these).
SPLIT = [
    "db.users:resolve_login", "db.meta:is_demo", "db.model_registry:published",
    "db.stats_raw:page_state",
    "streamlit.elements.vega_charts:_marshall_chart_data",
    "streamlit.dataframe_util:convert_pandas_df_to_arrow_bytes",
    "pages.components.exports:export_buttons", "pages.components.stats_cache:figures",
    "pages.components.stats_cache:state",
    "pages.components.stats_cache:Figures.drawn",
    "pages.components.stats_filters:filter_bar", "pages.components.stats_filters:filtered_figures",
    "pages.components.stats_sections:block", "pages.components.stats_sections:open_section",
    "pages.components.stats_sections:about_figures", "pages.components.page_setup:document_setup",
    "pages.components.session:current_scope", "pages.components.freshness:watch",
]


async def drive(url: str, server: subprocess.Popen, cookies: dict[str, str], page: str, key: str,
                choices: list[list[str]], rounds: int) -> float:
    """The server's CPU seconds per rerun, over `rounds` warm reruns."""
    async with Session(url, cookies) as session:
        assert (await session.rerun(page)).ok
        for i in range(2 * len(choices)):  # warm-up: every filter, twice
            run = await session.rerun(widgets=[session.strings(key, choices[i % len(choices)])])
            assert run.ok, run.elements
        server.send_signal(signal.SIGUSR1)
        await asyncio.sleep(0.5)
        cpu = cpu_seconds(server.pid)
        for i in range(rounds):
            run = await session.rerun(widgets=[session.strings(key, choices[i % len(choices)])])
            assert run.ok, run.elements
        return (cpu_seconds(server.pid) - cpu) / rounds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--as", dest="viewer", choices=sorted(SCENARIOS), default="leader")
    parser.add_argument("--cprofile", action="store_true")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    page, key, choices = SCENARIOS[args.viewer]
    people = users(1, args.viewer)
    out = ROOT / "bench" / "results" / ("rerun.prof" if args.cprofile else "rerun-split.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db = work / "profile.duckdb"
        build(db, args.cases, people, args.viewer)
        oidc_port, app_port = free_port(), free_port()
        secrets = devstack.write_secrets(work / "secrets.toml", oidc_port, [])
        oidc = devstack.start_oidc(oidc_port, people, log=work / "oidc.log")
        app = None
        try:
            mode = ["cprofile"] if args.cprofile else ["split", *SPLIT]
            cmd = [sys.executable, "-m", "tools.profiled_streamlit", str(out), *mode, "--", "run",
                   str(ROOT / "app.py"), "--server.headless", "true", "--server.address",
                   devstack.HOST, "--server.port", str(app_port), "--browser.gatherUsageStats",
                   "false", "--server.fileWatcherType", "none", "--secrets.files", str(secrets)]
            app = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, "HMD_DB_PATH": str(db)},
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            url = f"http://{devstack.HOST}:{app_port}"
            devstack.wait_for(f"{url}/_stcore/health", "ok", timeout=60)
            cookies = asyncio.run(login_cookies(url, people[0].sub))
            per_run = asyncio.run(drive(url, app, cookies, page, key, choices, args.rounds))
        finally:
            devstack.stop(app)
            devstack.stop(oidc)
    print(f"{args.rounds} warm reruns of {page} as {args.viewer}: server CPU "
          f"{per_run * 1000:.1f} ms/run{' (profiled)' if args.cprofile else ''}")
    if args.cprofile:
        stats = pstats.Stats(str(out))
        stats.sort_stats("cumulative").print_stats(args.top)
        stats.sort_stats("tottime").print_stats(args.top)
        return 0
    split = json.loads(out.read_text())
    runs = split.pop("script run")[1]
    print(f"{'script thread CPU per rerun':<62} {'ms':>6} {'calls':>6}")
    for name, (cpu, calls) in sorted(split.items(), key=lambda kv: -kv[1][0]):
        print(f"  {name:<60} {1000 * cpu / runs:>6.2f} {calls / runs:>6.1f}")
    script = json.loads(out.read_text())["script run"][0]
    print(f"  {'whole script run':<60} {1000 * script / runs:>6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
