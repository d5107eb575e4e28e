"""The widgets of the triage form and the proposal panel; they read and draw, the engine decides."""

from __future__ import annotations

import uuid
from datetime import date

import streamlit as st

from model.case import NUDITY, SPREAD, CaseFacts
from model.danish import month_label
from model.handling_model import STRENGTH_LABELS, HandlingModel
from model.months import recent_months
from model.triage import Assessment, plan
from model.vocab import AGE_BANDS, GENDERS, INSTITUTION_TYPES, OVERRIDE_REASONS, PLATFORMS
from pages.components.case_labels import level_label
from pages.components.choice import choice

PREFIX = "t_"


def submission_id() -> str:
    """The form's idempotency key: the same until the user starts a new case."""
    if f"{PREFIX}submission" not in st.session_state:
        st.session_state[f"{PREFIX}submission"] = uuid.uuid4().hex
    return st.session_state[f"{PREFIX}submission"]


def reset_form() -> None:
    """Forget every field and the saved case, and take a new submission id (button callback)."""
    for key in [k for k in st.session_state if str(k).startswith(PREFIX)]:
        del st.session_state[key]


def _choice(label: str, options: dict, key: str, placeholder: str, **kw):
    """An answer that starts empty and that Esc cannot clear (see pages/components/choice.py)."""
    return choice(label, options, none_label=placeholder, key=PREFIX + key, **kw)


def victim_fields(today: date) -> tuple[str | None, str | None, str | None, date]:
    """Age band, gender, institution type and month of the case."""
    st.header("Ofret", anchor=False)
    left, right = st.columns(2)
    with left:
        age = _choice("Aldersgruppe", AGE_BANDS, "age", "Vælg gruppe")
        institution = _choice("Uddannelsesinstitution (type)", INSTITUTION_TYPES, "institution",
                              "Vælg type")
    with right:
        gender = _choice("Køn (valgfrit)", GENDERS, "gender", "Ikke angivet")
        month = st.selectbox("Måned for henvendelsen", recent_months(today), format_func=month_label,
                             key=PREFIX + "month")
    return age, gender, institution, month


def image_fields() -> tuple[str | None, bool, bool, bool]:
    st.header("Billedet", anchor=False)
    nudity = _choice("Hvad viser billedet?", NUDITY, "nudity", "Vælg det, der passer bedst")
    face = st.checkbox("Ansigtet er genkendeligt", key=PREFIX + "face")
    identity = st.checkbox("Ofrets fulde identitet fremgår (fx navn eller profil)",
                           key=PREFIX + "identity")
    erotic = st.checkbox("Billedet har et erotisk eller pornografisk motiv", key=PREFIX + "erotic")
    return nudity, face, identity, erotic


def context_fields() -> tuple[str, tuple[str, ...], bool, bool]:
    st.header("Sammenhængen", anchor=False)
    spread = st.selectbox("Hvor bredt er billedet delt?", list(SPREAD), format_func=SPREAD.get,
                          key=PREFIX + "spread")
    platforms = st.multiselect("Medieplatforme", list(PLATFORMS), format_func=PLATFORMS.get,
                               key=PREFIX + "platforms", placeholder="Vælg en eller flere",
                               select_all=False)  # an English "Select all", hit by accident
    revenge = st.checkbox("Der er et hævnmotiv", key=PREFIX + "revenge")
    threats = st.checkbox("Der er trusler", key=PREFIX + "threats")
    return spread, tuple(platforms), revenge, threats


def reaction_fields(model: HandlingModel) -> tuple[int | None, tuple[str, ...]]:
    st.header("Ofrets reaktion", anchor=False)
    options = [None, *model.level_numbers]
    reaction = st.radio(
        "Hvilken beskrivelse passer bedst på ofrets reaktion?", options,
        format_func=lambda n: "Endnu uklart" if n is None else model.level(n).title,
        key=PREFIX + "reaction")
    signals = st.multiselect("Signaler, du har bemærket", list(model.signal_labels),
                             format_func=model.signal_labels.get, key=PREFIX + "signals",
                             placeholder="Vælg dem, der passer", select_all=False)
    return reaction, tuple(signals)


def facts_from(age: str | None, image: tuple, context: tuple, reaction: tuple) -> CaseFacts | None:
    """The facts once the two required answers (age band and image) are given, else None."""
    nudity, face, identity, erotic = image
    if age is None or nudity is None:
        return None
    spread, platforms, revenge, threats = context
    return CaseFacts(age_band=age, nudity=nudity, spread=spread, face_recognisable=face,
                     identity_exposed=identity, erotic_motif=erotic, revenge_motive=revenge,
                     threats=threats, reaction=reaction[0], signals=reaction[1],
                     platforms=platforms)


def show_proposal(model: HandlingModel, result: Assessment) -> None:
    """The proposed level, why, the legal prompts and the measures in order."""
    st.header("Forslag", anchor=False)
    st.subheader(level_label(model, result.proposed_level), anchor=False)
    st.markdown("**Derfor:**\n" + "\n".join(
        f"- {r.text}" + (" *(faglig tolkning)*" if r.basis == "tolkning" else "")
        for r in result.reasons))
    for notice in result.notices:
        st.info(notice, icon=":material/gavel:")
    st.markdown("**Tiltag i rækkefølge:**\n" + _measure_list(result.measures))
    st.caption(model.level(result.proposed_level).duration)


def _measure_list(measures) -> str:
    return "\n".join(f"{i}. {m.text} · *{STRENGTH_LABELS[m.strength]}*"
                     for i, m in enumerate(measures, start=1))


def show_chosen_measures(model: HandlingModel, facts: CaseFacts, level: int) -> None:
    """The plan of the level the contact chose instead of the proposal, before they save it."""
    chosen = plan(facts, model, level)
    with st.container(border=True):
        st.markdown(f"**Tiltag, hvis du gemmer sagen på {level_label(model, level)}:**\n"
                    + _measure_list(chosen.measures))
        st.caption(model.level(level).duration)


def level_choice(model: HandlingModel, proposed: int) -> tuple[int, str | None]:
    """The contact's level: the proposal, or another one with a reason from the fixed list."""
    other = st.toggle("Jeg vurderer, at et andet niveau passer bedre", key=PREFIX + "override")
    if not other:
        return proposed, None
    choices = [n for n in model.level_numbers if n != proposed]
    level = st.selectbox("Niveau", choices, format_func=lambda n: level_label(model, n),
                         key=PREFIX + "level")
    reason = _choice("Begrundelse", OVERRIDE_REASONS, "reason", "Vælg en begrundelse")
    return level, reason
