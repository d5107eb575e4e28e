"""The calibration page shows both model versions, the re-assessments and the answers at close, as
the release in force counts them, every figure published with the cell key method."""

from __future__ import annotations

from datetime import date, timedelta

from db import model_drafts as drafts
from db.case_closing import close_case
from db.case_reassessment import reassess
from db.cases import create_case
from db.users import resolve_login
from model.access import Role
from model.case import CaseFacts
from model.closing import Closing
from model.reassessment import Reassessment
from tests.app.helpers import claims_for, run_page
from tests.conftest import id_token
from tests.unit.case_helpers import draft, release_long_ago
from tests.unit.model_helpers import fifth_level_draft

LEADER = "leder@example.com"
CONTACT = "kontakt@example.com"
TODAY = date.today()
MONTH = (TODAY - timedelta(days=200)).replace(day=1)  # released today
LEVEL_2 = CaseFacts("16_17", "partly_nude")
WORSE = CaseFacts("16_17", "nude", face_recognisable=True)


def scope(email: str):
    return resolve_login(id_token(f"sub-{email}", email))


def near(text: str, true: int) -> bool:
    return abs(int(text) - true) <= 2


def test_the_leader_sees_both_versions_the_reassessments_and_the_answers(member):
    member(LEADER, (Role.PROJECT_LEADER, None))
    member(CONTACT, (Role.DISTRICT_CONTACT, "NSJ"))
    contact, leader = scope(CONTACT), scope(LEADER)
    for i in range(9):
        code = create_case(contact, "NSJ", draft(LEVEL_2, chosen_level=2, month=MONTH)).code
        v = reassess(contact, code, 1, Reassessment(WORSE, "2018", 3))
        if i < 6:
            close_case(contact, code, v, Closing("too_low", "better", confirm_open_musts=True))
    release_long_ago(MONTH)
    draft_id = drafts.create_draft(leader, "2018", "Fem niveauer")
    drafts.save_draft(leader, draft_id, 1, fifth_level_draft())
    drafts.publish(leader, draft_id, 2, "2019", TODAY)

    at = run_page("pages/calibration.py", claims_for(LEADER), timeout=60)
    assert not at.exception
    assert [h.value for h in at.header if h.value.startswith("Modelversion")] == [
        "Modelversion 2018", "Modelversion 2019"]
    tables = [t.value for t in at.table]
    moves = tables[0].set_index("Før")
    assert near(moves.loc["Niveau 2", "Niveau 3"], 9)
    direction = tables[1].set_index("Retning")
    assert direction.loc["Højere niveau", "Antal"] == moves.loc["Niveau 2", "Niveau 3"]
    fit = tables[2].set_index("Niveau")
    assert near(fit.loc["Niveau 3", "Nej, niveauet var for lavt"], 6)
    situation = tables[3].set_index("Niveau")
    assert situation.loc["Niveau 3", "Bedre"] == fit.loc["Niveau 3", "Nej, niveauet var for lavt"]
    often = tables[-1].set_index("Modelversion")
    assert near(often.loc["2018", "Genvurderet"], 9)
    assert often.loc["2018", "Ikke genvurderet"] == "0"
    for frame in tables:  # the perturbation never shows 1 or 2
        assert not frame.isin(["1", "2"]).to_numpy().any()
