"""Who is logged in, and the guard every page calls first.

The identity is resolved from the ID-token claims (`st.user`) on every run, so a revoked role takes
effect at the next click. Pages call `require_page(key)`: the router already hides pages a role may not
open, and this is the second wall behind it.
"""

from __future__ import annotations

import os
import time
from typing import Any

import streamlit as st

from db.districts import district_names
from db.migrate import migrate
from db.users import bootstrap_admins, resolve_login
from model.access import Role, Scope, may_open
from model.errors import DomainError
from model.text import markdown_literal


@st.cache_resource(show_spinner=False)
def prepare_database() -> bool:
    """Apply migrations and bootstrap configured administrators once per server process."""
    migrate()
    bootstrap_admins(configured_admins())
    return True


def configured_admins() -> list[str]:
    """E-mails from [app] bootstrap_admins in secrets, or $HMD_BOOTSTRAP_ADMINS (comma-separated)."""
    try:
        from_secrets = list(st.secrets.get("app", {}).get("bootstrap_admins", []))
    except FileNotFoundError:
        from_secrets = []
    from_env = [e for e in os.environ.get("HMD_BOOTSTRAP_ADMINS", "").split(",") if e.strip()]
    return from_secrets + from_env


def claims() -> dict[str, Any]:
    """The ID-token claims of the session, or {} when nobody is logged in."""
    user = st.user
    if not user.get("is_logged_in", False):
        return {}
    return user.to_dict()


def token_expired(user_claims: dict[str, Any], now: float | None = None) -> bool:
    """Streamlit keeps its cookie 30 days and never checks `exp`; we do."""
    exp = user_claims.get("exp")
    if exp is None:
        return False
    return float(exp) <= (time.time() if now is None else now)


def current_scope() -> Scope | None:
    """The logged-in user's scope, or None (not logged in, expired or unknown user)."""
    user_claims = claims()
    if not user_claims or token_expired(user_claims):
        return None
    prepare_database()
    return resolve_login(
        str(user_claims.get("iss", "")), str(user_claims.get("sub", "")), user_claims.get("email")
    )


def require_page(key: str) -> Scope:
    """Stop the page unless a logged-in, unexpired user with a role for page `key` is asking."""
    user_claims = claims()
    if not user_claims:
        st.warning("Du er ikke logget ind.")
        st.stop()
    if token_expired(user_claims):
        st.warning("Din session er udløbet. Log ind igen.")
        st.stop()
    scope = current_scope()
    if scope is None or not may_open(scope.roles, key):
        st.error("Du har ikke adgang til denne side.")
        st.stop()
    return scope


def single_district(scope: Scope, role: Role) -> str | None:
    """The district a user acts for under `role`: from the membership, never from a form."""
    districts = sorted(scope.districts(role))
    if len(districts) == 1:
        return districts[0]
    if not districts:
        return None
    names = district_names()
    return st.sidebar.selectbox("Politikreds", districts, key=f"_district_for_{role.value}",
                                format_func=lambda code: names.get(code, code))


def show_error(exc: DomainError) -> None:
    """A domain error as a Danish message, each problem on its own line; messages may quote what
    the user typed or uploaded, so every problem is shown as literal text."""
    problems = getattr(exc, "problems", None)
    if problems and len(problems) > 1:
        st.error("Ret venligst følgende:\n\n"
                 + "\n".join(f"- {markdown_literal(p)}" for p in problems))
    else:
        st.error(markdown_literal(exc.user_message))
