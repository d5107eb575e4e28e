"""Danish sort order wherever names are sorted: Z < Æ < Ø < Å, and "Aa" sorted as Å (ICU's way)."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time, timedelta

from db import attendance, courses, participants
from db.collation import sort_danish
from db.users import members
from model.access import Role
from model.course_exports import attendance_csv
from model.courses import CourseDraft
from tests.conftest import scope_of

ORGANISER = scope_of(951, "kursus.nsj@example.com", (Role.COURSE_ORGANISER, "NSJ"))
NAMES = ["Åse Holm", "Zara Berg", "Aase Lund", "Øjvind Kis", "Ærenpris Bo", "Anders And"]
DANISH = ["Anders And", "Zara Berg", "Ærenpris Bo", "Øjvind Kis", "Åse Holm", "Aase Lund"]  # Aa = Å


def test_sort_danish_puts_z_before_ae_oe_aa_and_reads_aa_as_aa(fresh_db):
    assert sort_danish(["Å", "Z", "Ø", "Æ", "B"]) == ["B", "Z", "Æ", "Ø", "Å"]
    assert sort_danish(NAMES) == DANISH
    assert sort_danish([("x", "Øst"), ("y", "Zealand")], key=lambda p: p[1])[0] == ("y", "Zealand")


def test_participant_lists_and_their_exports_are_in_danish_order(fresh_db):
    course_id = courses.create_course(
        ORGANISER, CourseDraft("NSJ", datetime.combine(date.today() + timedelta(30), time(9)),
                               "Politigården", 20, "SSP Nord", "2018"), "collation")
    for i, name in enumerate(NAMES):
        participants.register(ORGANISER, course_id, name=name, email=f"p{i}@example.com",
                              role="studievejleder")
    assert [p.name for p in participants.list_participants(ORGANISER, course_id)] == DANISH
    heading, people, export_id = attendance.export_participants(ORGANISER, course_id, "csv")
    text = attendance_csv(heading, people, export_id).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))[2:]
    assert [r[0] for r in rows] == DANISH


def test_the_administrators_user_list_is_in_danish_order(member, admin_scope):
    for email in ("aase@example.com", "zara@example.com", "bent@example.com"):
        member(email, (Role.DISTRICT_CONTACT, "NSJ"))
    listed = [m.email for m in members(admin_scope) if m.role is Role.DISTRICT_CONTACT]
    assert listed == ["bent@example.com", "zara@example.com", "aase@example.com"]
