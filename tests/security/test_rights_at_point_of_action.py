"""Attack: act after losing the right to. A page is drawn with the user's scope; then the role is
revoked, the ID token expires, or the user logs out in another tab; then the user clicks. Streamlit
runs the click's callback with the scope captured when the page was drawn, so every write and
export in db/ must read the actor's rights again inside its own transaction.

Every write and export path is listed once in PATHS; each is attacked three ways, and a control
run shows that the same call succeeds when nothing happened in between (so a refusal is the
check's doing, not a broken call). A refused call leaves every table exactly as it was.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

import pytest

from db import attendance, audit, courses, help_contacts, participants, retention, stats, users
from db.case_queries import get_case
from db.case_updates import export_plan, set_status, update_follow_up
from db.cases import create_case
from model.access import Role, Scope
from model.courses import CourseDraft
from model.errors import AccessDenied, NotFound, SessionEnded
from model.follow_up import FollowUp
from model.help_contacts import HelpContact
from model.participant_import import preview_import
from model.stats_filter import StatsFilter
from tests.security.actors import logged_in, root_admin, snapshot
from tests.unit.case_helpers import draft

TODAY = date(2026, 3, 10)
COURSE = CourseDraft("NSJ", datetime(2026, 4, 1, 9), "Politigården", 3, "Projektgruppen", "2018")
SHEET = b"Navn;E-mail;Rolle\r\nAnne Andersen;anne@example.com;Studievejleder\r\n"


@dataclass(frozen=True)
class WritePath:
    """One write or export: the role that may do it, how to prepare it, and the call itself."""

    name: str
    role: Role
    district: str | None
    prepare: Callable[[Scope, Scope], Any]  # (actor, admin) -> context for `act`
    act: Callable[[Scope, Any], Any]


def _case(actor: Scope, _admin: Scope) -> str:
    return create_case(actor, "NSJ", draft()).code


def _closed_case(actor: Scope, admin: Scope) -> str:
    code = _case(actor, admin)
    set_status(actor, code, 1, "closed")
    return code


def _course(actor: Scope, _admin: Scope) -> int:
    return courses.create_course(actor, COURSE, f"sub-{time.monotonic_ns()}", today=TODAY)


def _course_with_one(actor: Scope, admin: Scope) -> tuple[int, int]:
    course_id = _course(actor, admin)
    participants.register(actor, course_id, name="Anne Andersen", email="anne@example.com",
                          role="studievejleder")
    return course_id, participants.list_participants(actor, course_id)[0].participant_id


def _follow_up(actor: Scope, code: str) -> int:
    first = get_case(actor, code).measures[0].key
    return update_follow_up(actor, code, 1, FollowUp({first: "done"}))


def _import(actor: Scope, course_id: int) -> object:
    preview = preview_import(SHEET, "liste.csv", capacity=3, registered=0, waiting=0)
    return participants.import_participants(actor, course_id, preview)


def _contact_membership(_actor: Scope, admin: Scope) -> int:
    return users.assign(admin, "target@example.com", "district_contact", "NSJ")


PATHS = [
    WritePath("case.create", Role.DISTRICT_CONTACT, "NSJ", lambda a, _: draft(),
              lambda s, d: create_case(s, "NSJ", d)),
    WritePath("case.follow_up", Role.DISTRICT_CONTACT, "NSJ", _case, _follow_up),
    WritePath("case.close", Role.DISTRICT_CONTACT, "NSJ", _case,
              lambda s, code: set_status(s, code, 1, "closed")),
    WritePath("case.reopen", Role.DISTRICT_CONTACT, "NSJ", _closed_case,
              lambda s, code: set_status(s, code, 2, "open")),
    WritePath("case.plan_download", Role.DISTRICT_CONTACT, "NSJ", _case, export_plan),
    WritePath("course.create", Role.COURSE_ORGANISER, "NSJ", lambda a, _: None,
              lambda s, _: courses.create_course(s, COURSE, "sub-new", today=TODAY)),
    WritePath("course.update", Role.COURSE_ORGANISER, "NSJ", _course,
              lambda s, cid: courses.update_course(s, cid, replace(COURSE, capacity=9), 1,
                                                   today=TODAY)),
    WritePath("course.cancel", Role.COURSE_ORGANISER, "NSJ", _course,
              lambda s, cid: courses.set_status(s, cid, "cancelled", 1)),
    WritePath("course.held", Role.COURSE_ORGANISER, "NSJ", _course,
              lambda s, cid: courses.set_status(s, cid, "held", 1)),
    WritePath("participant.register", Role.COURSE_ORGANISER, "NSJ", _course,
              lambda s, cid: participants.register(s, cid, name="Bo Berg", email="bo@example.com",
                                                   role="andet")),
    WritePath("participant.import", Role.COURSE_ORGANISER, "NSJ", _course, _import),
    WritePath("participant.cancel", Role.COURSE_ORGANISER, "NSJ", _course_with_one,
              lambda s, ids: participants.cancel_registration(s, *ids)),
    WritePath("course.attendance", Role.COURSE_ORGANISER, "NSJ", _course_with_one,
              lambda s, ids: attendance.save_attendance(s, ids[0], {ids[1]: True},
                                                        today=date(2026, 4, 2))),
    WritePath("participant.export", Role.COURSE_ORGANISER, "NSJ", _course_with_one,
              lambda s, ids: attendance.export_participants(s, ids[0], "xlsx")),
    WritePath("participant.anonymise", Role.COURSE_ORGANISER, "NSJ", _course_with_one,
              lambda s, _: retention.anonymise_expired(s, date(2030, 1, 1))),
    WritePath("stats.export", Role.PROJECT_LEADER, None, lambda a, _: None,
              lambda s, _: stats.record_export(s, page="landstal", table="sager-pr-kreds",
                                               fmt="csv", flt=StatsFilter())),
    WritePath("membership.assign", Role.ADMIN, None, lambda a, _: None,
              lambda s, _: users.assign(s, "new@example.com", "project_leader", None)),
    WritePath("membership.change", Role.ADMIN, None, _contact_membership,
              lambda s, mid: users.change(s, mid, "district_contact", "KBH")),
    WritePath("membership.revoke", Role.ADMIN, None, _contact_membership, users.revoke),
    WritePath("audit.export", Role.ADMIN, None, lambda a, _: None,
              lambda s, _: audit.export_entries(s, audit.AuditFilter(), "xlsx")),
    WritePath("help_contact.save", Role.ADMIN, None, lambda a, _: None,
              lambda s, _: help_contacts.save(s, HelpContact("Offerrådgivningen", "116 006"))),
    WritePath("help_contact.remove", Role.ADMIN, None,
              lambda a, admin: help_contacts.save(admin, HelpContact("SSP", "1", district="NSJ")),
              help_contacts.remove),
]


def test_every_audited_write_and_export_is_attacked_here():
    """A new write or export path must be added to PATHS (its audit action names it)."""
    from pages.components.audit_labels import ACTION_LABELS

    system_only = {"user.first_login", "user.login", "user.logout", "membership.bootstrap_admin",
                   "synthetic.generate", "demo.seed_courses"}
    assert set(ACTION_LABELS) - system_only <= {p.name for p in PATHS}


def _revoke(actor, admin, membership_id):
    users.revoke(admin, membership_id)
    return actor


def _expire(actor, _admin, _membership_id):
    assert actor.session is not None
    return replace(actor, session=replace(actor.session, expires_at=int(time.time()) - 1))


def _log_out_elsewhere(actor, _admin, _membership_id):
    users.record_logout(actor)  # e.g. "Log ud" in another tab
    return actor


ATTACKS = {
    "role revoked": (_revoke, (AccessDenied, NotFound)),
    "token expired": (_expire, SessionEnded),
    "logged out in another tab": (_log_out_elsewhere, SessionEnded),
}


@pytest.mark.parametrize("path", PATHS, ids=[p.name for p in PATHS])
@pytest.mark.parametrize("attack", list(ATTACKS))
def test_an_action_after_losing_the_right_is_refused_and_changes_nothing(fresh_db, path, attack):
    admin = root_admin()
    actor = logged_in(admin, "actor@example.com", path.role, path.district, issued_ago=60)
    context = path.prepare(actor.scope, admin)
    change, refusal = ATTACKS[attack]
    stale = change(actor.scope, admin, actor.membership_id)
    before = snapshot()
    with pytest.raises(refusal):
        path.act(stale, context)
    assert snapshot() == before


@pytest.mark.parametrize("path", PATHS, ids=[p.name for p in PATHS])
def test_the_same_action_succeeds_when_nothing_changed_in_between(fresh_db, path):
    admin = root_admin()
    actor = logged_in(admin, "actor@example.com", path.role, path.district, issued_ago=60)
    context = path.prepare(actor.scope, admin)
    before = snapshot()
    path.act(actor.scope, context)
    assert snapshot()["audit_log"] != before["audit_log"]  # it acted, and said so
