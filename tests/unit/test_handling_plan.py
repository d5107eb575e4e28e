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
    html = plan_html("<b>X</b>", MODEL, 3, chosen.measures, (), {"takedown_request": "done"})
    assert html.count("☑") == 1
    assert "<b>X</b>" not in html and "&lt;b&gt;X&lt;/b&gt;" in html


def test_month_labels_are_danish_and_recent_months_run_backwards_over_new_year():
    assert month_label(date(2026, 5, 1)) == "maj 2026"
    assert recent_months(date(2026, 2, 14), 3) == [date(2026, 2, 1), date(2026, 1, 1),
                                                   date(2025, 12, 1)]


def test_the_plan_says_district_month_and_model_once_and_not_relevant_differs_from_planned():
    from model.help_contacts import HelpContact

    chosen = plan(FACTS, MODEL, 3)
    keys = [m.key for m in chosen.measures]
    html = plan_html("NSJ-2026-0007", MODEL, 3, chosen.measures, chosen.notices,
                     {keys[0]: "done", keys[1]: "not_relevant"}, export_id="K7QF-2MXD",
                     district_name="Nordsjællands Politi", printed=date(2026, 11, 25),
                     local=[HelpContact("SSP Helsingør", "49 28 00 00", district="NSJ")],
                     national=[HelpContact("Offerrådgivningen", "116 006")])
    assert "<strong>Politikreds:</strong> Nordsjællands Politi" in html
    assert "<strong>Dato:</strong> november 2026" in html
    assert "Håndteringsmodellen 2018" in html and "(version 2018)" not in html
    assert html.count('<tr class="done">') == 1 and html.count('<tr class="not_relevant">') == 1
    assert html.count('<tr class="planned">') == len(keys) - 2
    assert "⊘" in html and ">Ikke relevant<" in html and ">Planlagt<" in html
    assert "tr.not_relevant td.text { text-decoration: line-through" in html
    assert "@media print" in html and "@page { size: A4" in html
    assert "SSP Helsingør" in html and "116 006" in html and "K7QF-2MXD" in html
    assert html.index("I Nordsjællands Politi") < html.index("Landsdækkende hjælpelinjer")
