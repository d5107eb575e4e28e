"""Run the participant retention job once a day per server process, before course pages draw."""

from __future__ import annotations

import logging
from datetime import date

import streamlit as st

from db.retention import anonymise_expired, configured_months
from db.users import SYSTEM
from model.errors import DomainError

log = logging.getLogger(__name__)


@st.cache_resource(show_spinner=False)
def _run_for_day(day: str) -> int:
    return anonymise_expired(SYSTEM, date.fromisoformat(day), configured_months())


def run_retention_daily() -> None:
    """Anonymise participants past retention; keyed by today's date, so it reruns each new day.

    A failure (e.g. a write conflict) is logged and retried on the next page view, never shown.
    """
    try:
        _run_for_day(date.today().isoformat())
    except DomainError:
        log.exception("course retention job failed; will retry")
