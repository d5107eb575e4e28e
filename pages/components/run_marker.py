"""For the end-to-end tests only ($HMD_E2E_RUN_MARKER=1): a hidden count of this session's runs.

A browser test must know when the script run its click started has ended. Streamlit's script-state
attribute goes "running" -> "notRunning", but on a busy machine React can draw both in one frame, so
a watcher may never see the run. A count drawn at the start of every run only grows: a count above
the one before the click, seen together with the state "notRunning", means that run has ended.
"""

from __future__ import annotations

import os

import streamlit as st

ENV = "HMD_E2E_RUN_MARKER"


def run_marker() -> None:
    """Draw this run's number, hidden (nothing at all unless the variable is set)."""
    if os.environ.get(ENV) != "1":
        return
    count = st.session_state.get("_e2e_runs", 0) + 1
    st.session_state["_e2e_runs"] = count
    with st.container(key="e2e-run-marker"):
        st.html(f'<span data-e2e-run="{count}"></span>'
                "<style>.st-key-e2e-run-marker{display:none}</style>")
