"""Tab titles, and labels that read differently for screen readers than they show."""

from __future__ import annotations

from pages.components.page_setup import APP_NAME, tab_title, with_context


def test_a_tab_title_starts_with_the_page_so_tabs_can_be_told_apart():
    assert tab_title("Ny sag") == f"Ny sag · {APP_NAME}"
    assert tab_title(None) == tab_title(APP_NAME) == APP_NAME


def test_a_context_label_shows_its_word_and_keeps_the_rest_for_screen_readers():
    label = with_context("Gem", "rollen for x@y.dk")
    assert label.startswith("Gem **rollen for x\\@") and label.endswith("**")
    assert "[" not in with_context("Gem", "[x](https://evil.example)").replace("\\[", "")


def _style_both_ways() -> None:
    import streamlit as st

    from pages.components.page_setup import STYLE, STYLE_HTML

    st.html(STYLE)
    st.html(STYLE_HTML)


def test_the_style_sheet_read_once_is_sent_as_streamlit_sends_its_file():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_style_both_ways, default_timeout=30).run()
    from_file, from_text = at.get("html")
    assert from_file.proto == from_text.proto and "<style>" in from_text.proto.body
