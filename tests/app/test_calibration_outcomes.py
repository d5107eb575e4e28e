"""The calibration page shows both model versions, the re-assessments and the answers at close,
published under the statistics' disclosure rules (no count of 1-4 on screen)."""

from __future__ import annotations

from datetime import date

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
from tests.app.test_stats_pages import counts, small
from tests.conftest import id_token
from tests.unit.case_helpers import draft
from tests.unit.model_helpers import fifth_level_draft

LEADER = "leder@example.com"
CONTACT = "kontakt@example.com"
TODAY = date.today()
MONTH = TODAY.replace(day=1)
LEVEL_2 = CaseFacts("16_17", "partly_nude")
WORSE = CaseFacts("16_17", "nude", face_recognisable=True)
LEVEL_5 = CaseFacts("16_17", "nude", "public", face_recognisable=True, threats=True)


def scope(email: str):
    return resolve_login(id_token(f"sub-{email}", email))


def test_the_leader_sees_both_versions_the_reassessments_and_the_answers(member):
    member(LEADER, (Role.PROJECT_LEADER, None))
    member(CONTACT, (Role.DISTRICT_CONTACT, "NSJ"))
    contact, leader = scope(CONTACT), scope(LEADER)
    for i in range(9):
        code = create_case(contact, "NSJ", draft(LEVEL_2, chosen_level=2, month=MONTH)).code
        v = reassess(contact, code, 1, Reassessment(WORSE, "2018", 3))
        if i < 6:
            close_case(contact, code, v, Closing("too_low", "better", confirm_open_musts=True))
    draft_id = drafts.create_draft(leader, "2018", "Fem niveauer")
    drafts.save_draft(leader, draft_id, 1, fifth_level_draft())
    drafts.publish(leader, draft_id, 2, "2019", TODAY)
    for _ in range(5):
        create_case(contact, "NSJ", draft(LEVEL_5, chosen_level=5, model_version="2019", month=MONTH))
    create_case(contact, "NSJ", draft(LEVEL_5, chosen_level=4, model_version="2019", month=MONTH,
                                      override_reason="police_advice"))

    at = run_page("pages/calibration.py", claims_for(LEADER), timeout=60)
    assert not at.exception
    assert [h.value for h in at.header] == ["Modelversion 2018", "Modelversion 2019"]
    tables = [t.value for t in at.table]
    moves = tables[0]
    assert moves.columns[0] == "Før"
    assert moves.set_index("Før").loc["Niveau 2", "Niveau 3"] == "9"
    assert tables[1].set_index("Retning").loc["Højere niveau", "Antal"] == "9"
    fit = tables[2].set_index("Niveau")
    assert fit.loc["Niveau 3", "Nej, niveauet var for lavt"] == "6"
    situation = tables[3].set_index("Niveau")
    assert situation.loc["Niveau 3", "Bedre"] == "6"
    often = tables[-1].set_index("Modelversion")
    assert often.loc["2018"].tolist() == ["9", "0", "9"]
    assert often.loc["2019"].tolist() == ["0", "6", "6"]
    assert not small([v for frame in tables for v in counts(frame)])
