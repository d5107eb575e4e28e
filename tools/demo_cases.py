"""Demo cases: a synthetic nationwide history plus a few realistic open cases per demo contact."""

from __future__ import annotations

import random
import time
from datetime import date

from db import synthetic
from db.case_updates import set_status
from db.cases import create_case
from db.users import members
from model.access import Membership, Role, Scope
from model.months import add_months, first_of_month
from model.session import Session
from tools.case_drafts import random_draft

HISTORY_MONTHS = 36


def _contact_scope(seeder: Scope, email: str, district: str) -> Scope:
    """The demo contact, acting through a seeding session issued now (demo data only)."""
    user_id = next(m.user_id for m in members(seeder) if m.email == email)
    session = Session("demo-seed", email, int(time.time()))
    return Scope(user_id, email, (Membership(Role.DISTRICT_CONTACT, district),), session)


def seed_demo_cases(seeder: Scope, contacts: dict[str, str], *, history: int = 2400,
                    per_contact: int = 12, seed: int = 42, today: date | None = None) -> None:
    """`history` synthetic cases over the last three years in all districts, then `per_contact` cases
    entered the real way (triage + create_case) for each demo contact's district, some closed."""
    today = today or date.today()
    first = add_months(first_of_month(today), -(HISTORY_MONTHS - 1))
    synthetic.generate(seeder, history, seed=seed, first_month=first, months=HISTORY_MONTHS)
    rng = random.Random(seed)
    for email, district in contacts.items():
        scope = _contact_scope(seeder, email, district)
        for n in range(per_contact):
            draft = random_draft(rng, f"demo-{district}-{n}", today)
            created = create_case(scope, district, draft, today=today)
            if rng.random() < 0.3:
                set_status(scope, created.code, 1, "closed", today=today)
