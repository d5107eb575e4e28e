"""Danish formatting of months, dates, times and numbers: the one place every page, file and chart
takes them from (charts get the same names through their Vega locale)."""

from __future__ import annotations

from datetime import date, datetime

MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
          "oktober", "november", "december"]
SHORT_MONTHS = ["jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.",
                "nov.", "dec."]
WEEKDAYS = ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"]


def month_label(month: date) -> str:
    """'maj 2026'."""
    return f"{MONTHS[month.month - 1]} {month.year}"


def short_month_label(month: date) -> str:
    """'okt. 2026' (tables and axes with many months)."""
    return f"{SHORT_MONTHS[month.month - 1]} {month.year}"


def date_label(day: date) -> str:
    """'07.05.2026'."""
    return day.strftime("%d.%m.%Y")


def time_label(moment: datetime) -> str:
    """'07.05.2026 kl. 09.00' (a course's start)."""
    return moment.strftime("%d.%m.%Y kl. %H.%M")


def timestamp_label(moment: datetime) -> str:
    """'07.05.2026 kl. 09.00.13' (audit entries, to the second)."""
    return moment.strftime("%d.%m.%Y kl. %H.%M.%S")


def integer(value: int) -> str:
    """'1.234'."""
    return f"{int(value):,}".replace(",", ".")


def decimal(value: float, places: int = 1) -> str:
    """'1.234,5'."""
    text = f"{value:,.{places}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def percent(share: float, places: int = 0) -> str:
    """'12 %' for 0.12 (Danish puts a space before the sign)."""
    return f"{decimal(share * 100, places)} %"
