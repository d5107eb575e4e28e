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
