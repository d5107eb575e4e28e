"""User text: how it is cleaned for storing, normalised for screening, and shown as literal text.

Three views of one string a user typed or uploaded:
- `clean_text`: what is stored. Invisible and bidirectional control characters removed (they can
  hide digits from a screen or reorder what a reader sees), whitespace collapsed, otherwise as typed.
- `normalise`: what the identifier screen (model/privacy.py) reads. Unicode NFKC (full-width ＠ and
  digits become ASCII), invisible characters gone, every dash, slash, dot and space unified, so one
  pattern per identifier covers all the ways of writing it.
- `markdown_literal`: what goes into Streamlit Markdown (`st.markdown`, captions, subheaders,
  alerts, widget labels): every character literal, so typed Markdown never becomes a link, a remote
  image, raw HTML or a Streamlit directive.
"""

from __future__ import annotations

import re
import string
import unicodedata

# Characters that render as nothing: zero-width (U+200B-U+200D, U+2060, U+FEFF), soft hyphen,
# bidirectional controls (U+200E/F, U+202A-U+202E, U+2066-U+2069, U+061C): all of Unicode's "Cf"
# category, plus fillers and joiners of other categories that also show nothing.
_INVISIBLE_EXTRA = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u180f"
                             "\u3164\uffa0") | frozenset(map(chr, range(0xFE00, 0xFE10)))


def _invisible(char: str) -> bool:
    return unicodedata.category(char) == "Cf" or char in _INVISIBLE_EXTRA


_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d\u30fc"
_SLASHES = "\u2044\u2215\u29f8\u2571\uff0f"
_DOTS = "\u00b7\u2022\u2024\u2027\u2219\u22c5\u30fb\u3002\uff0e\uff61\u0701\u0702"
_SEPARATORS = str.maketrans({**dict.fromkeys(_DASHES, "-"), **dict.fromkeys(_SLASHES, "/"),
                             **dict.fromkeys(_DOTS, ".")})
_SPACES = re.compile(r"\s+")


def _visible(text: str) -> str:
    return "".join(c for c in text if not _invisible(c))


def clean_text(text: str | None) -> str:
    """The text to store: NFC, no invisible or bidi control characters, whitespace collapsed."""
    if not text:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", _visible(text))).strip()


def normalise(text: str | None) -> str:
    """The text as the identifier screen reads it; idempotent: normalise(normalise(t)) == it.

    NFKC after removing invisible characters (so `0102\u200b03` cannot hide a digit run), then
    every kind of dash to `-`, slash to `/`, dot to `.` and whitespace to one space.
    """
    if not text:
        return ""
    out = unicodedata.normalize("NFKC", _visible(text))
    out = _visible(out).translate(_SEPARATORS)
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", out)).strip()


# CommonMark: a backslash before any ASCII punctuation makes it a literal character. Escaping all of
# them (not a chosen few) covers links, images, raw HTML, LaTeX (`$`), emphasis, lists, headings and
# Streamlit's `:color[...]`, `:material/...:` and emoji shortcodes.
_ESCAPE = {ord(c): "\\" + c for c in string.punctuation}
# GFM finds its autolinks in the text after the escapes are resolved: `https\://x.y` still became a
# link in Chromium. An invisible WORD JOINER (U+2060) where an autolink would start breaks the
# patterns `scheme://`, `www.` and `name@host` without changing what the reader sees; it goes only
# there, so ordinary text stays exactly as typed (and as a screen reader or a search finds it).
_JOINER = "\u2060"
_AUTOLINK_STARTS = re.compile(r"(?<=:)(?=//)|(?<=www)(?=\.)|(?<=@)", re.IGNORECASE)
# A line break would start a new Markdown block (a list, a quote, a heading): shown as a space.
_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")
_BIDI = str.maketrans(dict.fromkeys("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                                    "\u2066\u2067\u2068\u2069"))


def markdown_literal(text: object) -> str:
    """`text` as Markdown that renders exactly as the characters typed, on one line.

    Only for Markdown surfaces: widget options (`format_func`), `st.text`, `st.dataframe` and
    HTML files show text as it is (HTML is escaped with `html.escape` where it is built).
    """
    if text is None:
        return ""
    flat = _BREAKS.sub(" ", str(text)).translate(_BIDI)
    return _AUTOLINK_STARTS.sub(_JOINER, flat).translate(_ESCAPE)


def markdown_code(text: object) -> str:
    """`text` as an inline code span: shown verbatim (no escapes, no joiners), so an identifier the
    reader may copy, such as their e-mail address, copies exactly; code is never linked or parsed."""
    flat = _BREAKS.sub(" ", "" if text is None else str(text)).translate(_BIDI)
    if not flat.strip():
        return ""
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    # CommonMark strips one space from each end of a code span that begins and ends with one.
    pad = " " if flat[0] in "` " or flat[-1] in "` " else ""
    return f"{fence}{pad}{flat}{pad}{fence}"
