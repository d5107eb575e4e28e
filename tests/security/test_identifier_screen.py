"""Attack (issue 8, item 7): identifiers past the screen. Each form below was stored without
complaint; a district contact (or an organiser, in a course's place or trainers) types it, the
save is refused with a Danish message, and nothing is stored. Called as the pages call db/.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest

from db import courses
from db.cases import create_case
from model.access import Role
from model.courses import CourseDraft
from model.errors import ValidationError
from tests.security.actors import logged_in, root_admin, snapshot
from tests.unit.case_helpers import draft

# Each form of issue 8 that slipped through, as an attacker (or a hurried user) writes it.
FORMS = {
    "cpr-slash": "elevens cpr 010203/1234",
    "cpr-dot": "cpr 010203.1234",
    "cpr-spaced-pairs": "nummer 01 02 03 1234",
    "cpr-split-4-6": "nummer 0102 031234",
    "cpr-zero-width": "cpr 0102\u200b03-1234",
    "phone-dash": "tlf 1234-5678",
    "email-words": "mette at gmail dot com",
    "email-full-width-at": "mette＠gmail.com",
    "date-day-month": "billedet blev delt 3. april",
    "date-den": "mødet den 3. april",
    "date-slash": "delt 3/4",
    "handle": "profilen @mette_h2009",
    "url": "billedet ligger på https://imgur.example/abc.png",
    "url-bare-domain": "se instagram.com/mette_h",
    "name-and-school": "Mette Hansen 2.g Espergærde Gymnasium",
}


@pytest.fixture
def admin(fresh_db):
    return root_admin()


@pytest.mark.parametrize("typed", FORMS.values(), ids=FORMS.keys())
def test_a_case_note_carrying_an_identifier_is_refused_and_nothing_is_stored(admin, typed):
    contact = logged_in(admin, "kontakt.nsj@example.com", Role.DISTRICT_CONTACT, "NSJ").scope
    before = snapshot()
    with pytest.raises(ValidationError) as refused:
        create_case(contact, "NSJ", draft(note=typed))
    assert refused.value.problems and all(p.startswith("Bemærkning: Teksten indeholder")
                                          for p in refused.value.problems)
    assert snapshot() == before


def course_draft(**texts: str) -> CourseDraft:
    starts = datetime.combine(date.today() + timedelta(days=30), time(9))
    return replace(CourseDraft("NSJ", starts, "Politigården, Helsingør", 20,
                               "Projektgruppen, Nordsjællands Politi", "2018"), **texts)


@pytest.mark.parametrize("field", ["place", "trainers"])
@pytest.mark.parametrize("typed", FORMS.values(), ids=FORMS.keys())
def test_a_course_place_or_trainers_carrying_an_identifier_is_refused_and_nothing_is_stored(
        admin, field, typed):
    organiser = logged_in(admin, "kursus.nsj@example.com", Role.COURSE_ORGANISER, "NSJ").scope
    before = snapshot()
    with pytest.raises(ValidationError) as refused:
        courses.create_course(organiser, course_draft(**{field: typed}), f"sub-{field}")
    label = {"place": "Sted", "trainers": "Undervisere"}[field]
    assert any(p.startswith(f"{label}: Teksten indeholder") for p in refused.value.problems)
    assert snapshot() == before


def test_the_trainers_field_refuses_a_cpr_number_and_an_email_when_a_course_is_edited(admin):
    organiser = logged_in(admin, "kursus.nsj@example.com", Role.COURSE_ORGANISER, "NSJ").scope
    course_id = courses.create_course(organiser, course_draft(), "sub-edit")
    course = courses.get_course(organiser, course_id)
    before = snapshot()
    for typed in ("Mette 010203-1234", "mette.hansen@skole.dk"):
        with pytest.raises(ValidationError, match="Undervisere: Teksten indeholder"):
            courses.update_course(organiser, course_id, course_draft(trainers=typed),
                                  course.row_version)
    assert snapshot() == before
