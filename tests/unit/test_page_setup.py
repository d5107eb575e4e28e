"""Tab titles, and labels that read differently for screen readers than they show."""

from __future__ import annotations

from pages.components.page_setup import APP_NAME, escape_markdown, tab_title, with_context


def test_a_tab_title_starts_with_the_page_so_tabs_can_be_told_apart():
    assert tab_title("Ny sag") == f"Ny sag · {APP_NAME}"
    assert tab_title(None) == tab_title(APP_NAME) == APP_NAME


def test_markdown_characters_are_escaped_so_they_show_as_written():
    assert escape_markdown("kontakt.nsj@example.com") == r"kontakt\.nsj\@example\.com"
    assert escape_markdown("a_b*c") == r"a\_b\*c"


def test_a_context_label_shows_its_word_and_keeps_the_rest_for_screen_readers():
    assert with_context("Gem", "rollen for x@y.dk") == r"Gem **rollen for x\@y\.dk**"
