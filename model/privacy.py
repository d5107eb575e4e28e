"""Screening of free text for identifiers, applied to every free-text field before it is stored.

A case is anonymous by construction, and course places and trainers are not the place for anyone's
name or number either: text that carries an identifier is refused whole (never cleaned and stored),
with a Danish message saying what was found and what to write instead.

The screen reads the text after `model.text.normalise` (NFKC, invisible characters removed, every
dash, slash, dot and space unified), so `010203/1234`, `01 02 03 1234`, a CPR number split by a
zero-width character and `mette＠gmail.com` are one pattern each. CPR numbers are checked with
python-stdnum (a real date of birth), phone numbers found with phonenumbers (the Danish numbering
plan, and any +country number). Names come from the shipped list in model/names/.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import phonenumbers
from stdnum.dk import cpr

from model.errors import ValidationError
from model.names import names_in
from model.text import clean_text, normalise

# Top-level domains that make `word.tld` a web address. Short Danish words are left out ("de",
# "to", "nu", "at", "se", "tv", "is"), so a missing space after a full stop is not taken as a link.
_TLDS = ("com|net|org|info|biz|io|co|me|app|dev|ly|gg|dk|eu|uk|fo|gl|no|xyz|online|site|link|"
         "live|tk|ru|page|chat|social|one|club")
_MONTHS = ("januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec")
_ORDINALS = ("første|anden|andet|tredje|fjerde|femte|sjette|syvende|ottende|niende|tiende|ellevte|"
             "tolvte|trettende|fjortende|femtende|sekstende|syttende|attende|nittende|tyvende|"
             "enogtyvende|toogtyvende|treogtyvende|fireogtyvende|femogtyvende|seksogtyvende|"
             "syvogtyvende|otteogtyvende|niogtyvende|tredivte|enogtredivte")
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_DOT_WORD = r"(?: ?\. ?| ?[(\[{]?(?:dot|punktum|prik)[)\]}]? ?)"
_AT_WORD = r"(?: ?@ ?| ?[(\[{](?:at|a|snabel-?a)[)\]}] ?| (?:at|snabel-?a) )"

_LOCAL = r"[\w.!#$%&'*+/=?^`{|}~-]"  # what an address may hold before the @
_EMAIL = re.compile(
    # name@host.tld (also with spaces), or written out: "mette at gmail dot com", "(at)", "snabel-a"
    rf"(?<!{_LOCAL}){_LOCAL}+@[\w-]+(?:\.[\w-]+)+"
    rf"|(?<!{_LOCAL}){_LOCAL}+{_AT_WORD}[\w-]+(?:{_DOT_WORD}[\w-]+)*{_DOT_WORD}(?:{_TLDS})\b",
    re.IGNORECASE)
_URL = re.compile(
    rf"\b(?:https?|hxxps?|ftp) ?: ?//\S*|\bwww\d?\.\S+"
    rf"|(?<![\w.-])(?:[\w-]+\.)+(?P<tld>{_TLDS})\b(?:/\S*)?",
    re.IGNORECASE)
# @name (a handle anywhere), or a user name with an underscore ("mette_h2009").
_HANDLE = re.compile(r"(?<![\w@.])@[\w.]*\w|(?<!\w)[^\W_]+_\w*")
# A CPR number: 10 digits as DDMMYY-SSSS. Written so (any separator, or none) it is refused
# whatever its date; grouped otherwise ("01 02 03 1234", "0102 031234") it is refused when
# python-stdnum accepts it as a CPR number (a real date of birth), so lists of numbers still pass.
_SEP = r"(?: ?[-./] ?| )?"
_CPR_PLAIN = re.compile(rf"(?<!\d)\d{{6}}{_SEP}\d{{4}}(?!\d)")
_CPR_GROUPED = re.compile(rf"(?<!\d)(?=(\d\d{_SEP}\d\d{_SEP}\d\d{_SEP}\d\d{_SEP}\d\d)(?!\d))")
_DATES = (
    rf"(?<![\d.,/-]){_DAY} ?[./-] ?{_MONTH} ?[./-] ?(?:\d{{4}}|\d{{2}})(?!\d)",  # 3.4.2018, 03-04-18
    rf"(?<!\d)\d{{4}}-{_MONTH}-{_DAY}(?!\d)",  # 2018-04-03
    rf"(?<![\d./]){_DAY} ?/ ?{_MONTH}(?![\d/])",  # 3/4
    rf"(?<![\d.,]){_DAY}\.{_MONTH}\b(?![.,]\d)",  # 3.4 and 3.4.
    rf"\b{_DAY}\.? ?(?:{_MONTHS})\b\.?",  # 3. april, 3 apr.
    rf"\b(?:{_ORDINALS}) (?:{_MONTHS})\b",  # tredje april
)
_DATE = re.compile("|".join(_DATES), re.IGNORECASE)
# A Danish number: 8 digits in pairs, grouped or not (12345678, 1234-5678, 12 34 56 78), with or
# without +45. phonenumbers finds the rest (+44 20 ..., 0045 ...) but gives up on "12 34 56 78 3".
_PHONE_DK = re.compile(r"(?<![\d+])(?=((?:(?:\+|00) ?45[ -]?)?\d\d(?:[ ./-]?\d\d){3})(?!\d))")
_CLOCK = re.compile(r"\bkl\.? ?$", re.IGNORECASE)
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d ?[-/ ] ?(?:19|20)\d\d")

KINDS = ("cpr", "email", "url", "handle", "phone", "date", "name")

_FOUND = {
    "cpr": "et CPR-nummer", "email": "en e-mailadresse", "url": "en webadresse",
    "handle": "et brugernavn", "phone": "et telefonnummer", "date": "en dato",
    "name": "et fornavn",
}
_INSTEAD = {
    "cpr": "Fjern det: CPR-numre må aldrig skrives her.",
    "email": "Fjern den, og skriv fx »via skolens mail« i stedet.",
    "url": "Fjern adressen, og skriv kun et navn (fx »Instagram«), aldrig et link.",
    "handle": "Skriv kun platformens navn (fx »Snapchat«), aldrig en profil eller et brugernavn.",
    "phone": "Fjern det: telefonnumre må aldrig skrives her.",
    "date": "Skriv højst måned og år (fx »april 2024«), aldrig en dag.",
    "name": "Skriv en rolle, funktion eller organisation i stedet for navnet (fx »eleven«, "
            "»studievejlederen« eller »Projektgruppen, Nordsjællands Politi«).",
}
# Free-text fields hold at most a few hundred characters; a longer text is refused rather than
# screened, so that no input can make the patterns below run for long.
MAX_SCREENED = 2000


Spans = list[tuple[int, int]]


@dataclass(frozen=True)
class Finding:
    """One identifier: its kind (one of KINDS) and the fragment as the screen read it."""

    kind: str
    text: str


def _blank(text: str, spans: Spans) -> str:
    """`text` with the found spans replaced by spaces, so no later pattern reports them again."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _always(match: re.Match[str]) -> bool:
    return True


