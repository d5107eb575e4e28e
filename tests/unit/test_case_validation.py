"""Any invalid draft is refused with a Danish message, and nothing at all is stored."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.cases import create_case
from db.connection import cursor
from model.case import CaseFacts, check_draft
from model.errors import ValidationError
from model.handling_model import load_model
from tests.unit.case_helpers import LEVEL_3_FACTS, NSJ, TODAY, draft

MODEL = load_model("2018")
CODES = st.text(min_size=0, max_size=12)


def facts_with(**changes) -> CaseFacts:
    return replace(LEVEL_3_FACTS, **changes)


def bad_code(valid: set[str]):
    return CODES.filter(lambda s: s not in valid)


# Each strategy yields a draft broken in one way.
BROKEN_DRAFTS = st.one_of(
    bad_code({"under_13", "13_15", "16_17", "18_plus"}).map(
        lambda v: draft(facts_with(age_band=v))),
    bad_code({"clothed", "underwear", "partly_nude", "nude"}).map(
        lambda v: draft(facts_with(nudity=v))),
    bad_code({"unknown", "few", "many", "public"}).map(lambda v: draft(facts_with(spread=v))),
    st.integers().filter(lambda n: n not in (1, 2, 3, 4)).map(
        lambda n: draft(facts_with(reaction=n))),
    st.tuples(st.sampled_from(["face_recognisable", "identity_exposed", "erotic_motif",
                               "revenge_motive", "threats"]),
              st.sampled_from([None, 1, "ja"])).map(
        lambda fv: draft(facts_with(**{fv[0]: fv[1]}))),
    CODES.filter(lambda s: s not in MODEL.signal_labels).map(
        lambda s: draft(facts_with(signals=(s,)))),
    CODES.filter(lambda s: s not in {"snapchat", "instagram", "tiktok", "facebook", "whatsapp",
                                     "sms_mms", "discord", "pornografisk_side", "andet"}).map(
        lambda s: draft(facts_with(platforms=(s,)))),
    bad_code({"grundskole", "efterskole", "gymnasium", "erhvervsskole", "anden_uddannelse",
              "ingen"}).map(lambda v: draft(institution_type=v)),
    CODES.filter(lambda s: s not in {"pige", "dreng", "andet", "uoplyst"}).map(
        lambda v: draft(gender=v)),
    st.integers().filter(lambda n: n not in (1, 2, 3, 4)).map(lambda n: draft(chosen_level=n)),
    st.sampled_from([1, 2, 4]).map(lambda n: draft(chosen_level=n)),  # override without reason
    CODES.map(lambda r: draft(override_reason=r)),  # reason without override
    st.dates(min_value=date(2026, 6, 1)).map(lambda d: draft(month=d.replace(day=1))),
    st.dates(max_value=date(2015, 12, 1)).map(lambda d: draft(month=d.replace(day=1))),
    st.dates().filter(lambda d: d.day != 1).map(lambda d: draft(month=d)),
    st.from_regex(r"\A[0-3]\d[01]\d\d\d-?\d{4}\Z").map(lambda c: draft(note=f"elev {c}")),
    st.emails().map(lambda e: draft(note=f"skriv til {e}")),
    st.integers(20_000_000, 99_999_999).map(lambda n: draft(note=f"tlf {n}")),
    st.text(min_size=201, max_size=260, alphabet="abcæøå ").map(lambda t: draft(note=t)),
    st.text(max_size=7).map(lambda s: draft(submission_id=s)),
)


def stored_rows() -> tuple[int, ...]:
    with cursor() as cur:
        return tuple(cur.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("cases", "case_measures", "case_takedowns", "audit_log",
                               "model_versions"))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(broken=BROKEN_DRAFTS)
def test_any_invalid_draft_is_refused_and_nothing_is_stored(fresh_db, broken):
    with pytest.raises(ValidationError) as refused:
        create_case(NSJ, "NSJ", broken, today=TODAY)
    assert refused.value.problems
    assert all(p and p[0].isupper() for p in refused.value.problems)
    assert stored_rows() == (0, 0, 0, 0, 0)


def test_a_valid_draft_passes_the_same_checks(fresh_db):
    check_draft(draft(), MODEL, 3, TODAY)
    create_case(NSJ, "NSJ", draft(), today=TODAY)
    assert stored_rows()[0] == 1


def test_every_problem_is_listed_at_once():
    broken = draft(facts_with(age_band="", nudity=""), institution_type="", chosen_level=9)
    with pytest.raises(ValidationError) as refused:
        check_draft(broken, MODEL, 3, TODAY)
    assert len(refused.value.problems) == 4
    assert "Vælg ofrets aldersgruppe." in refused.value.problems
