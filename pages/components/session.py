"""Who is logged in, and the guard every page calls first.

The identity is resolved from the ID-token claims (`st.user`) on every run, so a revoked role, an
expired token or a logout in another tab takes effect at the next click. Pages call
`require_page(key)`: the router already hides pages a role may not open, and this is the second
wall behind it. Writes and exports check again inside their own transaction (db/rights.py).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import urllib.request
from collections.abc import Iterator
from typing import Any

import streamlit as st

from db import rights
from db.migrate import migrate
from db.users import bootstrap_admins, record_logout, resolve_login
from model.access import PAGES_BY_KEY, Role, Scope, may_open
from model.errors import DomainError, SessionEnded
from model.text import markdown_literal
from pages.components.district_choice import choose_district
from pages.components.page_setup import name_tab


def _secrets_section(name: str) -> dict[str, Any]:
    try:
        return dict(st.secrets.get(name, {}))
    except FileNotFoundError:
        return {}


def _provider_issuer(metadata_url: str) -> str | None:
    """The issuer named by the provider's discovery document (the one Authlib checks tokens by)."""
    try:
        with urllib.request.urlopen(metadata_url, timeout=10) as resp:
            return str(json.load(resp)["issuer"])
    except (OSError, ValueError, KeyError):
        return None


def configure_login() -> rights.LoginPolicy:
    """Trusted issuers: `[app] trusted_issuers`, else the `[auth]` provider's own issuer (plus
    $HMD_TRUSTED_ISSUERS); maximum session age: `[app] session_max_hours` (or the environment)."""
    app, auth = _secrets_section("app"), _secrets_section("auth")
    issuers = set(app.get("trusted_issuers", []))
    if not issuers and auth.get("server_metadata_url"):
        issuer = _provider_issuer(str(auth["server_metadata_url"]))
        issuers |= {issuer} if issuer else set()
    hours = app.get("session_max_hours")
    return rights.configure(trusted_issuers=issuers,
                            max_age_seconds=int(float(hours) * 3600) if hours else None)


@st.cache_resource(show_spinner=False)
def prepare_database() -> bool:
    """Apply migrations, set the login policy and bootstrap administrators once per process."""
    migrate()
    configure_login()
    bootstrap_admins(configured_admins())
    return True


def configured_admins() -> list[str]:
    """E-mails from [app] bootstrap_admins in secrets, or $HMD_BOOTSTRAP_ADMINS (comma-separated)."""
    from_secrets = list(_secrets_section("app").get("bootstrap_admins", []))
    from_env = [e for e in os.environ.get("HMD_BOOTSTRAP_ADMINS", "").split(",") if e.strip()]
    return from_secrets + from_env


def claims() -> dict[str, Any]:
    """The ID-token claims of the session, or {} when nobody is logged in."""
    user = st.user
    if not user.get("is_logged_in", False):
        return {}
    return user.to_dict()


_this_run = threading.local()  # the scope the router resolved for the run on this thread


@contextlib.contextmanager
def resolved_for_run(scope: Scope) -> Iterator[None]:
    """The router's scope, resolved at the start of this run, for the page it runs: one login
    resolution per run instead of two. Streamlit runs a script run on one thread; the scope is
    gone when the page returns (or stops)."""
    _this_run.scope = scope
    try:
        yield
    finally:
        _this_run.scope = None


def current_scope() -> Scope | None:
    """The logged-in user's scope, or None (nobody logged in, or no access).

    SessionEnded when the login has expired, is too old, or was ended by a logout.
    """
    user_claims = claims()
    if not user_claims:
        return None
    prepare_database()
    return resolve_login(user_claims)


def log_out(scope: Scope) -> None:
    """Callback of every "Log ud": end the user's sessions server-side, then Streamlit's cookie."""
    # If the database fails, the session still ends in this browser; the next login starts afresh.
    with contextlib.suppress(DomainError):
        record_logout(scope)
    st.logout()


def require_page(key: str) -> Scope:
    """Name the browser tab after page `key`; stop the page unless a logged-in user whose session
    still counts may open it."""
    name_tab(PAGES_BY_KEY[key].title)
    if not claims():
        st.warning("Du er ikke logget ind.")
        st.stop()
    try:
        scope = getattr(_this_run, "scope", None) or current_scope()
    except SessionEnded as exc:
        st.warning(exc.user_message)
        st.stop()
    if scope is None or not may_open(scope.roles, key):
        st.error("Du har ikke adgang til denne side.")
        st.stop()
    return scope


def single_district(scope: Scope, role: Role) -> str | None:
    """The district a user acts for under `role`: from the membership, never from a form.

    With several districts of the role, the user chooses one at the top of the page (kept in the
    URL); the page stops until they have. None when the role names no district.
    """
    districts = scope.districts(role)
    if len(districts) > 1:
        return choose_district(role, districts)
    return next(iter(districts), None)


def show_error(exc: DomainError) -> None:
    """A domain error as a Danish message, each problem on its own line; messages may quote what
    the user typed or uploaded, so every problem is shown as literal text."""
    problems = getattr(exc, "problems", None)
    if problems and len(problems) > 1:
        st.error("Ret venligst følgende:\n\n"
                 + "\n".join(f"- {markdown_literal(p)}" for p in problems))
    else:
        st.error(markdown_literal(exc.user_message))
