"""Demo users and demo data for `make run` and the end-to-end tests (all fictitious)."""

from __future__ import annotations

import time

from db import help_contacts, meta
from db.connection import cursor
from db.demo_courses import seed_demo_courses
from db.users import assign, bootstrap_admins
from model.access import Membership, Role, Scope
from model.help_contacts import HelpContact
from model.session import Session
from tools.demo_cases import seed_demo_cases
from tools.devstack import DemoUser

ADMIN = DemoUser("demo-admin", "admin@example.com", "Anna Administrator", "Administrator")
CONTACT_NSJ = DemoUser("demo-kontakt-nsj", "kontakt.nsj@example.com", "Niels Nordsjælland",
                       "Kontaktperson, Nordsjællands Politi")
CONTACT_KBH = DemoUser("demo-kontakt-kbh", "kontakt.kbh@example.com", "Karen København",
                       "Kontaktperson, Københavns Politi")
LEADER = DemoUser("demo-projektleder", "projektleder@example.com", "Peter Projektleder",
                  "Projektleder (hele landet)")
ORGANISER_NSJ = DemoUser("demo-kursus-nsj", "kursus.nsj@example.com", "Karla Kursus",
                         "Kursusarrangør, Nordsjællands Politi")
ORGANISER_ALL = DemoUser("demo-kursus", "kursus@example.com", "Lars Landsdækkende",
                         "Kursusarrangør (hele landet)")
NEWCOMER = DemoUser("demo-ny", "ny.bruger@example.com", "Nina Ny", "Ingen rolle endnu")

DEMO_USERS: list[DemoUser] = [ADMIN, CONTACT_NSJ, CONTACT_KBH, LEADER, ORGANISER_NSJ,
                              ORGANISER_ALL, NEWCOMER]

MEMBERSHIPS: dict[str, list[tuple[Role, str | None]]] = {
    CONTACT_NSJ.email: [(Role.DISTRICT_CONTACT, "NSJ")],
    CONTACT_KBH.email: [(Role.DISTRICT_CONTACT, "KBH")],
    LEADER.email: [(Role.PROJECT_LEADER, None)],
    ORGANISER_NSJ.email: [(Role.COURSE_ORGANISER, "NSJ")],
    ORGANISER_ALL.email: [(Role.COURSE_ORGANISER, None)],
}

SEEDER = Scope(user_id=0, email="demo-seed", memberships=(Membership(Role.ADMIN),))


SCRIPT_ISSUER = "https://scripts.local"  # the login of a script acting as a user (never trusted)


def logged_in(email: str, role: Role, district: str | None) -> Scope:
    """A user invited with `role` in `district`, as a script acting for them sees them: their scope
    with a live session (load and crash scripts; the writes re-read it like any other)."""
    with cursor() as cur:
        held = cur.execute("SELECT count(*) FROM memberships JOIN users USING (user_id) WHERE email = ?"
                           " AND role = ? AND district_code IS NOT DISTINCT FROM ?",
                           [email, role.value, district]).fetchone()[0]
    if not held:
        assign(SEEDER, email, role.value, district)
    with cursor() as cur:
        user_id = cur.execute("SELECT user_id FROM users WHERE email = ?", [email]).fetchone()[0]
    now = int(time.time())
    return Scope(user_id, email, (Membership(role, district),),
                 session=Session(SCRIPT_ISSUER, email, now, now + 8 * 3600))


def seed_users() -> None:
    """The demo administrator (bootstrap) and every other demo role, as an administrator would."""
    bootstrap_admins([ADMIN.email])
    for email, memberships in MEMBERSHIPS.items():
        for role, district in memberships:
            assign(SEEDER, email, role.value, district)


# National lines with their public numbers; local contacts are invented examples.
HELP_LINES = [
    HelpContact("Alarm 112", "112", "Ved akut fare", position=1),
    HelpContact("Politiet", "114", "Når det ikke haster", position=2),
    HelpContact("Offerrådgivningen", "116 006", "Gratis og anonym rådgivning til ofre", position=3),
    HelpContact("BørneTelefonen (Børns Vilkår)", "116 111", "For børn og unge under 18",
                position=4),
    HelpContact("Politiets ressourceperson (eksempel)", "00 00 00 01", "Opdigtet demonummer",
                district="NSJ", position=1),
    HelpContact("SSP-konsulent, Helsingør (eksempel)", "00 00 00 02", "Opdigtet demonummer",
                district="NSJ", position=2),
    HelpContact("Politiets ressourceperson (eksempel)", "00 00 00 03", "Opdigtet demonummer",
                district="KBH", position=1),
]


def seed_help_lines() -> None:
    for contact in HELP_LINES:
        help_contacts.save(SEEDER, contact)


def seed_all() -> None:
    """Users, demo cases and courses; marks the database as demo so the UI says so."""
    seed_users()
    seed_help_lines()
    seed_demo_cases(SEEDER, {CONTACT_NSJ.email: "NSJ", CONTACT_KBH.email: "KBH"})
    seed_demo_courses()
    meta.mark_demo()
