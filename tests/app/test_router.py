"""The router offers each role its pages and nothing else."""

from __future__ import annotations

from model.access import Role
from tests.app.helpers import claims_for, run_page


def test_district_contact_sees_landing_page_with_own_district(member):
    member("kontakt@example.com", (Role.DISTRICT_CONTACT, "NSJ"))
    at = run_page("app.py", claims_for("kontakt@example.com"))
    assert not at.exception
    text = " ".join(m.value for m in at.markdown) + " ".join(s.value for s in at.subheader)
    assert "Nordsjællands Politi" in text
