"""Entry point and router: login gate, then st.navigation with only the pages the user's roles allow.

A page left out of st.navigation cannot be opened, by menu or URL; each page also guards itself.
"""

from __future__ import annotations

import streamlit as st

from db.meta import is_demo
from model.access import ROLE_LABELS, Scope, pages_for
from model.errors import SessionEnded
from pages.components.session import claims, current_scope, log_out, resolved_for_run

st.set_page_config(page_title="Håndteringsmodellen", page_icon=":material/shield_person:",
                   layout="wide")


def login_screen() -> None:
    st.title("Håndteringsmodellen")
    st.write(
        "Værktøj for politikredse, skoler og rådgivere, der hjælper unge ofre for digitale "
        "sexkrænkelser. Log ind med din organisations konto."
    )
    st.button("Log ind", type="primary", on_click=st.login, icon=":material/login:")


def expired_screen() -> None:
    st.title("Håndteringsmodellen")
    st.warning(SessionEnded.default_message)
    st.button("Log ind igen", type="primary", on_click=st.login, icon=":material/login:")


def no_membership_screen(email: str) -> None:
    st.title("Du har endnu ikke adgang")
    st.info(
        f"Du er logget ind som **{email or 'ukendt bruger'}**, men du har ingen rolle i "
        "Håndteringsmodellen endnu.\n\n"
        "Bed projektets administrator om at give dig en rolle, og oplys den e-mailadresse, "
        "du er logget ind med. Kontaktpersonen i din politikreds kan fortælle, hvem det er."
    )
    st.button("Log ud", on_click=st.logout, icon=":material/logout:")


def sidebar(scope: Scope, role_labels: list[str]) -> None:
    with st.sidebar:
        if is_demo():
            st.badge("Demodata (opdigtet)", icon=":material/science:", color="orange")
        st.caption(f"Logget ind som **{scope.email}**")
        st.caption(" · ".join(role_labels))
        st.button("Log ud", on_click=log_out, args=(scope,), icon=":material/logout:", key="logout")


def resolve() -> tuple[str, Scope | None]:
    """("anonymous" | "ended" | "member", scope) for this run's login."""
    if not claims():
        return "anonymous", None
    try:
        return "member", current_scope()
    except SessionEnded:
        return "ended", None


state, scope = resolve()
user_claims = claims()
if state == "anonymous":
    st.navigation([st.Page(login_screen, title="Log ind", default=True)], position="hidden").run()
elif state == "ended":
    st.navigation([st.Page(expired_screen, title="Session udløbet", default=True)],
                  position="hidden").run()
else:
    specs = pages_for(scope.roles) if scope else []
    if not specs:
        st.navigation(
            [st.Page(lambda: no_membership_screen(str(user_claims.get("email", ""))),
                     title="Ingen adgang", default=True, url_path="ingen-adgang")],
            position="hidden",
        ).run()
    else:
        sidebar(scope, sorted({ROLE_LABELS[r] for r in scope.roles}))
        pages = [
            st.Page(s.path, title=s.title, icon=s.icon, default=(i == 0), url_path=s.key)
            for i, s in enumerate(specs)
        ]
        with resolved_for_run(scope):
            st.navigation(pages).run()
