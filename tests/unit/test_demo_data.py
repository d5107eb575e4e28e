"""`make run`'s demo data loads into a fresh database, realistic and deterministic."""

from __future__ import annotations

from datetime import date

from db import meta
from db.case_queries import list_cases
from db.connection import cursor
from model.access import Membership, Role, Scope
from tools import demo


def test_demo_data_loads_marks_the_database_and_gives_each_demo_contact_cases(fresh_db):
    demo.seed_all()
    assert meta.is_demo()
    with cursor() as cur:
        districts = cur.execute("SELECT count(DISTINCT district_code) FROM cases").fetchone()[0]
        courses = cur.execute("SELECT count(*) FROM courses").fetchone()[0]
        reassessed = cur.execute("SELECT count(*) FROM case_assessments WHERE seq > 1").fetchone()[0]
        closings = cur.execute("SELECT count(*) FROM case_closings").fetchone()[0]
    assert districts >= 12
    assert courses > 0
    assert reassessed > 0 and closings > 0  # the calibration page has something to show
    nsj = Scope(1, demo.CONTACT_NSJ.email, (Membership(Role.DISTRICT_CONTACT, "NSJ"),))
    this_year = [c for c in list_cases(nsj, "NSJ") if c.code.startswith(f"NSJ-{date.today().year}-")]
    assert this_year, "the demo contact should find cases of this year in their follow-up list"
