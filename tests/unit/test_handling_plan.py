"""The printable handling plan holds the checklist and nothing that identifies anyone."""

from __future__ import annotations

from datetime import date

from model.case import CaseFacts
from model.danish import month_label
from model.handling_model import load_model
from model.handling_plan import plan_html
from model.months import recent_months
from model.triage import plan

MODEL = load_model("2018")
FACTS = CaseFacts(age_band="13_15", nudity="nude", face_recognisable=True,
                  platforms=("snapchat",), signals=("school_absence",))


def test_the_plan_lists_every_measure_in_order_with_checkboxes_and_the_legal_prompt():
    chosen = plan(FACTS, MODEL, 3)
    html = plan_html("NSJ-2026-0007", MODEL, 3, chosen.measures, chosen.notices)
    positions = [html.index(m.text) for m in chosen.measures]
    assert positions == sorted(positions)
    assert html.count("☐") == len(chosen.measures)
    assert "NSJ-2026-0007" in html and "§ 235" in html
    assert "Niveau 3. Ofret reagerer ude af kontrol" in html


def test_the_plan_carries_no_case_facts():
    chosen = plan(FACTS, MODEL, 3)
    html = plan_html("NSJ-2026-0007", MODEL, 3, chosen.measures, chosen.notices)
    for fact in ("13-15", "13_15", "Snapchat", "snapchat", "Fravær", "Gymnasium"):
        assert fact not in html


def test_done_measures_are_ticked_and_text_is_escaped():
    chosen = plan(FACTS, MODEL, 3)
    html = plan_html("<b>X</b>", MODEL, 3, chosen.measures, (), frozenset({"takedown_request"}))
    assert html.count("☑") == 1
    assert "<b>X</b>" not in html and "&lt;b&gt;X&lt;/b&gt;" in html


def test_month_labels_are_danish_and_recent_months_run_backwards_over_new_year():
    assert month_label(date(2026, 5, 1)) == "maj 2026"
    assert recent_months(date(2026, 2, 14), 3) == [date(2026, 2, 1), date(2026, 1, 1),
                                                   date(2025, 12, 1)]
