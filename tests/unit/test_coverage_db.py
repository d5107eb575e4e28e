"""Coverage aggregates: no names ever, exact for one's own district, suppressed for the others."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from db import coverage
from db.demo_courses import seed_demo_courses
from model.access import Role
from model.errors import AccessDenied
from model.suppression import TOTAL
from tests.conftest import scope_of
from tests.unit.test_course_retention_db import held_course

NSJ_ORG = scope_of(11, "kursus.nsj@example.com", (Role.COURSE_ORGANISER, "NSJ"))
LEADER = scope_of(14, "leder@example.com", (Role.PROJECT_LEADER, None))
CONTACT = scope_of(15, "kontakt@example.com", (Role.DISTRICT_CONTACT, "NSJ"))


def test_districts_with_no_held_course_are_flagged(fresh_db):
    held_course("NSJ", date(2026, 1, 10), ["andet"])
    frame = coverage.courses_by_district(LEADER, today=date(2026, 2, 1))
    flagged = set(frame.loc[frame["Uden kursus"], "code"])
    assert "NSJ" not in flagged and {"KBH", "BOR", "GRL"} <= flagged
    assert int(frame["Afholdte kurser"].sum()) == 1


def test_the_nationwide_table_hides_small_counts_and_their_complements(fresh_db):
    held_course("NSJ", date(2026, 1, 10), ["andet"] * 3 + ["studievejleder"] * 9)
    held_course("KBH", date(2026, 1, 10), ["andet"] * 8 + ["studievejleder"] * 7)
    table = coverage.trained_nationwide(LEADER)
    cell = table.set_index(["Politikreds", "Rolle"])["Uddannede"]
    assert cell[("Nordsjællands Politi", "Andet")] is pd.NA
    assert cell.isna().sum() >= 4
    assert cell[(TOTAL, TOTAL)] == 27


def test_a_district_organiser_gets_exact_own_figures_and_the_others_without_their_own(fresh_db):
    held_course("NSJ", date(2026, 1, 10), ["andet"] * 3)
    own = coverage.trained_in_district(NSJ_ORG, "NSJ")
    assert own.set_index("Rolle").loc["Andet", "Uddannede"] == 3
    others = coverage.trained_nationwide(NSJ_ORG)
    assert "Nordsjællands Politi" not in set(others["Politikreds"])
    with pytest.raises(AccessDenied):
        coverage.trained_in_district(NSJ_ORG, "KBH")


def test_coverage_is_closed_to_roles_without_a_reason_to_see_it(fresh_db):
    for call in (coverage.courses_by_district, coverage.trained_nationwide):
        with pytest.raises(AccessDenied):
            call(CONTACT)


def test_no_coverage_output_carries_a_name_or_an_email(fresh_db):
    seed_demo_courses(seed=7, today=date(2026, 3, 10))
    text = " ".join(f.to_csv() for f in (coverage.courses_by_district(LEADER),
                                         coverage.trained_nationwide(LEADER)))
    assert "@" not in text and "Eksempelsen" not in text
