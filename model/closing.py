"""Closing a case: the contact's experience in a few structured answers, and the open-"must" check.

Why: the project collects experience to adjust the model, and the most telling moment is the close:
did the level fit, which measures helped, how is the victim now. Structured answers can be counted
(the calibration page shows them per level and version); the optional note is screened like every
free text. Closing while "must" measures are still planned needs the contact's explicit confirmation.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from model.case import note_problems

LEVEL_FIT: dict[str, str] = {
    "fit": "Ja, niveauet passede",
    "too_high": "Nej, niveauet var for højt",
    "too_low": "Nej, niveauet var for lavt",
    "unknown": "Ved ikke",
}
SITUATION: dict[str, str] = {
    "better": "Bedre",
    "same": "Som da sagen begyndte",
    "worse": "Værre",
    "unknown": "Ved ikke",
}


@dataclass(frozen=True)
class Closing:
    level_fit: str
    situation: str
    helped: tuple[str, ...] = ()
    note: str | None = None
    confirm_open_musts: bool = False  # the contact saw the open "must" measures and closes anyway


@dataclass(frozen=True)
class OpenMeasure:
    key: str
    strength: str
    status: str


def open_musts(measures: Sequence[OpenMeasure]) -> list[str]:
    """Keys of the "must" measures still planned (not done, not marked not relevant)."""
    return [m.key for m in measures if m.strength == "must" and m.status == "planned"]


def confirm_message(count: int) -> str:
    return (f"Sagen har {count} skal-tiltag, der ikke er udført. Bekræft, at du vil lukke sagen "
            "alligevel, eller markér tiltagene som udført eller ikke relevant først.")


def closing_problems(closing: Closing, *, done: Collection[str], musts_open: int) -> list[str]:
    """Danish problems of the answers; `done` are the case's measures done (what can have helped)."""
    problems = []
    if closing.level_fit not in LEVEL_FIT:
        problems.append("Svar på, om niveauet passede.")
    if closing.situation not in SITUATION:
        problems.append("Svar på, hvordan ofrets situation er nu.")
    if len(set(closing.helped)) != len(closing.helped) or set(closing.helped) - set(done):
        problems.append("Vælg kun tiltag, der er udført i sagen.")
    problems += note_problems(closing.note)
    if musts_open and not closing.confirm_open_musts:
        problems.append(confirm_message(musts_open))
    return problems
