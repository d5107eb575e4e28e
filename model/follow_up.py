"""Follow-up of a case: the state the contact sets on the follow-up page, and its domain rules.

The page submits the whole state it showed; the database layer applies only what differs, after
`follow_up_problems` has accepted it. Marking the police measures done also sets the police facts, so
the record cannot say "report filed: no" next to a police report ticked off as done.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from model.vocab import MEASURE_STATUS, TAKEDOWN_OUTCOMES

CLOSED_MESSAGE = "Sagen er lukket. Genåbn den, hvis du vil ændre tiltag eller status."


@dataclass(frozen=True)
class FollowUp:
    """Desired state: measure key -> status, the police facts, platform -> takedown outcome."""

    measures: dict[str, str] = field(default_factory=dict)
    police_consulted: bool = False
    police_report_filed: bool = False
    takedowns: dict[str, str] = field(default_factory=dict)


def follow_up_problems(change: FollowUp, *, measure_keys: set[str], platforms: set[str],
                       case_status: str) -> list[str]:
    """Danish problems of a follow-up against the case it is meant for."""
    if case_status != "open":
        return [CLOSED_MESSAGE]
    problems = []
    if set(change.measures) - measure_keys:
        problems.append("Et af tiltagene hører ikke til sagen. Genindlæs siden.")
    if any(s not in MEASURE_STATUS for s in change.measures.values()):
        problems.append("Vælg en status for tiltaget: planlagt, udført eller ikke relevant.")
    if set(change.takedowns) - platforms:
        problems.append("En af medieplatformene hører ikke til sagen. Genindlæs siden.")
    if any(o not in TAKEDOWN_OUTCOMES for o in change.takedowns.values()):
        problems.append("Vælg et udfald for anmodningen til medieplatformen fra listen.")
    for name in ("police_consulted", "police_report_filed"):
        if not isinstance(getattr(change, name), bool):
            problems.append("Et af afkrydsningsfelterne har en ugyldig værdi.")
            break
    return problems


def with_police_facts(change: FollowUp) -> FollowUp:
    """A done police measure implies the matching police fact; a filed report implies consultation."""
    consulted = change.police_consulted or change.measures.get("contact_police_resource_person") == "done"
    filed = change.police_report_filed or change.measures.get("police_report") == "done"
    return replace(change, police_consulted=consulted or filed, police_report_filed=filed)


def done_month(old_status: str, new_status: str, old_month: date | None, today: date) -> date | None:
    """The month a measure was done: kept while it stays done, this month when newly done."""
    if new_status != "done":
        return None
    if old_status == "done" and old_month is not None:
        return old_month
    return today.replace(day=1)


# A follow-up field: ("measure", key), ("takedown", platform), ("police_consulted", "") or
# ("police_report_filed", ""); its value is a status, an outcome or a bool.
Field = tuple[str, str]


def fields(state: FollowUp) -> dict[Field, str | bool]:
    """Every field of a follow-up with its value."""
    values: dict[Field, str | bool] = {("measure", k): v for k, v in state.measures.items()}
    values |= {("takedown", p): v for p, v in state.takedowns.items()}
    values[("police_consulted", "")] = state.police_consulted
    values[("police_report_filed", "")] = state.police_report_filed
    return values


def changes(before: FollowUp, after: FollowUp) -> dict[Field, tuple[str | bool, str | bool]]:
    """Field -> (value before, value after) for the fields `after` has and that differ."""
    old = fields(before)
    return {f: (old[f], v) for f, v in fields(after).items() if f in old and old[f] != v}


@dataclass(frozen=True)
class Reapplied:
    """A user's unsaved follow-up laid over the version a colleague saved meanwhile."""

    state: FollowUp  # what the form shows: the user's changes over the colleague's version
    clashes: frozenset[Field]  # fields both changed, to different values (the user's value wins)
    dropped: frozenset[Field]  # fields the user changed that the case no longer has


def reapply(base: FollowUp, mine: FollowUp, theirs: FollowUp) -> Reapplied:
    """The user's changes (from `base`, the version they saw, to `mine`) over `theirs`.

    A save refused because a colleague saved first keeps the user's work this way: what only the
    colleague changed stays theirs, what the user changed is set again, and a field both changed
    is named so the user can look at it before saving.
    """
    mine_changed = changes(base, mine)
    theirs_now, base_values = fields(theirs), fields(base)
    merged = dict(theirs_now)
    clashes, dropped = set(), set()
    for f, (_, value) in mine_changed.items():
        if f not in theirs_now:
            dropped.add(f)
            continue
        if theirs_now[f] != base_values[f] and theirs_now[f] != value:
            clashes.add(f)
        merged[f] = value
    state = FollowUp(
        measures={k: v for (kind, k), v in merged.items() if kind == "measure"},
        police_consulted=bool(merged[("police_consulted", "")]),
        police_report_filed=bool(merged[("police_report_filed", "")]),
        takedowns={k: v for (kind, k), v in merged.items() if kind == "takedown"},
    )
    return Reapplied(state, frozenset(clashes), frozenset(dropped))
