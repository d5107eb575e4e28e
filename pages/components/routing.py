"""What the router needs from the browser's URL, and its answer for a page that is not there.

Streamlit answers a URL that names no page of `st.navigation` with an English "Page not found"
dialog. The router registers hidden pages at those paths instead (model.access.unavailable_paths),
which draw the Danish page below; they run no page file, so a page a role may not open stays
unreachable.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import streamlit as st


def requested_path() -> str:
    """The page part of the browser's URL ('' at the app's root or when unknown, as in AppTest)."""
    url = st.context.url or ""
    path = urlsplit(url).path.strip("/")
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    if base and (path == base or path.startswith(base + "/")):
        path = path[len(base):].strip("/")
    return path


def unavailable_page() -> None:
    """The answer to a URL the user cannot open: one message whether the page is missing or
    forbidden, so a URL never tells which pages exist."""
    st.title("Siden findes ikke")
    st.warning("Siden findes ikke, eller du har ikke adgang til den. Vælg en side i menuen, "
               "eller gå til forsiden.", icon=":material/block:")
    st.page_link("pages/home.py", label="Gå til forsiden", icon=":material/home:")
