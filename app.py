"""Entry point and router: login gate, then st.navigation with only the pages the user's roles allow.

A page left out of st.navigation cannot be opened, by menu or URL; each page also guards itself.
"""

from __future__ import annotations

import streamlit as st

from db.meta import is_demo
from model.access import ROLE_LABELS, Scope, is_plain_path, pages_for, unavailable_paths
from model.errors import SessionEnded
from model.text import markdown_code
from pages.components.page_setup import APP_NAME, document_setup, name_tab
from pages.components.routing import requested_path, unavailable_page
from pages.components.run_marker import run_marker
from pages.components.session import claims, current_scope, log_out, resolved_for_run

# No page_title here: it would override every page's own (each page names its tab).
st.set_page_config(page_icon=":material/shield_person:", layout="wide")
document_setup()
run_marker()


def login_screen() -> None:
    name_tab("Log ind")
    st.title(APP_NAME, anchor=False)
    st.write(
        "Værktøj for politikredse, skoler og rådgivere, der hjælper unge ofre for digitale "
        "sexkrænkelser. Log ind med din organisations konto."
    )
    st.button("Log ind", type="primary", on_click=st.login, icon=":material/login:")


def expired_screen() -> None:
    name_tab("Session udløbet")
    st.title(APP_NAME, anchor=False)
    st.warning(SessionEnded.default_message)
    st.button("Log ind igen", type="primary", on_click=st.login, icon=":material/login:")


def no_membership_screen(email: str) -> None:
    name_tab("Ingen adgang")
    st.title("Du har endnu ikke adgang", anchor=False)
    st.info(
        f"Du er logget ind som {markdown_code(email) or '**ukendt bruger**'}, men du har ingen rolle i "
        "Håndteringsmodellen endnu.\n\n"
        "Bed projektets administrator om at give dig en rolle, og oplys den e-mailadresse, "
        "du er logget ind med. Kontaktpersonen i din politikreds kan fortælle, hvem det er."
    )
    st.button("Log ud", on_click=st.logout, icon=":material/logout:")


def sidebar(scope: Scope, role_labels: list[str]) -> None:
    with st.sidebar:
        if is_demo():
            st.badge("Demodata (opdigtet)", icon=":material/science:", color="orange")
        st.caption(f"Logget ind som {markdown_code(scope.email)}")
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


def single_screen(screen, title: str, url_path: str | None = None) -> None:
    """A router with one screen (login, session ended, no access), shown at whatever URL was
    asked for: Streamlit's English "Page not found" never comes up before the screen."""
    pages = [st.Page(screen, title=title, default=True, url_path=url_path)]
    asked = requested_path()
    if is_plain_path(asked) and asked != url_path:
        pages.append(st.Page(screen, title=title, url_path=asked, visibility="hidden"))
    st.navigation(pages, position="hidden").run()


def member_pages(scope: Scope) -> list:
    """The pages the scope's roles may open, then hidden pages answering every other URL."""
    specs = pages_for(scope.roles)
    pages = [st.Page(s.path, title=s.title, icon=s.icon, default=(i == 0), url_path=s.key)
             for i, s in enumerate(specs)]
    for path in unavailable_paths(scope.roles, requested_path()):
        pages.append(st.Page(unavailable_page, title="Siden findes ikke", url_path=path,
                             visibility="hidden"))
    return pages


state, scope = resolve()
user_claims = claims()
if state == "anonymous":
    single_screen(login_screen, "Log ind")
elif state == "ended":
    single_screen(expired_screen, "Session udløbet")
elif not (scope and pages_for(scope.roles)):
    single_screen(lambda: no_membership_screen(str(user_claims.get("email", ""))),
                  "Ingen adgang", url_path="ingen-adgang")
else:
    sidebar(scope, sorted({ROLE_LABELS[r] for r in scope.roles}))
    with resolved_for_run(scope):
        st.navigation(member_pages(scope)).run()
