"""Any invalid follow-up is refused with a Danish message and leaves the case exactly as it was."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.case_queries import get_case
from db.case_updates import update_follow_up
from db.cases import create_case
from db.connection import cursor
from model.errors import ValidationError
from model.follow_up import FollowUp
from tests.unit.case_helpers import NSJ, TODAY, draft

MEASURES = ["care_and_normalisation", "contact_police_resource_person", "takedown_request"]
STATUSES = {"planned", "done", "not_relevant"}
OUTCOMES = {"not_requested", "requested", "removed", "refused", "police_handles"}
TEXT = st.text(max_size=20)

BROKEN = st.one_of(
    TEXT.filter(lambda s: s not in STATUSES).map(
        lambda s: FollowUp({"care_and_normalisation": s})),
    TEXT.filter(lambda k: k not in MEASURES and k != "contact_passive_offenders").map(
        lambda k: FollowUp({k: "done"})),
    TEXT.filter(lambda p: p not in {"snapchat", "instagram"}).map(
        lambda p: FollowUp(takedowns={p: "removed"})),
    TEXT.filter(lambda o: o not in OUTCOMES).map(lambda o: FollowUp(takedowns={"snapchat": o})),
    st.sampled_from([None, 1, "ja"]).map(lambda v: FollowUp(police_consulted=v)),
)


def snapshot(code: str) -> tuple:
    case = get_case(NSJ, code)
    with cursor() as cur:
        audits = cur.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    return case.row_version, case.measures, case.takedowns, case.police_consulted, audits


@pytest.fixture
def code(fresh_db) -> str:
    return create_case(NSJ, "NSJ", draft(), today=TODAY).code


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(change=BROKEN)
def test_any_invalid_follow_up_is_refused_and_the_case_is_unchanged(code, change):
    before = snapshot(code)
    with pytest.raises(ValidationError) as refused:
        update_follow_up(NSJ, code, before[0], change, today=TODAY)
    assert all(p[0].isupper() for p in refused.value.problems)
    assert snapshot(code) == before
