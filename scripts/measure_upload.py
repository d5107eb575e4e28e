"""Time and memory of reading a hostile upload: the shared-strings bomb of issue 8 and its kin.

    .venv/bin/python scripts/measure_upload.py                 # this checkout's reader
    .venv/bin/python scripts/measure_upload.py --code /tmp/old  # another checkout's (e.g. main)

Each file is read in a fresh child process (`preview_import`, as the course page calls it), which
reports the time taken and its peak resident memory (getrusage, before and after reading); with
--trace also its traced Python allocations (tracemalloc, which slows the reading down several times).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools import crafted_sheets  # noqa: E402

CHILD = """
import json, resource, sys, time, tracemalloc
sys.path.insert(0, sys.argv[1])
import openpyxl
from model.errors import ValidationError
from model.participant_import import preview_import
data = open(sys.argv[2], "rb").read()
rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
if sys.argv[4] == "trace":
    tracemalloc.start()
start = time.perf_counter()
try:
    preview = preview_import(data, sys.argv[3], capacity=20, registered=0, waiting=0)
    outcome = f"accepted: {len(preview.rows)} rows"
except ValidationError as exc:
    outcome = "refused: " + exc.user_message
except Exception as exc:  # what the page would have shown as a crash
    outcome = f"crashed: {type(exc).__name__}: {exc}"
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "traced_peak": tracemalloc.get_traced_memory()[1],
                  "rss_before_kb": rss_before,
                  "rss_peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "outcome": outcome}))
"""

FILES = {
    "shared-strings bomb (5 million)": (crafted_sheets.shared_strings_bomb, "x.xlsx"),
    "same bomb, disguised part name": (crafted_sheets.disguised_shared_strings, "x.xlsx"),
    "sheet claiming A1:XFD1048576": (crafted_sheets.sprawling_sheet, "x.xlsx"),
    "1.2 million cells, small zip": (crafted_sheets.many_cells_sheet, "x.xlsx"),
    "CSV of 1.9 million empty lines": (crafted_sheets.blank_lines_csv, "x.csv"),
    "CSV line of 600,000 separators": (crafted_sheets.wide_csv, "x.csv"),
    "ordinary sheet, 1000 participants": (lambda: crafted_sheets.plain_workbook(
        [(f"Deltager {i}", f"d{i}@example.com", "SSP-konsulent") for i in range(1000)]), "x.xlsx"),
}


def measure(code: Path, data: bytes, filename: str, timeout: float, trace: bool) -> dict:
    with tempfile.NamedTemporaryFile(suffix=filename) as tmp:
        tmp.write(data)
        tmp.flush()
        started = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(code), tmp.name, filename,
                                  "trace" if trace else "-"],
                                 stdout=subprocess.PIPE, text=True)
        try:
            out, _ = child.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            return {"outcome": f"killed after {timeout:.0f} s", "wall": time.perf_counter() - started}
        result = json.loads(out)
        result["wall"] = time.perf_counter() - started
        return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout whose model/ is measured")
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--only", help="measure only the files whose label contains this")
    parser.add_argument("--trace", action="store_true",
                        help="also trace Python allocations (tracemalloc; slows reading a lot)")
    args = parser.parse_args()
    for label, (build, filename) in FILES.items():
        if args.only and args.only not in label:
            continue
        data = build()
        result = measure(args.code.resolve(), data, filename, args.timeout, args.trace)
        if "seconds" not in result:
            print(f"{label}: {len(data) / 1000:.0f} KB file; {result['outcome']}")
            continue
        print(f"{label}: {len(data) / 1000:.0f} KB file; read in {result['seconds']:.3f} s; "
              f"peak RSS {result['rss_peak_kb'] / 1024:.0f} MB (after imports "
              f"{result['rss_before_kb'] / 1024:.0f} MB)"
              + (f"; traced peak {result['traced_peak'] / 1e6:.1f} MB" if args.trace else "")
              + f"; {result['outcome'][:100]}")


if __name__ == "__main__":
    main()
