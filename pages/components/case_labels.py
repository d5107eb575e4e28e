"""Danish labels for case values shown on the triage and follow-up pages (months and numbers
come from model.danish)."""

from __future__ import annotations

from model.handling_model import HandlingModel


def level_label(model: HandlingModel, number: int) -> str:
    return f"Niveau {number}: {model.level(number).title}"
