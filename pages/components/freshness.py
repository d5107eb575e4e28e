"""Open pages notice new data on their own: a small fragment re-reads a version on a timer and
reruns the page only when it has moved.

Without it, a case a colleague saves reaches an open list or an open "Kredsens tal" only at the
viewer's next click. The timer's run is the fragment alone (one version read, nothing drawn), so an
idle page costs a read every `interval()` seconds; a full rerun happens only when there is something
new to show. Pages with forms being filled in are not watched: a rerun must never disturb typing.

$HMD_REFRESH_SECONDS sets the interval (default 30; 0 turns the timer off).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable
from datetime import timedelta

import streamlit as st

# End-to-end mode only: the timer's runs are counted in a hidden marker, as run_marker counts runs.
from pages.components.run_marker import ENV as MARKER_ENV

ENV = "HMD_REFRESH_SECONDS"
DEFAULT_SECONDS = 30


def interval() -> timedelta | None:
    """The timer's period, or None when it is off (a value that is not a number: the default)."""
    try:
        seconds = float(os.environ.get(ENV, DEFAULT_SECONDS) or 0)
    except ValueError:
        seconds = DEFAULT_SECONDS
    return timedelta(seconds=seconds) if seconds > 0 else None


def watch(name: str, version: Callable[[], Hashable]) -> None:
    """Rerun the page when `version()` differs from its value at the page's last full run.

    Call it before the page reads what it draws: a change between the two reads then costs one
    needless rerun instead of a missed one.
    """
    every = interval()
    if every is None:
        return
    key = f"_fresh_{name}"
    st.session_state[key] = version()  # what this full run draws (or newer)
    st.session_state[f"{key}_full"] = True
    with st.container(key=f"fresh-{name}"):
        st.html(f"<style>.st-key-fresh-{name}{{display:none}}</style>")  # it takes no room
        st.fragment(_tick, run_every=every)(key, version)


def _tick(key: str, version: Callable[[], Hashable]) -> None:
    """A timer run of the fragment: the whole page again only if its data moved. (Its call in
    the full run only starts the timer: the version was read just before.)"""
    full_run = st.session_state.pop(f"{key}_full", False)
    if os.environ.get(MARKER_ENV) == "1":
        ticks = 0 if full_run else st.session_state.get(f"{key}_ticks", 0) + 1
        st.session_state[f"{key}_ticks"] = ticks
        st.html(f'<span data-e2e-fresh="{ticks}"></span>')
    if not full_run and version() != st.session_state.get(key):
        st.rerun()
