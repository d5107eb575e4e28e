"""Danish labels for case values shown on the triage and follow-up pages."""

from __future__ import annotations

from datetime import date

from model.handling_model import HandlingModel

MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
          "oktober", "november", "december"]


def month_label(month: date) -> str:
    return f"{MONTHS[month.month - 1]} {month.year}"


def recent_months(today: date, count: int = 24) -> list[date]:
    """This month and the `count - 1` before it, newest first."""
    index = today.year * 12 + today.month - 1
    return [date((index - i) // 12, (index - i) % 12 + 1, 1) for i in range(count)]


def level_label(model: HandlingModel, number: int) -> str:
    return f"Niveau {number}: {model.level(number).title}"
