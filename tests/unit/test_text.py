"""User text: stored clean, screened normalised, and shown in Markdown as exactly what was typed."""

from __future__ import annotations

import re
import string

from hypothesis import given
from hypothesis import strategies as st

from model.text import clean_text, markdown_code, markdown_literal, normalise

JOINER = "\u2060"
PUNCTUATION = re.compile("[" + re.escape(string.punctuation) + "]")


def unescaped(markdown: str) -> str:
    """The Markdown with every `\\x` pair and joiner removed: what is left must be inert."""
    return re.sub(r"\\.", "", markdown).replace(JOINER, "")


@given(st.text())
def test_normalisation_is_idempotent(text):
    once = normalise(text)
    assert normalise(once) == once


@given(st.text())
def test_cleaning_for_storage_is_idempotent_and_leaves_no_invisible_characters(text):
    once = clean_text(text)
    assert clean_text(once) == once
    assert not any(c in once for c in "\u200b\u200d\u2060\u202e\u2066\ufeff\u00ad")


def test_normalisation_unifies_full_width_characters_dashes_slashes_and_spaces():
    assert normalise("０１０２０３－１２３４") == "010203-1234"
    assert normalise("mette＠gmail．com") == "mette@gmail.com"
    assert normalise("01\u200b02\u202e03 \u2013 1234") == "010203 - 1234"
    assert normalise("3\u20444\u00a0\u00a0april\n") == "3/4 april"


def test_storage_keeps_typography_but_drops_what_cannot_be_seen():
    assert clean_text("  Politigården \u2013 Helsingør\u200b ") == "Politigården \u2013 Helsingør"
    assert clean_text("Kultur\u202evæftet") == "Kulturvæftet"


@given(st.text())
def test_every_punctuation_character_is_escaped_and_no_line_break_survives(text):
    shown = markdown_literal(text)
    assert not PUNCTUATION.search(unescaped(shown))
    assert "\n" not in shown and "\r" not in shown
    assert not re.search(r"https?://|www\.|\w@\w", unescaped(shown), re.IGNORECASE)


def test_links_images_html_and_streamlit_directives_become_literal_text():
    for typed in ["![x](https://evil.example/a.png)", "[klik](https://evil.example)",
                  "<img src=https://evil.example/b.png>", ":material/warning: :red[rød] $x^2$"]:
        shown = markdown_literal(typed)
        assert unescaped(shown) == PUNCTUATION.sub("", typed)


def test_bare_urls_www_hosts_and_addresses_are_broken_with_an_invisible_joiner():
    shown = markdown_literal("https://evil.example _www.evil.example mette@evil.example")
    assert "https\\:" + JOINER + "\\/\\/evil\\.example" in shown
    assert "www" + JOINER + "\\." in shown and "mette\\@" + JOINER + "evil" in shown


def test_ordinary_text_gets_no_joiner_so_it_reads_and_searches_as_typed():
    assert JOINER not in markdown_literal("Sagen findes ikke, eller du har ikke adgang til den. Kl. 10:30.")


@given(st.text())
def test_a_code_span_holds_the_text_verbatim(text):
    shown = markdown_code(text)
    flat = re.sub(r"[\r\n\u2028\u2029\x0b\x0c\x85]+", " ", text).translate(
        {ord(c): None for c in "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067"
                                "\u2068\u2069"})
    if not flat.strip():
        assert shown == ""
        return
    fence = re.match(r"`+", shown).group()
    assert shown.endswith(fence) and fence not in flat
    inner = shown[len(fence):-len(fence)]
    if inner.startswith(" ") and inner.endswith(" ") and inner.strip():
        inner = inner[1:-1]  # CommonMark strips one space at each end
    assert inner == flat


def test_an_email_address_is_shown_as_code_so_it_copies_exactly():
    assert markdown_code("kontakt.nsj@example.com") == "`kontakt.nsj@example.com`"
    assert markdown_code("a`b") == "``a`b``"
