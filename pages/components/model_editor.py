"""Editing a draft: a level's texts, levels added on top or removed from the top, and measures.

Each form saves the whole draft (db/model_drafts.save_draft) with the row version it was drawn from,
so a colleague's edit meanwhile is a conflict. A draft may hold problems while it is worked on; the
page lists them, and publishing refuses until there are none. Indicators: indicator_editor.py.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from db import model_drafts as drafts
from db.model_registry import model_of
from model.errors import DomainError
from model.handling_model import STRENGTH_LABELS, HandlingModel, Level, Measure, Strength
from model.model_edit import add_level, remove_top_level, with_level
from pages.components.indicator_editor import indicators_section
from pages.components.model_flash import flash
from pages.components.session import show_error

NEW = "__new__"
LEVEL_KEY = "model_edit_level"
NEXT_LEVEL = "model_edit_level_next"  # the level to open after a save (set before the widget exists)


def save(scope, draft: drafts.Draft, model: HandlingModel, message: str,
         level: int | None = None) -> None:
    """Store the edited model; on success show `message` after the rerun (and open `level`)."""
    try:
        drafts.save_draft(scope, draft.draft_id, draft.row_version, model)
    except DomainError as exc:
        show_error(exc)
        return
    if level is not None:
        st.session_state[NEXT_LEVEL] = level
    flash(message)
    st.rerun()


def _key(draft: drafts.Draft, *parts: object) -> str:
    return "_".join(["me", str(draft.draft_id), str(draft.row_version), *map(str, parts)])


def editor(scope, draft: drafts.Draft) -> None:
    model = draft.model
    if NEXT_LEVEL in st.session_state:
        st.session_state[LEVEL_KEY] = st.session_state.pop(NEXT_LEVEL)
    if st.session_state.get(LEVEL_KEY) not in model.level_numbers:
        st.session_state[LEVEL_KEY] = model.level_numbers[0]
    # By number only: a title a leader typed can be longer than the box (cut at 1024 px); the
    # chosen level's title stands in full in its text form right below.
    number = st.selectbox("Niveau", model.level_numbers, key=LEVEL_KEY,
                          format_func=lambda n: f"Niveau {n}")
    level = model.level(number)
    _level_texts(scope, draft, level)
    st.subheader("Indikatorer", anchor=False)
    indicators_section(scope, draft, level, save)
    st.subheader("Tiltag", anchor=False)
    _measures(scope, draft, level)
    st.subheader("Niveauer", anchor=False)
    _add_level(scope, draft)
    top = model.levels[-1]
    if len(model.levels) > 1 and st.button(f"Fjern det øverste niveau (niveau {top.number})",
                                           key=_key(draft, "remove_top"),
                                           icon=":material/delete:"):
        save(scope, draft, remove_top_level(model), f"Niveau {top.number} er fjernet.",
             model.levels[-2].number)


def _level_texts(scope, draft: drafts.Draft, level: Level) -> None:
    with st.form(_key(draft, "texts", level.number)):
        st.markdown(f"**Tekster for niveau {level.number}**")
        title = st.text_input("Titel (ofrets reaktion)", value=level.title)
        image = st.text_area("Billedet", value=level.image, height=80)
        offence = st.text_area("Krænkelsen (valgfri)", value=level.offence, height=68)
        help_text = st.text_area("Hjælpen", value=level.help, height=120)
        duration = st.text_area("Varighed", value=level.duration, height=68)
        police = st.checkbox("Politiet afgør, hvordan billeder slettes (bevissikring)",
                             value=level.police_decide_deletion)
        if st.form_submit_button("Gem teksterne", type="primary"):
            edited = replace(level, title=title.strip(), image=image.strip(),
                             offence=offence.strip(), help=help_text.strip(),
                             duration=duration.strip(), police_decide_deletion=police)
            save(scope, draft, with_level(draft.model, edited),
                 f"Teksterne for niveau {level.number} er gemt.", level.number)


def _add_level(scope, draft: drafts.Draft) -> None:
    number = draft.model.levels[-1].number + 1
    with st.expander(f"Tilføj niveau {number} øverst", icon=":material/add:"), \
            st.form(_key(draft, "add_level"), border=False):
        st.caption("Et nyt niveau lægges over det højeste. Skriv dets tekster; tilføj derefter "
                   "indikatorer og tiltag.")
        title = st.text_input("Titel (ofrets reaktion)", key=_key(draft, "new_title"))
        image = st.text_area("Billedet", key=_key(draft, "new_image"), height=80)
        offence = st.text_area("Krænkelsen (valgfri)", key=_key(draft, "new_offence"), height=68)
        help_text = st.text_area("Hjælpen", key=_key(draft, "new_help"), height=100)
        duration = st.text_area("Varighed", key=_key(draft, "new_duration"), height=68)
        if st.form_submit_button("Tilføj niveauet", type="primary"):
            model = add_level(draft.model, title, image, help_text, duration, offence)
            save(scope, draft, model, f"Niveau {number} er tilføjet.", number)


def _due_label(months: int | None) -> str:
    if months is None:
        return "Ingen frist"
    return "Samme måned" if months == 0 else f"{months} md. efter sagens måned"


def _known_labels(draft: drafts.Draft) -> dict[str, str]:
    """Measure keys with their short names, from the draft and its parent."""
    return {**model_of(draft.parent_version).measure_labels(), **draft.model.measure_labels()}


def _measures(scope, draft: drafts.Draft, level: Level) -> None:
    if level.measures:
        st.table([{
            "Nr.": i, "Styrke": STRENGTH_LABELS[m.strength], "Tekst": m.text,
            "Kort navn": m.label or "–", "Frist": _due_label(m.due_months),
            "Politi/sletning": " · ".join(
                t for t, on in (("sikrer beviser", m.secures_evidence),
                                ("anmoder om sletning", m.deletes_images)) if on) or "–",
        } for i, m in enumerate(level.measures, start=1)])
    else:
        st.info("Niveauet har endnu ingen tiltag.", icon=":material/info:")
    labels = _known_labels(draft)
    keys = [m.key for m in level.measures]
    which = st.selectbox("Ret et tiltag eller tilføj et nyt", [*keys, NEW],
                         format_func=lambda k: "Tilføj et tiltag" if k == NEW else labels.get(k, k),
                         key=_key(draft, "measure_pick", level.number))
    current = level.measure(which) if which != NEW else None
    with st.form(_key(draft, "measure", level.number, which)):
        if current is None:
            choices = [k for k in labels if k not in keys] + [NEW]
            key = st.selectbox("Tiltag", choices,
                               format_func=lambda k: "Et helt nyt tiltag" if k == NEW else labels[k])
            new_key = st.text_input("Nøgle for et helt nyt tiltag (små bogstaver og _)")
        else:
            key, new_key = current.key, ""
            st.caption(f"Nøgle: `{current.key}`")
        label = st.text_input("Kort navn (det samme på alle niveauer)",
                              value=current.label if current else "")
        text = st.text_area("Tekst", value=current.text if current else "", height=80)
        strength = st.radio("Styrke", list(Strength), format_func=STRENGTH_LABELS.get,
                            horizontal=True,
                            index=list(Strength).index(current.strength) if current else 0)
        due = st.selectbox("Frist (kun for skal-tiltag)", [None, *range(0, 25)],
                           format_func=_due_label,
                           index=0 if not current or current.due_months is None
                           else current.due_months + 1)
        evidence = st.checkbox("Kontakt til politiet, der sikrer beviser (kommer før sletning)",
                               value=bool(current and current.secures_evidence))
        deletes = st.checkbox("Anmoder medieplatforme om at fjerne billeder",
                              value=bool(current and current.deletes_images))
        count = len(keys) if current else len(keys) + 1
        position = st.number_input("Placering blandt niveauets tiltag", 1, max(count, 1),
                                   value=keys.index(which) + 1 if current else count)
        if st.form_submit_button("Gem tiltaget", type="primary"):
            chosen_key = new_key.strip() if key == NEW else key
            measure = Measure(chosen_key, text.strip(), strength,
                              label.strip() or labels.get(chosen_key, ""), evidence, deletes, due)
            rest = [m for m in level.measures if m.key != (current.key if current else None)]
            rest.insert(int(position) - 1, measure)
            save(scope, draft, with_level(draft.model, replace(level, measures=tuple(rest))),
                 "Tiltaget er gemt.", level.number)
    if current is not None and st.button("Fjern tiltaget fra niveauet", icon=":material/delete:",
                                         key=_key(draft, "measure_remove", level.number, which)):
        rest = tuple(m for m in level.measures if m.key != current.key)
        save(scope, draft, with_level(draft.model, replace(level, measures=rest)),
             "Tiltaget er fjernet.", level.number)
