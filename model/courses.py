"""Rules of a course: what a valid course is, who gets a seat, and who moves up the waiting list.

Pure functions on plain values, so that the database layer and the import preview share them.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from model.errors import ValidationError
from model.handling_model import versions
from model.privacy import identifier_problems
from model.text import clean_text

MAX_CAPACITY = 500
MAX_TEXT = 200


@dataclass(frozen=True)
class CourseDraft:
    """What an organiser fills in for a course."""

    district: str
    starts_at: datetime
    place: str
    capacity: int
    trainers: str
    model_version: str


def validate_course(
    draft: CourseDraft,
    *,
    today: date,
    districts: Collection[str],
    registered: int = 0,
    previous_start: datetime | None = None,
) -> CourseDraft:
    """The draft with trimmed texts, or ValidationError listing every problem in Danish.

    A new course (`previous_start` None) may not start before today; an edited course may keep its
    date but not be moved into the past. Capacity may never drop below the seats already taken.
    """
    clean = replace(draft, place=clean_text(draft.place), trainers=clean_text(draft.trainers),
                    model_version=(draft.model_version or "").strip())
    problems: list[str] = []
    if clean.district not in districts:
        problems.append("Vælg en politikreds, du er kursusarrangør for.")
    moved = previous_start is None or clean.starts_at != previous_start
    if moved and clean.starts_at.date() < today:
        problems.append("Datoen ligger i fortiden. Vælg dags dato eller en senere dato.")
    if not clean.place:
        problems.append("Skriv hvor kurset holdes.")
    elif len(clean.place) > MAX_TEXT:
        problems.append(f"Stedet må højst fylde {MAX_TEXT} tegn.")
    else:
        problems += identifier_problems(clean.place, "Sted")
    if not clean.trainers:
        problems.append("Skriv hvem der underviser (organisation eller funktion).")
    elif len(clean.trainers) > MAX_TEXT:
        problems.append(f"Undervisere må højst fylde {MAX_TEXT} tegn.")
    else:
        problems += identifier_problems(clean.trainers, "Undervisere")
    if clean.capacity < 1:
        problems.append("Antal pladser skal være mindst 1.")
    elif clean.capacity > MAX_CAPACITY:
        problems.append(f"Antal pladser kan højst være {MAX_CAPACITY}.")
    elif clean.capacity < registered:
        problems.append(
            f"Kurset har allerede {registered} tilmeldte. "
            "Antal pladser kan ikke være lavere end det."
        )
    if clean.model_version not in versions():
        problems.append("Vælg den version af håndteringsmodellen, der undervises i.")
    if problems:
        raise ValidationError(problems)
    return clean


_TRANSITIONS = {("planned", "held"), ("planned", "cancelled")}


def check_transition(old: str, new: str) -> None:
    """A planned course can be held or cancelled; a held or cancelled course stays as it is."""
    if (old, new) not in _TRANSITIONS:
        raise ValidationError("Et afholdt eller aflyst kursus kan ikke ændres.")


def check_editable(status: str) -> None:
    if status != "planned":
        raise ValidationError("Kun planlagte kurser kan redigeres.")


def check_attendance_allowed(status: str, starts_at: datetime, today: date) -> None:
    """Attendance is marked on or after the course day, never on a cancelled course."""
    if status == "cancelled":
        raise ValidationError("Kurset er aflyst; der kan ikke registreres fremmøde.")
    if starts_at.date() > today:
        raise ValidationError("Fremmøde kan først registreres på kursusdagen eller senere.")


def check_registration_open(status: str) -> None:
    if status != "planned":
        raise ValidationError("Der kan kun tilmeldes deltagere til planlagte kurser.")


@dataclass(frozen=True)
class Placement:
    """Where a new participant lands: a seat, or a numbered place on the waiting list."""

    status: str  # "registered" or "waiting"
    waiting_position: int | None = None


def place(capacity: int, registered: int, waiting: int, count: int = 1) -> list[Placement]:
    """Placements for `count` newcomers in order: free seats first, then the waiting list."""
    free = max(capacity - registered, 0)
    out = []
    for i in range(count):
        if i < free:
            out.append(Placement("registered"))
        else:
            out.append(Placement("waiting", waiting + (i - free) + 1))
    return out


def promotions(capacity: int, registered: int, waiting_in_order: Sequence[int]) -> list[int]:
    """The waiting participants (first come, first served) who get the seats now free."""
    free = max(capacity - registered, 0)
    return list(waiting_in_order[:free])


def renumber(waiting_in_order: Sequence[int]) -> dict[int, int]:
    """Positions 1..n for those still waiting, so that the list never has gaps."""
    return {pid: i for i, pid in enumerate(waiting_in_order, start=1)}
