"""The triage form: proposal as soon as the facts are given, one case per submission, Danish errors."""

from __future__ import annotations

from datetime import date

from streamlit.testing.v1 import AppTest

from db.connection import cursor
from model.access import Role
from model.text import markdown_literal
from tests.app.helpers import claims_for, run_in_app, run_page

CONTACT = "kontakt.nsj@example.com"
OTHER = "kontakt.kbh@example.com"
PAGE = "pages/triage.py"


def cases_in_db() -> list[tuple]:
    with cursor() as cur:
        return cur.execute("SELECT case_code, district_code, chosen_level, override_reason"
                           " FROM cases ORDER BY case_id").fetchall()


def fill(at: AppTest, *, age="16_17", nudity="nude", face=True, institution="gymnasium") -> AppTest:
    at.selectbox(key="t_age").set_value(age)
    at.selectbox(key="t_nudity").set_value(nudity)
    if institution:
        at.selectbox(key="t_institution").set_value(institution)
    if face:
        at.checkbox(key="t_face").check()
    return at.run()


def save(at: AppTest) -> AppTest:
    return next(b for b in at.button if b.label == "Gem sag").click().run()


def texts(at: AppTest) -> str:
    parts = [e.value for kind in (at.markdown, at.subheader, at.info, at.error, at.success, at.caption)
             for e in kind]
    return "\n".join(str(p) for p in parts)


def test_the_proposal_waits_for_age_and_image_then_shows_level_reasons_and_measures(member):
    member(CONTACT, (Role.DISTRICT_CONTACT, "NSJ"))
    at = run_in_app(PAGE, claims_for(CONTACT))
    assert not at.exception
    assert "så snart du har valgt" in texts(at)
    assert not [b for b in at.button if b.label == "Gem sag"]
    fill(at)
    shown = texts(at)
    assert "Niveau 3: Ofret reagerer ude af kontrol" in shown
    assert "Billedet er et nøgenbillede med ansigt, og ofret kan genkendes" in shown
    assert "§ 235" in shown  # a 16-17-year-old and a nude picture
    assert shown.index("Kontakt en politiressourceperson") < shown.index("Kontakt medieplatforme")


def test_saving_creates_a_case_of_the_own_district_and_shows_its_code(member):
    member(CONTACT, (Role.DISTRICT_CONTACT, "NSJ"))
    at = save(fill(run_in_app(PAGE, claims_for(CONTACT))))
    assert not at.exception
    year = date.today().year
    assert f"NSJ-{year}-0001" in at.success[0].value
    assert cases_in_db() == [(f"NSJ-{year}-0001", "NSJ", 3, None)]
    assert [d.label for d in at.get("download_button")] == ["Hent handleplan (til udskrift)"]


def test_a_repeated_submit_of_the_same_form_saves_one_case(member):
    member(CONTACT, (Role.DISTRICT_CONTACT, "NSJ"))
    at = save(fill(run_in_app(PAGE, claims_for(CONTACT))))
    del at.session_state["t_saved"]  # as if the first run was cut short by the second click
    at = save(at.run())
    assert len(cases_in_db()) == 1
    assert "0001" in at.success[0].value


def test_a_new_case_starts_an_empty_form_with_a_new_submission(member):
    member(CONTACT, (Role.DISTRICT_CONTACT, "NSJ"))
    at = save(fill(run_in_app(PAGE, claims_for(CONTACT))))
    first = at.session_state["t_submission"]
    at = next(b for b in at.button if b.label == "Registrér en ny sag").click().run()
    assert at.selectbox(key="t_age").value == ""  # "Vælg gruppe": empty again
    at = save(fill(at, nudity="underwear", face=False))
    assert at.session_state["t_submission"] != first
    assert [c[2] for c in cases_in_db()] == [3, 1]


def test_a_missing_institution_type_is_a_danish_message_and_nothing_is_stored(member):
    member(CONTACT, (Role.DISTRICT_CONTACT, "NSJ"))
    at = save(fill(run_in_app(PAGE, claims_for(CONTACT)), institution=None))
    assert [e.value for e in at.error] == [markdown_literal("Vælg typen af uddannelsesinstitution.")]
    assert cases_in_db() == []


def test_another_level_needs_a_reason_from_the_fixed_list(member):
    member(CONTACT, (Role.DISTRICT_CONTACT, "NSJ"))
    at = fill(run_in_app(PAGE, claims_for(CONTACT)))
    at.toggle(key="t_override").set_value(True).run()
    at.selectbox(key="t_level").set_value(4).run()
    at = save(at)
    assert "Vælg en begrundelse" in at.error[0].value
    assert cases_in_db() == []
    at.selectbox(key="t_reason").set_value("reaction_stronger").run()
    at = save(at)
    assert [c[2:] for c in cases_in_db()] == [(4, "reaction_stronger")]


def test_a_cpr_number_in_the_note_is_refused_and_nothing_is_stored(member):
    member(CONTACT, (Role.DISTRICT_CONTACT, "NSJ"))
    at = fill(run_in_app(PAGE, claims_for(CONTACT)))
    at.text_input(key="t_note").input("elevens cpr 010203-1234").run()
    at = save(at)
    assert markdown_literal("CPR-nummer (»010203-1234«)") in at.error[0].value
    assert cases_in_db() == []


def test_a_contact_of_another_district_saves_in_their_own_district(member):
    member(OTHER, (Role.DISTRICT_CONTACT, "KBH"))
    at = fill(run_in_app(PAGE, claims_for(OTHER)))
    assert "Sagen registreres i Københavns Politi" in at.caption[0].value
    at = save(at)
    assert f"KBH-{date.today().year}-0001" in at.success[0].value
    assert [c[1] for c in cases_in_db()] == ["KBH"]


def test_a_project_leader_cannot_open_the_triage_form(member):
    member("leder@example.com", (Role.PROJECT_LEADER, None))
    at = run_page(PAGE, claims_for("leder@example.com"))
    assert [e.value for e in at.error] == ["Du har ikke adgang til denne side."]


def test_the_chosen_levels_measures_are_shown_before_saving_when_the_level_is_overridden(member):
    from model.handling_model import load_model

    member(CONTACT, (Role.DISTRICT_CONTACT, "NSJ"))
    at = fill(run_in_app(PAGE, claims_for(CONTACT)))  # proposal: level 3
    at.toggle(key="t_override").set_value(True).run()
    at.selectbox(key="t_level").set_value(4).run()
    shown = next(m.value for m in at.markdown if m.value.startswith("**Tiltag, hvis du gemmer"))
    assert shown.startswith("**Tiltag, hvis du gemmer sagen på Niveau 4: Ofret reagerer voldsomt")
    level_4 = load_model("2018").level(4)
    assert any(m.text in shown for m in level_4.measures if m.key == "police_report")
    assert cases_in_db() == []  # shown, not saved
