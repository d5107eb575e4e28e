"""A follow-up refused by a save conflict is re-applied over the colleague's version, not lost."""

from __future__ import annotations

from model.follow_up import FollowUp, changes, reapply

BASE = FollowUp({"talk": "planned", "takedown": "planned", "report": "planned"},
                takedowns={"snapchat": "not_requested"})


def test_only_the_users_own_changes_are_laid_over_the_colleagues_version():
    mine = FollowUp({**BASE.measures, "talk": "done"}, takedowns=BASE.takedowns)
    theirs = FollowUp({**BASE.measures, "report": "done"}, police_consulted=True,
                      police_report_filed=True, takedowns={"snapchat": "requested"})
    result = reapply(BASE, mine, theirs)
    assert result.state == FollowUp({"talk": "done", "takedown": "planned", "report": "done"},
                                     police_consulted=True, police_report_filed=True,
                                     takedowns={"snapchat": "requested"})
    assert result.clashes == frozenset() and result.dropped == frozenset()


def test_a_field_both_changed_differently_keeps_the_users_value_and_is_named():
    mine = FollowUp({**BASE.measures, "talk": "not_relevant"}, takedowns=BASE.takedowns)
    theirs = FollowUp({**BASE.measures, "talk": "done"}, takedowns=BASE.takedowns)
    result = reapply(BASE, mine, theirs)
    assert result.state.measures["talk"] == "not_relevant"
    assert result.clashes == {("measure", "talk")}
    same = reapply(BASE, theirs, theirs)  # both chose the same: no clash
    assert same.clashes == frozenset()


def test_a_measure_the_case_no_longer_has_is_reported_not_invented():
    mine = FollowUp({**BASE.measures, "takedown": "done"}, takedowns=BASE.takedowns)
    theirs = FollowUp({"talk": "planned", "report": "planned"}, takedowns=BASE.takedowns)
    result = reapply(BASE, mine, theirs)
    assert "takedown" not in result.state.measures
    assert result.dropped == {("measure", "takedown")}


def test_changes_lists_each_differing_field_with_both_values():
    after = FollowUp({**BASE.measures, "talk": "done"}, police_consulted=True,
                     takedowns=BASE.takedowns)
    assert changes(BASE, after) == {("measure", "talk"): ("planned", "done"),
                                    ("police_consulted", ""): (False, True)}
