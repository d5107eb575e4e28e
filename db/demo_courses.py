"""Demo courses and participants for `make run` and the end-to-end tests (all fictitious).

Names are made of invented surnames, e-mails are at example.com/example.org. Held courses lie within
the retention period (so their names show), one old course is already anonymised, a few districts
have no course yet, and one planned course is full with a waiting list.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from db import audit
from db.connection import transaction
from db.users import SYSTEM
from model.course_vocab import RESOURCE_ROLES

FIRST = ["Mette", "Søren", "Åse", "Jørgen", "Birthe", "Mads", "Sofie", "Lærke", "Anders", "Signe",
         "Ole", "Hanne", "Kasper", "Ida", "Bjørn", "Karen", "Rasmus", "Maja", "Niels", "Trine"]
LAST = ["Eksempelsen", "Prøvesen", "Demodatter", "Fiktivsen", "Testrup", "Opdigtesen",
        "Påskønsen", "Læreksempel", "Øvelund", "Dummygaard"]
PLACES = {
    "NJY": ("Aalborg", "Hjørring"), "OJY": ("Aarhus", "Randers"), "MVJ": ("Herning", "Holstebro"),
    "SOJ": ("Vejle", "Horsens"), "SSJ": ("Esbjerg", "Sønderborg"), "FYN": ("Odense", "Svendborg"),
    "SSL": ("Næstved", "Nykøbing F."), "MVS": ("Holbæk", "Roskilde"),
    "NSJ": ("Helsingør", "Hillerød"), "KVE": ("Glostrup", "Albertslund"),
    "KBH": ("København", "Frederiksberg"), "BOR": ("Rønne", "Nexø"),
}
ORGS = ["{town} Gymnasium", "SSP {town}", "Ungdomsrådgivningen {town}", "{town} Skole",
        "Offerrådgivningen {town}", "{town} Politistation", "UU {town}"]
ROLE_FOR_ORG = ["laerer_ledelse", "ssp_konsulent", "ungeraadgiver", "studievejleder",
                "offerraadgiver", "politiets_ressourceperson", "studievejleder"]
TRAINERS = "Projektgruppen (Nordsjællands Politi og Espergærde Gymnasium og HF)"

# (district, months from today (negative: held), capacity, participants, anonymised long ago)
PLAN = [
    ("NSJ", -14, 25, 22, False), ("NSJ", -3, 20, 17, False), ("NSJ", 2, 20, 8, False),
    ("KBH", -10, 30, 26, False), ("KBH", 1, 12, 15, False), ("OJY", -8, 25, 19, False),
    ("FYN", -6, 20, 14, False), ("NJY", -5, 20, 16, False), ("SSJ", -30, 20, 18, True),
    ("SSJ", 3, 20, 5, False), ("KVE", -2, 15, 11, False), ("SOJ", 4, 25, 0, False),
    ("MVS", -12, 20, 3, False),
]


def _start(rng: random.Random, today: date, months: int) -> datetime:
    day = today + timedelta(days=months * 30 + rng.randint(-6, 6))
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return datetime.combine(day, time(rng.choice([9, 10, 13])))


def _person(rng: random.Random, district: str, n: int) -> tuple[str, str, str, str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    town = rng.choice(PLACES[district])
    kind = rng.randrange(len(ORGS))
    role = ROLE_FOR_ORG[kind] if rng.random() < 0.85 else rng.choice(list(RESOURCE_ROLES))
    local = f"{first}.{last}.{n}".lower().translate(str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"}))
    domain = rng.choice(["example.com", "example.org"])
    return f"{first} {last}", f"{local}@{domain}", ORGS[kind].format(town=town), town, role


def seed_demo_courses(seed: int = 42, today: date | None = None) -> int:
    """Create the demo courses once (a second call does nothing); returns how many were created."""
    rng = random.Random(seed)
    today = today or date.today()
    with transaction() as cur:
        if cur.execute("SELECT count(*) FROM courses WHERE submission_id LIKE 'demo-%'"
                       ).fetchone()[0]:
            return 0
        for i, (district, months, capacity, people, anonymised) in enumerate(PLAN):
            starts = _start(rng, today, months)
            status = "held" if months < 0 else "planned"
            cleared = starts + timedelta(days=760) if anonymised else None
            course_id = cur.execute(
                "INSERT INTO courses (district_code, starts_at, place, capacity, trainers,"
                " model_version, status, submission_id, created_by, anonymised_at)"
                " VALUES (?, ?, ?, ?, ?, '2018', ?, ?, 0, ?) RETURNING course_id",
                [district, starts, f"Politigården, {PLACES[district][0]}", capacity, TRAINERS,
                 status, f"demo-{seed}-{i}", cleared],
            ).fetchone()[0]
            for n in range(people):
                name, email, org, town, role = _person(rng, district, n)
                waiting = n - capacity + 1 if n >= capacity else None
                pid = cur.execute(
                    "INSERT INTO participants (course_id, name, email, organisation, municipality,"
                    " resource_role, anonymised_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, 0)"
                    " RETURNING participant_id",
                    [course_id] + ([None] * 4 if anonymised else [name, email, org, town])
                    + [role, cleared],
                ).fetchone()[0]
                attended = (rng.random() < 0.9) if status == "held" else None
                cur.execute(
                    "INSERT INTO registrations (participant_id, course_id, status,"
                    " waiting_position, attended) VALUES (?, ?, ?, ?, ?)",
                    [pid, course_id, "waiting" if waiting else "registered", waiting, attended],
                )
        audit.record(cur, SYSTEM, "demo.seed_courses", details={"courses": len(PLAN),
                                                               "seed": seed})
    return len(PLAN)
