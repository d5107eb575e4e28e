"""Attack: take over an invitation (or the first administrator's place) with a provider account
that merely *claims* the invited address. An invitation is bound only to a login from the
configured provider's issuer whose address the provider has verified; compared after NFKC and
casefolding; the binding is audited with the issuer and subject that took it."""

from __future__ import annotations

import json

import pytest

from db import audit, users
from db.connection import cursor
from model.access import Role
from tests.conftest import TEST_ISSUER, id_token
from tests.security.actors import ROOT_ADMIN, root_admin, snapshot


@pytest.fixture
def invited(fresh_db):
    """An administrator and a pending invitation for ny.kontakt@example.com in Nordsjælland."""
    admin = root_admin()
    users.assign(admin, "ny.kontakt@example.com", "district_contact", "NSJ")
    return admin


def test_an_unverified_address_does_not_take_an_invitation(invited):
    before = snapshot()
    claims = id_token("attacker", "NY.Kontakt@example.com", verified=False)
    assert users.resolve_login(claims) is None
    assert snapshot() == before
    # The real person, verified, still gets the role afterwards.
    real = users.resolve_login(id_token("real-person", "ny.kontakt@example.com"))
    assert real is not None and real.districts(Role.DISTRICT_CONTACT) == {"NSJ"}


@pytest.mark.parametrize("verified", [None, "false", 0, "yes"])
def test_only_a_true_email_verified_claim_counts(invited, verified):
    claims = id_token("attacker", "ny.kontakt@example.com")
    claims["email_verified"] = verified
    assert users.resolve_login(claims) is None


def test_a_login_from_another_issuer_does_not_take_an_invitation(invited):
    before = snapshot()
    claims = id_token("attacker", "ny.kontakt@example.com", issuer="https://evil-idp.example")
    assert users.resolve_login(claims) is None
    assert snapshot() == before


def test_an_untrusted_issuer_cannot_even_use_a_bound_subject(invited):
    users.resolve_login(id_token("real-person", "ny.kontakt@example.com"))
    assert users.resolve_login(id_token("real-person", "x@example.com",
                                        issuer="https://evil-idp.example")) is None


def test_a_first_login_before_the_real_administrator_cannot_become_administrator(fresh_db):
    users.bootstrap_admins([ROOT_ADMIN])
    attacker = id_token("attacker", ROOT_ADMIN.upper(), verified=False)
    assert users.resolve_login(attacker) is None
    real = users.resolve_login(id_token("the-real-root", ROOT_ADMIN))
    assert real is not None and real.is_nationwide(Role.ADMIN)


def test_addresses_match_after_nfkc_and_casefolding(invited):
    # Full-width letters and '＠' fold to the invited address under NFKC; upper case to lower.
    claims = id_token("real-person", "ＮＹ.Kontakt＠EXAMPLE.com")
    scope = users.resolve_login(claims)
    assert scope is not None and scope.email == "ny.kontakt@example.com"


def test_the_audit_entry_names_the_issuer_and_subject_that_took_the_invitation(invited):
    users.resolve_login(id_token("sub-7f3a", "ny.kontakt@example.com"))
    entry = audit.entries(invited, audit.AuditFilter(action="user.first_login"))[0]
    assert json.loads(entry["details"]) == {"issuer": TEST_ISSUER, "subject": "sub-7f3a"}


def test_a_second_account_presenting_a_bound_address_gets_nothing(invited):
    users.resolve_login(id_token("real-person", "ny.kontakt@example.com"))
    before = snapshot()
    assert users.resolve_login(id_token("someone-else", "ny.kontakt@example.com")) is None
    assert snapshot() == before


def test_claims_without_subject_or_issue_time_resolve_to_nothing(invited):
    for missing in ("sub", "iss", "iat"):
        claims = id_token("real-person", "ny.kontakt@example.com")
        del claims[missing]
        assert users.resolve_login(claims) is None
    with cursor() as cur:
        assert cur.execute("SELECT count(*) FROM users WHERE subject IS NOT NULL"
                           " AND email <> ?", [ROOT_ADMIN]).fetchone()[0] == 0
