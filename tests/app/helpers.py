"""AppTest helpers: run one page (or the router) as a logged-in user with real claims."""

from __future__ import annotations

from typing import Any

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, TEST_ISSUER, id_token

ISSUER = TEST_ISSUER


def claims_for(email: str, *, expires_in: float = 3600, issued_ago: float = 0,
               verified: bool = True, issuer: str = ISSUER) -> dict[str, Any]:
    """ID-token claims as st.user carries them after a real login."""
    return {"is_logged_in": True, **id_token(f"sub-{email}", email, issuer=issuer, verified=verified,
                                             issued_ago=issued_ago, expires_in=expires_in)}


def run_page(path: str, user: dict[str, Any] | None, timeout: float = 30) -> AppTest:
    """Run `path` (relative to the repository) as `user`; the caller asserts on the result."""
    at = AppTest.from_file(str(ROOT / path), default_timeout=timeout)
    if user is not None:
        at.user = user
    return at.run()


def run_in_app(path: str, user: dict[str, Any], timeout: float = 30) -> AppTest:
    """Run `path` through the router (app.py), as the browser does: needed where the page links
    to another page (st.page_link knows only the pages st.navigation registered)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    at.user = user
    at.run()
    return at.switch_page(path).run()