def _matches(pattern: re.Pattern[str],
             keep: Callable[[re.Match[str]], bool] = _always) -> Callable[[str], Spans]:
    def find(text: str) -> Spans:
        return [m.span() for m in pattern.finditer(text) if keep(m)]
    return find


def _url_ok(m: re.Match[str]) -> bool:
    """A bare `name.tld` counts when its TLD is written in lower or upper case ("det.Se" is a typo)."""
    tld = m.group("tld")
    return tld is None or tld in (tld.lower(), tld.upper())


def _cpr(text: str) -> Spans:
    spans = [m.span() for m in _CPR_PLAIN.finditer(text)]
    for m in _CPR_GROUPED.finditer(text):
        start, end = m.span(1)
        if any(s < end and start < e for s, e in spans):
            continue
        if cpr.is_valid(re.sub(r"\D", "", m.group(1))):
            spans.append((start, end))
    return spans


def _date_ok(m: re.Match[str]) -> bool:
    """Not a time of day: "kl. 10.05" is five past ten."""
    return not _CLOCK.search(m.string[:m.start()])


def _phone(text: str) -> Spans:
    found = [(m.span(1), m.group(1)) for m in _PHONE_DK.finditer(text)]
    found += [((m.start, m.end), m.raw_string) for m in phonenumbers.PhoneNumberMatcher(
        text, "DK", leniency=phonenumbers.Leniency.POSSIBLE)]
    spans: Spans = []
    for (start, end), raw in sorted(found):
        if not _YEAR_RANGE.fullmatch(raw) and not any(s < end and start < e for s, e in spans):
            spans.append((start, end))
    return spans


def _names(text: str) -> Spans:
    spans = []
    for name in names_in(text):
        spans += [m.span() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
    return spans


# In this order: an e-mail's host is not reported again as a web address, a CPR number's digits
# not again as a phone number; each finder sees the text with earlier findings blanked out.
_FINDERS: tuple[tuple[str, Callable[[str], Spans]], ...] = (
    ("email", _matches(_EMAIL)),
    ("url", _matches(_URL, _url_ok)),
    ("handle", _matches(_HANDLE)),
    ("cpr", _cpr),
    ("date", _matches(_DATE, _date_ok)),
    ("phone", _phone),
    ("name", _names),
)


def findings(text: str | None) -> list[Finding]:
    """Every identifier in the first MAX_SCREENED characters of `text`, in KINDS order."""
    rest = normalise(text)[:MAX_SCREENED]
    found: list[Finding] = []
    for kind, find in _FINDERS:
        spans = sorted(find(rest))
        found += [Finding(kind, rest[s:e].strip()) for s, e in spans]
        rest = _blank(rest, spans)
    return sorted(found, key=lambda f: KINDS.index(f.kind))


def find_identifiers(text: str | None) -> list[str]:
    """The kinds of identifier found in `text`, in KINDS order, each kind once."""
    kinds = {f.kind for f in findings(text)}
    return [k for k in KINDS if k in kinds]


def identifier_problems(text: str | None, field: str | None = None) -> list[str]:
    """A Danish message per kind of identifier in `text` (what was found, what to write instead);
    `field` names the form field at the start of each message. Empty when the text is clean."""
    by_kind: dict[str, list[str]] = {}
    for f in findings(text):
        if f.text not in by_kind.setdefault(f.kind, []):
            by_kind[f.kind].append(f.text)
    prefix = f"{field}: " if field else ""
    problems = [f"{prefix}Teksten er for lang. Skriv højst {MAX_SCREENED} tegn."
                for _ in range(len(text or "") > MAX_SCREENED)]
    for kind, texts in by_kind.items():
        quoted = ", ".join(f"»{t}«" for t in texts)
        problems.append(f"{prefix}Teksten indeholder {_FOUND[kind]} ({quoted}). {_INSTEAD[kind]}")
    return problems


def screen_text(text: str | None, field: str | None = None) -> str | None:
    """The text as stored (`clean_text`), or ValidationError when it carries an identifier;
    None for empty text."""
    problems = identifier_problems(text, field)
    if problems:
        raise ValidationError(problems)
    return clean_text(text) or None
