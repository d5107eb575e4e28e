"""Model versions as managed data: drafts, publication, immutability, and old cases keeping theirs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from db import model_drafts as drafts
from db import model_registry as registry
from db.case_queries import get_case
from db.cases import create_case
from db.connection import cursor
from db.stats import dashboard, data_version
from model.access import Role
from model.case import CaseFacts
from model.errors import AccessDenied, ConflictError, NotFound, StorageError, ValidationError
from model.handling_model import Measure, Strength, load_model
from model.model_edit import with_level
from model.model_toml import dump_model, read_model
from model.stats_filter import StatsFilter
from tests.conftest import scope_of
from tests.unit.case_helpers import NSJ, draft
from tests.unit.model_helpers import fifth_level_draft

LEADER = scope_of(41, "projektleder@example.com", (Role.PROJECT_LEADER, None))
TODAY = date(2026, 5, 20)
TOMORROW = TODAY + timedelta(days=1)
LEVEL_5_FACTS = CaseFacts(age_band="16_17", nudity="nude", face_recognisable=True, threats=True,
                          spread="public")


def audit(action: str) -> list[tuple]:
    with cursor() as cur:
        return cur.execute("SELECT object_id, details, export_id FROM audit_log WHERE action = ?"
                           " ORDER BY audit_id", [action]).fetchall()


def five_level_draft_id() -> int:
    draft_id = drafts.create_draft(LEADER, "2018", "Forslag med et femte niveau")
    drafts.save_draft(LEADER, draft_id, 1, fifth_level_draft())
    return draft_id


def published_2019(effective: date = TOMORROW) -> str:
    return drafts.publish(LEADER, five_level_draft_id(), 2, "2019", effective, today=TODAY)


def test_only_the_shipped_version_is_published_in_a_new_database(fresh_db):
    assert registry.version_names() == ["2018"]
    assert registry.current_version(TODAY) == "2018"
    assert registry.model_of("2018") == load_model("2018")
    with pytest.raises(NotFound):
        registry.model_of("2019")


def test_a_leader_drafts_from_a_published_version_and_each_step_is_audited(fresh_db):
    draft_id = drafts.create_draft(LEADER, "2018", "  Forslag   til 2019 ")
    first = drafts.get_draft(LEADER, draft_id)
    assert (first.name, first.parent_version, first.row_version) == ("Forslag til 2019", "2018", 1)
    assert replace(first.model, version="2018") == load_model("2018")
    assert drafts.save_draft(LEADER, draft_id, 1, fifth_level_draft()) == 2
    assert drafts.get_draft(LEADER, draft_id).model.level_numbers == (1, 2, 3, 4, 5)
    assert [a[0] for a in audit("model.draft_create")] == [str(draft_id)]
    assert [a[0] for a in audit("model.draft_edit")] == [str(draft_id)]


def test_only_project_leaders_may_draft_or_publish(fresh_db):
    with pytest.raises(AccessDenied):
        drafts.create_draft(NSJ, "2018", "Forsøg")
    draft_id = drafts.create_draft(LEADER, "2018", "Forslag")
    with pytest.raises(AccessDenied):
        drafts.publish(NSJ, draft_id, 1, "2019", TOMORROW, today=TODAY)
    with pytest.raises(AccessDenied):
        drafts.export_definition(NSJ, version="2018")


def test_a_draft_from_an_unknown_version_or_without_a_name_is_refused(fresh_db):
    with pytest.raises(ValidationError, match="udgivet version"):
        drafts.create_draft(LEADER, "1999", "Forslag")
    with pytest.raises(ValidationError, match="Giv kladden et navn"):
        drafts.create_draft(LEADER, "2018", "  ")


def test_a_colleagues_edit_meanwhile_is_a_conflict_not_an_overwrite(fresh_db):
    draft_id = drafts.create_draft(LEADER, "2018", "Forslag")
    drafts.save_draft(LEADER, draft_id, 1, fifth_level_draft())
    with pytest.raises(ConflictError):
        drafts.save_draft(LEADER, draft_id, 1, load_model("2018"))
    assert drafts.get_draft(LEADER, draft_id).model.level_numbers == (1, 2, 3, 4, 5)


def test_a_draft_with_problems_is_saved_but_not_published(fresh_db):
    draft_id = drafts.create_draft(LEADER, "2018", "Forslag")
    broken = replace(load_model("2018"), levels=tuple(
        replace(lvl, title="") if lvl.number == 2 else lvl for lvl in load_model("2018").levels))
    drafts.save_draft(LEADER, draft_id, 1, broken)
    with pytest.raises(ValidationError) as caught:
        drafts.publish(LEADER, draft_id, 2, "2019", TOMORROW, today=TODAY)
    assert "Niveau 2: skriv titlen." in caught.value.problems
    assert registry.version_names() == ["2018"] and audit("model.publish") == []


def test_publishing_names_the_version_dates_it_and_audits_it(fresh_db):
    before = data_version(LEADER)
    assert published_2019() == "2019"
    assert data_version(LEADER) != before  # cached statistics are recomputed with the new version
    [info] = [v for v in registry.published() if v.version == "2019"]
    assert (info.effective_from, info.parent) == (TOMORROW, "2018")
    assert registry.model_of("2019").level(5).indicators[0].reason.startswith("Trusler")
    assert registry.model_of("2019").title == "Håndteringsmodellen 2019"  # not left as "2018"
    [(obj, details, _)] = audit("model.publish")
    assert obj == "2019" and '"effective_from": "2026-05-21"' in details
    with pytest.raises(NotFound):  # the draft is gone from the drafts: it became the version
        drafts.get_draft(LEADER, 1)


@pytest.mark.parametrize(("name", "effective", "message"), [
    ("2018", TOMORROW, "allerede brugt"),
    ("kladde", TOMORROW, "allerede brugt"),
    ("2019 ny", TOMORROW, "1-20 tegn"),
    ("2019", TODAY - timedelta(days=1), "før i dag"),
])
def test_a_version_name_is_new_and_well_formed_and_the_date_not_past(fresh_db, name, effective,
                                                                     message):
    draft_id = five_level_draft_id()
    with pytest.raises(ValidationError, match=message):
        drafts.publish(LEADER, draft_id, 2, name, effective, today=TODAY)


def test_a_published_version_is_immutable(fresh_db):
    published_2019()
    with cursor() as cur:
        before = cur.execute("SELECT * FROM model_releases").fetchall()
    with pytest.raises(NotFound):
        drafts.save_draft(LEADER, 1, 3, load_model("2018"))
    with pytest.raises(NotFound):
        drafts.delete_draft(LEADER, 1, 3)
    with pytest.raises(NotFound):
        drafts.publish(LEADER, 1, 3, "2020", TOMORROW, today=TODAY)
    with cursor() as cur:
        assert cur.execute("SELECT * FROM model_releases").fetchall() == before


def test_a_published_version_changed_in_the_database_is_refused(fresh_db):
    published_2019()
    registry._cache.clear()
    with cursor() as cur:
        cur.execute("UPDATE model_releases SET definition = replace(definition, 'Testtekst',"
                    " 'Ændret') WHERE version = '2019'")
    with pytest.raises(StorageError, match="ændret, efter at den blev udgivet"):
        registry.model_of("2019")


def test_new_cases_use_the_version_from_its_effective_date(fresh_db):
    published_2019(effective=TOMORROW)
    assert registry.current_version(TODAY) == "2018"
    assert registry.current_version(TOMORROW) == "2019"
    with pytest.raises(ValidationError, match="gælder nu"):
        create_case(NSJ, "NSJ", draft(LEVEL_5_FACTS, chosen_level=4, model_version="2019"),
                    today=TODAY)
    code = create_case(NSJ, "NSJ", draft(LEVEL_5_FACTS, chosen_level=5, model_version="2019"),
                       today=TOMORROW).code
    case = get_case(NSJ, code)
    assert (case.model_version, case.proposed_level, case.chosen_level) == ("2019", 5, 5)
    assert next(m.key for m in case.measures) == "police_report"


def test_a_form_filled_in_under_a_version_that_has_since_been_replaced_is_refused_at_the_save(fresh_db):
    """The version in force is checked by the writer, in the save's transaction: a form that is
    valid under 2018, saved on the day 2019 takes effect, is refused and writes nothing."""
    published_2019(effective=TOMORROW)
    with cursor() as cur:
        before = cur.execute("SELECT count(*) FROM model_versions").fetchone()[0]
    with pytest.raises(ValidationError, match="gælder nu"):
        create_case(NSJ, "NSJ", draft(), today=TOMORROW)
    with cursor() as cur:
        assert cur.execute("SELECT count(*) FROM model_versions").fetchone()[0] == before
        assert cur.execute("SELECT count(*) FROM cases").fetchone()[0] == 0


def _cases_by_level(version: str) -> dict:
    table = dashboard(LEADER, StatsFilter(), on=date(2030, 1, 20)).national["by_version"]
    rows = table[(table["version"] == version) & (table["n"].fillna(0) > 0)]
    return dict(zip(rows["level"], rows["n"], strict=True))


def test_old_cases_keep_their_version_plan_and_statistics(fresh_db):
    old = [create_case(NSJ, "NSJ", draft(LEVEL_5_FACTS, chosen_level=4), today=TODAY).code
           for _ in range(6)]
    before = get_case(NSJ, old[0])
    stats_before = _cases_by_level("2018")
    assert set(stats_before) == {4, "I alt"}  # six cases, published (adjusted by at most 2)
    published_2019(effective=TODAY)
    after = get_case(NSJ, old[0])
    assert (after.model_version, after.chosen_level, after.measures) == (
        "2018", 4, before.measures)
    assert _cases_by_level("2018") == stats_before


def test_an_export_is_audited_first_and_imports_back_as_the_same_model(fresh_db):
    text, export_id = drafts.export_definition(LEADER, version="2018")
    assert f"# Eksport-id: {export_id}" in text
    assert [(a[0], a[2]) for a in audit("model.export")] == [("2018", export_id)]
    draft_id = drafts.import_draft(LEADER, text, "2018", "Gennemlæst udenfor")
    assert replace(drafts.get_draft(LEADER, draft_id).model, version="2018") == load_model("2018")
    assert len(audit("model.draft_import")) == 1
    draft_text, draft_export = drafts.export_definition(LEADER, draft_id=draft_id)
    assert draft_export != export_id and read_model(draft_text).version == "kladde"


def test_a_broken_file_is_refused_in_danish_and_nothing_is_saved(fresh_db):
    with pytest.raises(ValidationError, match="ikke gyldig TOML"):
        drafts.import_draft(LEADER, "levels = [", "2018", "Ødelagt")
    assert drafts.list_drafts(LEADER) == [] and audit("model.draft_import") == []


def test_an_identifier_in_a_model_text_is_refused_and_nothing_is_stored(fresh_db):
    draft_id = drafts.create_draft(LEADER, "2018", "Forslag")
    level = replace(load_model("2018").level(1), help="Ring til Anne på 12 34 56 78")
    model = replace(load_model("2018"), levels=(level, *load_model("2018").levels[1:]))
    with pytest.raises(ValidationError, match="Niveau 1: Teksten indeholder et telefonnummer"):
        drafts.save_draft(LEADER, draft_id, 1, model)
    with pytest.raises(ValidationError, match="telefonnummer"):
        drafts.import_draft(LEADER, dump_model(model), "2018", "Fra fil")
    with cursor() as cur:
        assert cur.execute("SELECT count(*) FROM model_drafts WHERE definition LIKE '%12 34 56 78%'"
                           ).fetchone()[0] == 0
    assert drafts.get_draft(LEADER, draft_id).row_version == 1


def test_a_deleted_draft_is_gone(fresh_db):
    draft_id = drafts.create_draft(LEADER, "2018", "Forslag")
    drafts.delete_draft(LEADER, draft_id, 1)
    assert drafts.list_drafts(LEADER) == []
    assert len(audit("model.draft_delete")) == 1



def test_measures_added_by_a_published_version_are_named_in_the_audit_log(fresh_db):
    model = fifth_level_draft()
    level = model.level(5)
    new = Measure("safety_plan", "Testtekst: lav en sikkerhedsplan", Strength.SHOULD_CONSIDER,
                  "Sikkerhedsplan")
    draft_id = drafts.create_draft(LEADER, "2018", "Forslag med et nyt tiltag")
    drafts.save_draft(LEADER, draft_id, 1, with_level(model, replace(
        level, measures=(*level.measures, new))))
    drafts.publish(LEADER, draft_id, 2, "2019", TOMORROW, today=TODAY)
    names = registry.measure_names()
    assert names["safety_plan"] == "Sikkerhedsplan"  # only in the published version
    assert load_model("2018").measure_labels().items() <= names.items()
