"""Run the participant retention job once a day per server process, before course pages draw."""

from __future__ import annotations

from datetime import date

import streamlit as st

from db.retention import anonymise_expired, configured_months
from db.users import SYSTEM


@st.cache_resource(show_spinner=False)
def _run_for_day(day: str) -> int:
    return anonymise_expired(SYSTEM, date.fromisoformat(day), configured_months())


def run_retention_daily() -> None:
    """Anonymise participants past retention; keyed by today's date, so it reruns each new day."""
    _run_for_day(date.today().isoformat())
