"""What every page shares in the browser: Danish as the document's language, a browser-tab title
of its own, and the style sheet that fixes Streamlit's contrast and focus defaults.

Streamlit's index.html says `<html lang="en">` and has no option for it, so a small script sets
`lang="da"` once the app is drawn (and again should anything reset it). `page_title` in
`st.set_page_config` overrides every `st.Page` title, so the router sets none and each page names
its own tab. Why each style rule exists: docs/accessibility.md.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from model.text import markdown_literal

APP_NAME = "Håndteringsmodellen"
STYLE = Path(__file__).with_name("accessibility.css")
STYLE_HTML = f"<style>{STYLE.read_text(encoding='utf-8')}</style>"  # as st.html(STYLE) sends it
SETUP_KEY = "document_setup"  # its container is hidden by the style sheet: it only runs a script
CONTEXT_KEY = "ctx_"  # a button keyed so shows its label's bold part to screen readers only

LANG_SCRIPT = """<script>
(() => {
  const root = document.documentElement;
  const danish = () => { if (root.lang !== "da") root.lang = "da"; };
  danish();
  if (!window.__hmdLang) {
    window.__hmdLang = new MutationObserver(danish);
    window.__hmdLang.observe(root, {attributes: true, attributeFilter: ["lang"]});
  }
})();
</script>"""


def tab_title(page: str | None = None) -> str:
    """The browser tab's title: the page first (what tells tabs apart), then the app."""
    return f"{page} · {APP_NAME}" if page and page != APP_NAME else APP_NAME


def name_tab(page: str | None) -> None:
    st.set_page_config(page_title=tab_title(page))


def document_setup() -> None:
    """Style sheet and document language; called by the router on every run, before any page."""
    st.html(STYLE_HTML)  # style only: Streamlit puts it in its event container, it takes no space
    with st.container(key=SETUP_KEY):
        st.html(LANG_SCRIPT, unsafe_allow_javascript=True)


def with_context(label: str, context: str) -> str:
    """A button label that shows `label` and is read as "`label` `context`" ("Gem" -> "Gem rollen
    for x@y"): for buttons repeated per row. The button's key must start with CONTEXT_KEY; the
    style sheet hides the bold part on screen only. `context` is shown as literal text."""
    return f"{label} **{markdown_literal(context)}**"
