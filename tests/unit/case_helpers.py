"""Builders of valid drafts and scopes for the case tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import count

from model.access import Role
from model.case import CaseDraft, CaseFacts
from model.closing import Closing
from tests.conftest import scope_of

TODAY = date(2026, 5, 20)
_ids = count(1)

NSJ = scope_of(11, "kontakt.nsj@example.com", (Role.DISTRICT_CONTACT, "NSJ"))
NSJ_2 = scope_of(12, "kollega.nsj@example.com", (Role.DISTRICT_CONTACT, "NSJ"))
KBH = scope_of(21, "kontakt.kbh@example.com", (Role.DISTRICT_CONTACT, "KBH"))
LEADER = scope_of(31, "leder@example.com", (Role.PROJECT_LEADER, None))

# Answers of a close whose open "must" measures the contact confirmed.
CLOSE = Closing("fit", "better", confirm_open_musts=True)

LEVEL_3_FACTS = CaseFacts(age_band="18_plus", nudity="nude", face_recognisable=True,
                          platforms=("snapchat", "instagram"))


def draft(facts: CaseFacts = LEVEL_3_FACTS, **changes) -> CaseDraft:
    """A valid level-3 draft (the proposal confirmed) with a fresh submission id."""
    base = CaseDraft(facts=facts, month=date(2026, 4, 1), institution_type="gymnasium",
                     chosen_level=3, model_version="2018", submission_id=f"test-sub-{next(_ids):06d}")
    return replace(base, **changes)


def published_frame(df, row: str, col: str | None):
    """A long frame (row, [col], n) as db.stats publishes it: margins added, every figure perturbed.

    Record-key sums are made up from the row's position (deterministic), as a test needs no secrecy.
    """
    from db.stats_publish import Spec, publish
    from model.perturbation import CELL_KEY

    raw = df.assign(k=[(i * 2654435761) % 2**32 for i in range(len(df))])
    rows = list(dict.fromkeys(df[row]))
    cols = list(dict.fromkeys(df[col])) if col else []
    return publish(Spec("test", raw, row, col, rows, cols), CELL_KEY)


def release_long_ago(month: date) -> None:
    """Move every case, assessment and close into `month`, recorded the day after it began: the
    release in force today counts them (the nationwide figures count released months only, and
    a case or event recorded before its month's cutoff; model/release.py)."""
    from datetime import timedelta

    from db.connection import cursor

    recorded = month + timedelta(days=1)
    with cursor() as cur:
        cur.execute("UPDATE cases SET case_month = ?, created_at = ?", [month, recorded])
        cur.execute("UPDATE case_assessments SET assessed_month = ?, created_at = ?",
                    [month, recorded])
        cur.execute("UPDATE case_closings SET closed_month = ?, created_at = ?", [month, recorded])
