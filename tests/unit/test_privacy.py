"""Free text is refused whole when it carries a CPR number, an e-mail address, a phone number or a date."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.errors import ValidationError
from model.privacy import find_identifiers, screen_text

WORDS = st.lists(st.sampled_from(["sagen", "niveau", "3", "elever", "klassen", "ok", "2018", "uge"]),
                 max_size=6).map(" ".join)
SEP = st.sampled_from(["", "-", " "])


@st.composite
def cpr_numbers(draw) -> str:
    day, month = draw(st.integers(1, 31)), draw(st.integers(1, 12))
    year, serial = draw(st.integers(0, 99)), draw(st.integers(0, 9999))
    return f"{day:02d}{month:02d}{year:02d}{draw(SEP)}{serial:04d}"


@st.composite
def phone_numbers(draw) -> str:
    digits = f"{draw(st.integers(20_000_000, 99_999_999))}"
    style = draw(st.sampled_from(["plain", "pairs", "halves", "plus45"]))
    if style == "pairs":
        return " ".join(digits[i:i + 2] for i in range(0, 8, 2))
    if style == "halves":
        return f"{digits[:4]} {digits[4:]}"
    if style == "plus45":
        return f"+45 {digits}"
    return digits


@settings(max_examples=60, deadline=None)
@given(before=WORDS, cpr=cpr_numbers(), after=WORDS)
def test_any_cpr_number_in_text_is_found_and_refused(before, cpr, after):
    text = f"{before} {cpr} {after}"
    assert "cpr" in find_identifiers(text)
    with pytest.raises(ValidationError, match="CPR-nummer"):
        screen_text(text)


@settings(max_examples=60, deadline=None)
@given(before=WORDS, email=st.emails(), after=WORDS)
def test_any_email_address_in_text_is_refused(before, email, after):
    with pytest.raises(ValidationError, match="e-mailadresse"):
        screen_text(f"{before} {email} {after}")


@settings(max_examples=60, deadline=None)
@given(before=WORDS, phone=phone_numbers(), after=WORDS)
def test_any_danish_phone_number_in_text_is_refused(before, phone, after):
    with pytest.raises(ValidationError, match="telefonnummer"):
        screen_text(f"{before} {phone} {after}")


@pytest.mark.parametrize("text", ["Ring på +44 20 7946 0958", "skriv til elev(at)skole.dk",
                                  "mødet 3.4.2018", "den 2018-04-03"])
def test_international_numbers_obfuscated_emails_and_dates_are_refused(text):
    assert find_identifiers(text)


@pytest.mark.parametrize("text", ["Sagen fra 2018 er lukket", "Niveau 3, 2 platforme", "uge 12-14",
                                  "skoleåret 2018-2019", "ca. 30 elever", ""])
def test_ordinary_text_passes(text):
    assert find_identifiers(text) == []


def test_clean_text_is_stripped_and_empty_text_is_none():
    assert screen_text("  aftalt opfølgning  ") == "aftalt opfølgning"
    assert screen_text("   ") is None
