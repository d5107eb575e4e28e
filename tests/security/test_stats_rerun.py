"""Attack: keep rerunning a statistics page after losing the right to see it. A warm rerun reads
nothing from the database while nothing changed (the login's rights and the page's versions are
kept until the next write: db/read_cache.py); a revoked role, a logout or an expired token must
still show nothing at the very next run."""

from __future__ import annotations

import time
from collections import Counter
from datetime import date, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from db import connection, rights, users
from db import model_drafts as drafts
from db.cases import create_case
from db.synthetic import GENERATOR, generate
from model.access import Role
from model.errors import SessionEnded
from pages.components import stats_cache
from tests.app.helpers import claims_for
from tests.conftest import ROOT
from tests.security.actors import logged_in, root_admin
from tests.unit.case_helpers import draft
from tests.unit.model_helpers import fifth_level_draft

LEADER, CONTACT = "leder@example.com", "kontakt.bor@example.com"
PAGES = {LEADER: "national_stats", CONTACT: "district_stats"}
NO_ACCESS = "Du har ikke adgang til denne side."


@pytest.fixture
def actors(fresh_db):
    """(admin, {email: actor}) with cases to show."""
    generate(GENERATOR, 300, seed=5, first_month=date(2024, 1, 1), months=12)
    stats_cache.clear_stats_cache()
    admin = root_admin()
    return admin, {LEADER: logged_in(admin, LEADER, Role.PROJECT_LEADER, None, issued_ago=60),
                   CONTACT: logged_in(admin, CONTACT, Role.DISTRICT_CONTACT, "BOR", issued_ago=60)}


@pytest.fixture
def statements(monkeypatch) -> Counter:
    """Counts the statements run on the database, by their text."""
    counted: Counter = Counter()
    root = connection._root

    class Cursor:
        def __init__(self, cur):
            self._cur = cur

        def execute(self, sql, *params):
            counted[" ".join(sql.split())] += 1
            return self._cur.execute(sql, *params)

        def __getattr__(self, name):
            return getattr(self._cur, name)

    class Root:
        def cursor(self):
            return Cursor(root().cursor())

    monkeypatch.setattr(connection, "_root", Root)
    return counted


def login_reads(statements: Counter) -> int:
    """How many of the statements read a login's user and memberships (rights.USER_WITH_MEMBERSHIPS)."""
    return sum(n for sql, n in statements.items() if "FROM users u LEFT JOIN memberships" in sql)


def drawn_page(email: str) -> AppTest:
    """The user's statistics page through the router, drawn and rerun once (warm)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.user = claims_for(email, issued_ago=60)
    at.run()
    at.switch_page(f"pages/{PAGES[email]}.py").run()
    at.run()
    assert not at.exception and at.dataframe and at.get("vega_lite_chart")
    return at


def shows_nothing(at: AppTest) -> bool:
    return not at.exception and not at.dataframe and not at.get("vega_lite_chart")


@pytest.mark.parametrize("email", [LEADER, CONTACT])
def test_a_warm_rerun_reads_nothing_while_nothing_changed(actors, statements, email):
    at = drawn_page(email)
    statements.clear()
    at.run()
    assert at.dataframe and not at.exception
    assert statements == Counter()


def test_with_a_published_model_version_a_warm_rerun_reads_nothing_too(actors, statements):
    _, people = actors
    leader = people[LEADER].scope
    draft_id = drafts.create_draft(leader, "2018", "Forslag med et femte niveau")
    drafts.save_draft(leader, draft_id, 1, fifth_level_draft())
    drafts.publish(leader, draft_id, 2, "2019", date.today() + timedelta(days=1), today=date.today())
    at = drawn_page(LEADER)
    assert "2019" in at.selectbox(key="national-version").options
    statements.clear()
    at.run()
    assert at.dataframe and not at.exception
    assert statements == Counter()


@pytest.mark.parametrize("email", [LEADER, CONTACT])
def test_after_any_write_the_next_rerun_reads_the_rights_again(actors, statements, email):
    _, people = actors
    at = drawn_page(email)
    create_case(people[CONTACT].scope, "BOR", draft())  # somebody's save: a write
    statements.clear()
    at.run()
    assert at.dataframe and not at.exception
    assert login_reads(statements) == 1


@pytest.mark.parametrize("email", [LEADER, CONTACT])
def test_a_revoked_role_shows_nothing_at_the_next_rerun(actors, email):
    admin, people = actors
    at = drawn_page(email)
    users.revoke(admin, people[email].membership_id)
    at.run()
    assert shows_nothing(at)


@pytest.mark.parametrize("email", [LEADER, CONTACT])
def test_a_logout_in_another_tab_shows_nothing_at_the_next_rerun(actors, email):
    _, people = actors
    at = drawn_page(email)
    users.record_logout(people[email].scope)
    at.run()
    assert shows_nothing(at)
    assert SessionEnded.default_message in [w.value for w in at.warning]


@pytest.mark.parametrize("email", [LEADER, CONTACT])
def test_an_expired_token_shows_nothing_at_the_next_rerun_though_nothing_was_written(
        actors, statements, monkeypatch, email):
    at = drawn_page(email)
    later = time.time() + 2 * 3600  # the token (1 h) has expired; the rights are kept, not the verdict
    monkeypatch.setattr(rights.time, "time", lambda: later)
    statements.clear()
    at.run()
    assert shows_nothing(at)
    assert login_reads(statements) == 0  # decided on the kept rows, by the clock


def test_a_contact_moved_to_another_district_sees_only_the_new_one_at_the_next_rerun(actors):
    admin, people = actors
    at = drawn_page(CONTACT)
    users.change(admin, people[CONTACT].membership_id, Role.DISTRICT_CONTACT.value, "KBH")
    at.run()
    assert not at.exception
    assert "Københavns Politi" in at.title[0].value and "Bornholm" not in at.title[0].value
