"""Demo cases: a synthetic nationwide history plus a few realistic open cases per demo contact."""

from __future__ import annotations

import random
import time
from dataclasses import replace
from datetime import date

from db import synthetic
from db.case_closing import close_case
from db.case_reassessment import reassess
from db.cases import create_case
from db.model_registry import model_of
from db.users import members
from model.access import Membership, Role, Scope
from model.closing import LEVEL_FIT, SITUATION, Closing
from model.months import add_months, first_of_month
from model.reassessment import Reassessment
from model.session import Session
from model.triage import assess
from tools.case_drafts import random_draft

HISTORY_MONTHS = 36


def contact_scope(seeder: Scope, email: str, district: str) -> Scope:
    """The demo contact, acting through a seeding session issued now (demo data only)."""
    user_id = next(m.user_id for m in members(seeder) if m.email == email)
    session = Session("demo-seed", email, int(time.time()))
    return Scope(user_id, email, (Membership(Role.DISTRICT_CONTACT, district),), session)


def demo_closing(rng: random.Random) -> Closing:
    """Varied answers for a demo case closed at once (its "must" measures still open: confirmed)."""
    return Closing(rng.choice(list(LEVEL_FIT)), rng.choice(list(SITUATION)),
                   confirm_open_musts=True)


def seed_demo_cases(seeder: Scope, contacts: dict[str, str], *, history: int = 2400,
                    per_contact: int = 12, seed: int = 42, today: date | None = None) -> None:
    """`history` synthetic cases over the last three years in all districts, then `per_contact` cases
    entered the real way (triage + create_case) for each demo contact's district, some of them
    re-assessed (the image spread further) and some closed with answers."""
    today = today or date.today()
    first = add_months(first_of_month(today), -(HISTORY_MONTHS - 1))
    synthetic.generate(seeder, history, seed=seed, first_month=first, months=HISTORY_MONTHS)
    rng = random.Random(seed)
    for email, district in contacts.items():
        scope = contact_scope(seeder, email, district)
        for n in range(per_contact):
            draft = random_draft(rng, f"demo-{district}-{n}", today)
            created = create_case(scope, district, draft, today=today)
            version = 1
            if rng.random() < 0.3:
                wider = replace(draft.facts, spread="public")
                level = assess(wider, model_of(draft.model_version)).proposed_level
                version = reassess(scope, created.code, version,
                                   Reassessment(wider, draft.model_version, level), today=today)
            if rng.random() < 0.3:
                close_case(scope, created.code, version, demo_closing(rng), today=today)
