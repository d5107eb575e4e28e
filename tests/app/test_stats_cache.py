"""The statistics caches in AppTest: shared by callers who may see the same, never by others; a save
recomputes only what it changes."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from db import stats
from db.cases import create_case
from db.connection import cursor
from db.synthetic import GENERATOR, generate
from model.access import Role
from model.published import TOTAL
from pages.components import stats_cache
from tests.app.helpers import claims_for, run_page
from tests.conftest import scope_of
from tests.unit.case_helpers import draft

LEADERS = ("leder.a@example.com", "leder.b@example.com")
BOR, KBH = "kontakt.bor@example.com", "kontakt.kbh@example.com"
BOR_WRITER = scope_of(77, "skriver.bor@example.com", (Role.DISTRICT_CONTACT, "BOR"))


def cases_in(district: str) -> int:
    with cursor() as cur:
        return cur.execute("SELECT count(*) FROM cases WHERE district_code = ?", [district]).fetchone()[0]


def own_total(at) -> int:
    """The grand total of the contact's own cases per month (the page's first table, exact)."""
    return int(at.dataframe[0].value.set_index("Måned").loc[TOTAL, TOTAL])


@pytest.fixture
def computed(member, monkeypatch) -> Counter:
    """Data and users; counts each computation of a half of the figures (by half and district)."""
    generate(GENERATOR, 400, seed=11, first_month=date(2024, 1, 1), months=12)
    for email in LEADERS:
        member(email, (Role.PROJECT_LEADER, None))
    member(BOR, (Role.DISTRICT_CONTACT, "BOR"))
    member(KBH, (Role.DISTRICT_CONTACT, "KBH"))
    stats_cache.clear_stats_cache()
    calls: Counter = Counter()
    national, own = stats.national, stats.own

    def counted_national(scope, flt, on=None):
        calls["national", scope.has(Role.PROJECT_LEADER)] += 1
        return national(scope, flt, on)

    def counted_own(scope, flt, district):
        calls["own", district] += 1
        return own(scope, flt, district)

    monkeypatch.setattr(stats, "national", counted_national)
    monkeypatch.setattr(stats, "own", counted_own)
    return calls


def test_project_leaders_share_one_computation_whatever_their_login(computed):
    first = run_page("pages/national_stats.py", claims_for(LEADERS[0]))
    second = run_page("pages/national_stats.py", claims_for(LEADERS[1]))
    again = run_page("pages/national_stats.py", claims_for(LEADERS[0], issued_ago=60))  # new login
    assert not first.exception and not second.exception and not again.exception
    assert computed == {("national", True): 1}
    assert first.dataframe[0].value.equals(second.dataframe[0].value)


def test_a_contact_is_never_served_a_leaders_tables_nor_another_districts(computed):
    run_page("pages/national_stats.py", claims_for(LEADERS[0]))
    bor = run_page("pages/district_stats.py", claims_for(BOR))
    kbh = run_page("pages/district_stats.py", claims_for(KBH))
    assert computed == {("national", True): 1, ("national", False): 1, ("own", "BOR"): 1,
                        ("own", "KBH"): 1}
    assert [own_total(at) for at in (bor, kbh)] == [cases_in("BOR"), cases_in("KBH")]


def test_a_saved_case_recomputes_its_districts_own_figures_and_nothing_else(computed):
    run_page("pages/national_stats.py", claims_for(LEADERS[0]))
    before = run_page("pages/district_stats.py", claims_for(BOR))
    run_page("pages/district_stats.py", claims_for(KBH))
    create_case(BOR_WRITER, "BOR", draft(month=date(2024, 6, 1)))
    run_page("pages/national_stats.py", claims_for(LEADERS[1]))
    run_page("pages/district_stats.py", claims_for(KBH))
    after = run_page("pages/district_stats.py", claims_for(BOR))
    assert computed == {("national", True): 1, ("national", False): 1, ("own", "BOR"): 2,
                        ("own", "KBH"): 1}
    assert own_total(after) == own_total(before) + 1  # the contact's own figures are live
