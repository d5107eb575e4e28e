"""Danish months, dates and numbers come from one module, and no other module keeps its own."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from model.danish import (
    date_label,
    decimal,
    integer,
    month_label,
    percent,
    short_month_label,
    time_label,
    timestamp_label,
)
from model.months import add_months, month_range, recent_months, same_day_months_later

ROOT = Path(__file__).resolve().parents[2]


def test_months_dates_and_numbers_read_the_danish_way():
    assert month_label(date(2026, 5, 1)) == "maj 2026"
    assert short_month_label(date(2026, 10, 1)) == "okt. 2026"
    assert date_label(date(2026, 5, 7)) == "07.05.2026"
    assert time_label(datetime(2026, 5, 7, 9, 0)) == "07.05.2026 kl. 09.00"
    assert timestamp_label(datetime(2026, 5, 7, 9, 0, 13)) == "07.05.2026 kl. 09.00.13"
    assert integer(1234567) == "1.234.567"
    assert decimal(1234.56, 1) == "1.234,6"
    assert percent(0.125, 1) == "12,5 %"


def test_month_arithmetic():
    assert add_months(date(2026, 1, 1), -1) == date(2025, 12, 1)
    assert month_range(date(2025, 11, 20), date(2026, 1, 3)) == [
        date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1)]
    assert recent_months(date(2026, 2, 14), 3) == [date(2026, 2, 1), date(2026, 1, 1),
                                                   date(2025, 12, 1)]
    assert same_day_months_later(date(2024, 1, 31), 1) == date(2024, 2, 29)


def test_no_other_module_spells_out_the_months_or_does_its_own_month_arithmetic():
    own = {ROOT / "model/danish.py", ROOT / "model/months.py"}
    for path in [*ROOT.glob("model/*.py"), *ROOT.glob("db/*.py"), *ROOT.glob("pages/**/*.py"),
                 *ROOT.glob("tools/*.py"), ROOT / "app.py"]:
        if path in own:
            continue
        text = path.read_text(encoding="utf-8")
        assert '"januar"' not in text and '"jan."' not in text, path
        assert not re.search(r"def (add_months|first_of_month|recent_months|month_range)\b", text), path
        assert not re.search(r"\* 12 \+ \w+\.month", text), path
