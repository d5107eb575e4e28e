"""A follow-up refused because a colleague saved the case first: the user's work is kept.

The form is then drawn from the colleague's version (a newer row version), and this panel above it
says in Danish what the colleague changed and what the user had chosen but not saved, with a button
that puts the user's changes back into the form over the colleague's version (model.follow_up.
reapply). Nothing is saved until the user presses "Gem opfølgning" again.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from db.case_queries import CaseDetail
from model.follow_up import Field, FollowUp, Reapplied, changes, reapply
from model.handling_model import HandlingModel
from model.vocab import MEASURE_STATUS, PLATFORMS, TAKEDOWN_OUTCOMES

REFUSED = "f_refused"  # case code -> Refused
REAPPLIED = "f_reapplied"  # case code -> (row version it was laid over, Reapplied)


@dataclass(frozen=True)
class Refused:
    version: int  # the row version the user's form was drawn from
    base: FollowUp  # what that form showed
    mine: FollowUp  # what the user submitted


def follow_up_of(case: CaseDetail) -> FollowUp:
    """The case's follow-up as saved."""
    return FollowUp(measures={m.key: m.status for m in case.measures},
                    police_consulted=case.police_consulted,
                    police_report_filed=case.police_report_filed, takedowns=dict(case.takedowns))


def _store(name: str) -> dict:
    return st.session_state.setdefault(name, {})


def keep_refused(case: CaseDetail, shown: FollowUp, mine: FollowUp) -> None:
    """Called when a save is refused as a conflict: remember the user's submitted choices."""
    _store(REFUSED)[case.code] = Refused(case.row_version, shown, mine)
    _store(REAPPLIED).pop(case.code, None)


def forget(code: str) -> None:
    """The follow-up of `code` was saved: nothing is pending any more."""
    _store(REFUSED).pop(code, None)
    _store(REAPPLIED).pop(code, None)


def reapplied(case: CaseDetail) -> Reapplied | None:
    """The user's changes laid over this version of the case, if they chose to re-apply them."""
    found = _store(REAPPLIED).get(case.code)
    return found[1] if found and found[0] == case.row_version else None


def _reapply(case: CaseDetail) -> None:
    """Button callback: lay the refused changes over the version now shown."""
    refused = _store(REFUSED).pop(case.code, None)
    if refused is not None:
        _store(REAPPLIED)[case.code] = (case.row_version,
                                        reapply(refused.base, refused.mine, follow_up_of(case)))


def _discard(case: CaseDetail) -> None:
    forget(case.code)


def field_label(case: CaseDetail, model: HandlingModel, field: Field) -> str:
    kind, key = field
    if kind == "measure":
        position = next((i for i, m in enumerate(case.measures, start=1) if m.key == key), None)
        text = model.wording(case.chosen_level, key).text if position else key
        return f"Tiltag {position}. {text}" if position else f"Tiltaget »{text}«"
    if kind == "takedown":
        return f"Anmodning til {PLATFORMS.get(key, key)}"
    return {"police_consulted": "Politiets ressourceperson er kontaktet",
            "police_report_filed": "Sagen er politianmeldt"}[kind]


def value_label(field: Field, value: str | bool) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nej"
    table = MEASURE_STATUS if field[0] == "measure" else TAKEDOWN_OUTCOMES
    return table.get(value, value)


def _lines(case: CaseDetail, model: HandlingModel,
           diff: dict[Field, tuple[str | bool, str | bool]], note: dict[Field, str]) -> str:
    return "\n".join(
        f"- {field_label(case, model, f)}: »{value_label(f, old)}« → »{value_label(f, new)}«"
        + note.get(f, "") for f, (old, new) in diff.items())


def conflict_panel(case: CaseDetail, model: HandlingModel) -> None:
    """Above the follow-up form: what happened to a refused save, and the way back to it."""
    refused = _store(REFUSED).get(case.code)
    if refused is not None and refused.version == case.row_version:
        # Refused although nobody saved in between (a write at the very same moment): the form
        # still holds the user's choices, so saving again is all it takes.
        _store(REFUSED).pop(case.code)
        st.error("Opfølgningen kunne ikke gemmes lige nu. Dine valg står stadig i formularen; "
                 "tryk »Gem opfølgning« igen.", icon=":material/sync_problem:")
        return
    if refused is not None:
        theirs = follow_up_of(case)
        mine, colleague = changes(refused.base, refused.mine), changes(refused.base, theirs)
        clash = {f: f" (kollegaen valgte »{value_label(f, colleague[f][1])}«)"
                 for f in mine if f in colleague and colleague[f][1] != mine[f][1]}
        st.error("**En kollega har gemt sagen, mens du havde den åben.** Dine ændringer er ikke "
                 "gemt. Formularen viser nu den version, kollegaen gemte.",
                 icon=":material/sync_problem:")
        with st.container(border=True):
            st.markdown("**Kollegaen ændrede:**\n" + (
                _lines(case, model, colleague, {})
                or "- intet i tiltagene (sagens status eller niveau kan være ændret)"))
            st.markdown("**Dine ændringer, som ikke er gemt:**\n" + (
                _lines(case, model, mine, clash) or "- ingen"))
            left, right = st.columns(2)
            left.button("Sæt mine ændringer ind igen", type="primary", icon=":material/undo:",
                        on_click=_reapply, args=(case,), key=f"f_{case.code}_reapply",
                        disabled=not mine or case.status != "open")
            right.button("Behold kollegaens version", on_click=_discard, args=(case,),
                         key=f"f_{case.code}_discard")
        return
    done = reapplied(case)
    if done is not None:
        text = ("Dine ændringer er sat ind i formularen over kollegaens version. Tjek dem, og "
                "tryk »Gem opfølgning«.")
        if done.clashes:
            text += " Kollegaen havde også ændret: " + "; ".join(
                field_label(case, model, f) for f in sorted(done.clashes)) + "."
        if done.dropped:
            text += " Sagen har ikke længere: " + "; ".join(
                field_label(case, model, f) for f in sorted(done.dropped)) + "."
        st.info(text, icon=":material/edit_note:")
