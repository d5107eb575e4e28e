"""Danish given names in free text: the shipped lists and the rule for when a word is a name.

A word is taken as a name when it is written capitalised ("Mette", or "METTE") and is on
first_names.txt, or is such a name with a genitive s ("Mettes"), unless it is also an ordinary word
listed in name_words.txt ("Hans mor", "Per uge"). Names written in lower case are not caught: the
help texts ask for roles instead of names, and this screen only catches the usual slip.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_WORD = re.compile(r"[^\W\d_]+")


def _read(name: str) -> frozenset[str]:
    lines = (_HERE / name).read_text(encoding="utf-8").splitlines()
    return frozenset(s for line in lines if (s := line.strip()) and not s.startswith("#"))


@cache
def first_names() -> frozenset[str]:
    """Every listed name, as written in the list (capitalised)."""
    return _read("first_names.txt")


@cache
def name_words() -> frozenset[str]:
    """Listed names that are also ordinary words, and so are not refused."""
    return _read("name_words.txt")


def _as_name(word: str) -> str | None:
    if len(word) < 2 or not word[0].isupper():
        return None
    if not (word[1:].islower() or word.isupper()):
        return None
    key = word.capitalize()
    names, words = first_names(), name_words()
    if key in words:
        return None
    if key in names:
        return key
    if key.endswith("s") and key[:-1] in names and key[:-1] not in words:
        return key[:-1]
    return None


def names_in(text: str) -> list[str]:
    """The words of `text` taken as names (as written), in order of appearance, each once."""
    found: list[str] = []
    for word in _WORD.findall(text):
        if _as_name(word) and word not in found:
            found.append(word)
    return found
