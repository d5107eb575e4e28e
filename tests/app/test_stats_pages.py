"""The statistics pages in AppTest, per role: what each shows and what it never shows."""

from __future__ import annotations

from datetime import date

import pytest

from db.synthetic import GENERATOR, generate
from model.access import Role
from tests.app.helpers import claims_for, run_page


@pytest.fixture
def data(member):
    generate(GENERATOR, 400, seed=11, first_month=date(2024, 1, 1), months=12)
    member("leder@example.com", (Role.PROJECT_LEADER, None))
    member("kontakt@example.com", (Role.DISTRICT_CONTACT, "BOR"))


def test_project_leader_sees_nationwide_dashboard(data):
    at = run_page("pages/national_stats.py", claims_for("leder@example.com"))
    assert not at.exception
    assert at.title[0].value == "Landstal"
    assert len(at.dataframe) >= 8
