"""Attack: keep using a session that should be over. The login cookie is stateless, so a copied
cookie or another open tab keeps presenting the same ID-token claims; the server refuses claims
issued before the user's last logout, expired ones and ones older than the maximum age."""

from __future__ import annotations

import pytest

from db import rights, users
from model.access import Role
from model.errors import SessionEnded
from tests.conftest import id_token
from tests.security.actors import logged_in, root_admin


@pytest.fixture
def contact(fresh_db):
    return logged_in(root_admin(), "kontakt@example.com", Role.DISTRICT_CONTACT, "NSJ",
                     issued_ago=60)


def test_a_copied_cookie_is_dead_after_logout(contact):
    copied = id_token("sub-kontakt@example.com", "kontakt@example.com", issued_ago=60)
    assert users.resolve_login(copied) is not None
    users.record_logout(contact.scope)
    with pytest.raises(SessionEnded):
        users.resolve_login(copied)


def test_a_new_login_after_logout_works(contact):
    users.record_logout(contact.scope)
    fresh = id_token("sub-kontakt@example.com", "kontakt@example.com", issued_ago=-1)
    assert users.resolve_login(fresh) is not None


def test_an_expired_token_is_refused(contact):
    with pytest.raises(SessionEnded):
        users.resolve_login(id_token("sub-kontakt@example.com", "kontakt@example.com",
                                     issued_ago=3700, expires_in=-100))


def test_a_session_older_than_the_maximum_age_is_refused_even_with_a_long_token(
        contact, monkeypatch):
    monkeypatch.setenv("HMD_SESSION_MAX_HOURS", "1")
    monkeypatch.setattr(rights, "_configured", None)
    old = id_token("sub-kontakt@example.com", "kontakt@example.com", issued_ago=3601,
                   expires_in=30 * 24 * 3600)
    with pytest.raises(SessionEnded):
        users.resolve_login(old)
    young = id_token("sub-kontakt@example.com", "kontakt@example.com", issued_ago=3500,
                     expires_in=30 * 24 * 3600)
    assert users.resolve_login(young) is not None


def test_logout_is_audited(contact):
    from db import audit

    users.record_logout(contact.scope)
    admin = users.resolve_login(id_token("sub-root@example.com", "root@example.com"))
    entry = audit.entries(admin, audit.AuditFilter(action="user.logout"))[0]
    assert entry["actor_email"] == "kontakt@example.com"
