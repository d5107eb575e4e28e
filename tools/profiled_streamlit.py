"""`streamlit` with its script runs measured, for scripts/profile_rerun.py:
`python -m tools.profiled_streamlit OUT MODE [module:function ...] -- run app.py ...`.

MODE `cprofile`: every script run profiled with cProfile (in the script's own thread), the profile
written to OUT. MODE `split`: no profiler; the thread CPU time of each named function (wrapped
before the app loads: pages import them by name on every run) and of the whole run, written to
OUT as JSON; a nested call is counted inside its caller too. SIGUSR1 starts the measurement afresh
(after the warm-up); OUT is written when the server stops.
"""

from __future__ import annotations

import atexit
import cProfile
import functools
import importlib
import json
import pstats
import signal
import sys
import threading
import time
from collections import defaultdict

from streamlit.runtime.scriptrunner import script_runner
from streamlit.web.cli import main

_lock = threading.Lock()
_profiles: list[cProfile.Profile] = []
_cpu: defaultdict[str, float] = defaultdict(float)
_calls: defaultdict[str, int] = defaultdict(int)
_original = script_runner.ScriptRunner._run_script


def _timed(name: str, func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        start = time.thread_time()
        try:
            return func(*args, **kwargs)
        finally:
            spent = time.thread_time() - start
            with _lock:
                _cpu[name] += spent
                _calls[name] += 1
    return wrapper


def _profiled(self, rerun_data) -> None:
    profile = cProfile.Profile()
    profile.enable()
    try:
        _original(self, rerun_data)
    finally:
        profile.disable()
        with _lock:
            _profiles.append(profile)


def _reset(*_: object) -> None:
    with _lock:
        _profiles.clear()
        _cpu.clear()
        _calls.clear()


def _dump(out: str, mode: str) -> None:
    with _lock:
        if mode == "cprofile" and _profiles:
            stats = pstats.Stats(_profiles[0])
            for profile in _profiles[1:]:
                stats.add(profile)
            stats.dump_stats(out)
        elif mode == "split":
            with open(out, "w") as f:
                json.dump({name: [_cpu[name], _calls[name]] for name in _cpu}, f)


def _wrap(target: str) -> None:
    module_name, _, attr = target.partition(":")
    owner = importlib.import_module(module_name)
    *path, name = attr.split(".")
    for part in path:
        owner = getattr(owner, part)
    setattr(owner, name, _timed(target, getattr(owner, name)))


if __name__ == "__main__":
    out, mode, *rest = sys.argv[1:]
    cut = rest.index("--")
    targets, sys.argv = rest[:cut], ["streamlit", *rest[cut + 1:]]
    if mode == "cprofile":
        script_runner.ScriptRunner._run_script = _profiled
    else:
        script_runner.ScriptRunner._run_script = _timed("script run", _original)
        for target in targets:
            _wrap(target)
    signal.signal(signal.SIGUSR1, _reset)
    atexit.register(_dump, out, mode)
    main()
