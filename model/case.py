"""A case as the triage form gives it: coarse, anonymous facts and the contact's choice of level.

Validation lists every problem in Danish so the form can say what to fix; nothing reaches the database
unless `validate_draft` passes. The facts are what the triage engine reads (model/triage.py).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date

from model.errors import ValidationError
from model.handling_model import HandlingModel
from model.months import first_of_month
from model.privacy import identifier_problems
from model.vocab import AGE_BANDS, GENDERS, INSTITUTION_TYPES, OVERRIDE_REASONS, PLATFORMS, UNDER_18

# What the image shows, least to most exposing (the source's "grad af nøgenhed").
NUDITY: dict[str, str] = {
    "clothed": "Påklædt",
    "underwear": "Undertøj eller bikini",
    "partly_nude": "Nøgne dele af kroppen",
    "nude": "Nøgenbillede",
}
SEXUAL_NUDITY = frozenset({"partly_nude", "nude"})

# How widely the image is known to be shared.
SPREAD: dict[str, str] = {
    "unknown": "Ved ikke",
    "few": "Få personer",
    "many": "Mange personer (fx en klasse eller skole)",
    "public": "Offentligt (fx en åben side eller profil)",
}

NOTE_MAX = 200
FIRST_MONTH = date(2016, 1, 1)  # the pilot year; no case is older


@dataclass(frozen=True)
class CaseFacts:
    """The facts the engine reads; `reaction` is the number of the level whose reaction fits."""

    age_band: str
    nudity: str
    spread: str = "unknown"
    face_recognisable: bool = False
    identity_exposed: bool = False
    erotic_motif: bool = False
    revenge_motive: bool = False
    threats: bool = False
    reaction: int | None = None
    signals: tuple[str, ...] = ()
    platforms: tuple[str, ...] = ()

    @property
    def under_18(self) -> bool:
        return self.age_band in UNDER_18

    @property
    def sexual_image(self) -> bool:
        return self.nudity in SEXUAL_NUDITY or self.erotic_motif

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> CaseFacts:
        raw = json.loads(text)
        raw["signals"] = tuple(raw.get("signals", ()))
        raw["platforms"] = tuple(raw.get("platforms", ()))
        return cls(**raw)


@dataclass(frozen=True)
class CaseDraft:
    """Everything the form submits; the district is not here: it comes from the user's membership."""

    facts: CaseFacts
    month: date
    institution_type: str
    chosen_level: int
    model_version: str
    submission_id: str
    gender: str | None = None
    override_reason: str | None = None
    note: str | None = None


def facts_problems(facts: CaseFacts, model: HandlingModel) -> list[str]:
    """Danish problems of the facts against the vocabularies and the model version."""
    problems = []
    if facts.age_band not in AGE_BANDS:
        problems.append("Vælg ofrets aldersgruppe.")
    if facts.nudity not in NUDITY:
        problems.append("Vælg, hvad billedet viser.")
    if facts.spread not in SPREAD:
        problems.append("Vælg, hvor bredt billedet er delt.")
    for name in ("face_recognisable", "identity_exposed", "erotic_motif", "revenge_motive", "threats"):
        if not isinstance(getattr(facts, name), bool):
            problems.append("Et af afkrydsningsfelterne har en ugyldig værdi.")
            break
    if facts.reaction is not None and facts.reaction not in model.level_numbers:
        problems.append("Vælg en af modellens beskrivelser af ofrets reaktion.")
    if any(s not in model.signal_labels for s in facts.signals):
        problems.append("Vælg kun signaler fra listen.")
    if len(set(facts.signals)) != len(facts.signals):
        problems.append("Et signal er valgt to gange.")
    if any(p not in PLATFORMS for p in facts.platforms):
        problems.append("Vælg kun medieplatforme fra listen.")
    if len(set(facts.platforms)) != len(facts.platforms):
        problems.append("En medieplatform er valgt to gange.")
    return problems


def draft_problems(draft: CaseDraft, model: HandlingModel, proposed_level: int,
                   today: date) -> list[str]:
    """Every Danish problem of a draft; `proposed_level` is the engine's, recomputed by the caller."""
    problems = facts_problems(draft.facts, model)
    if draft.model_version != model.version:
        problems.append("Sagen er vurderet efter en anden version af modellen. Genindlæs siden.")
    if not isinstance(draft.month, date) or draft.month.day != 1:
        problems.append("Vælg sagens måned.")
    elif not FIRST_MONTH <= draft.month <= first_of_month(today):
        problems.append("Sagens måned skal ligge mellem januar 2016 og denne måned.")
    if draft.institution_type not in INSTITUTION_TYPES:
        problems.append("Vælg typen af uddannelsesinstitution.")
    if draft.gender is not None and draft.gender not in GENDERS:
        problems.append("Vælg et køn fra listen, eller lad feltet stå tomt.")
    if draft.chosen_level not in model.level_numbers:
        problems.append("Vælg et af modellens niveauer.")
    elif draft.chosen_level != proposed_level:
        if draft.override_reason not in OVERRIDE_REASONS:
            problems.append("Du har valgt et andet niveau end forslaget. Vælg en begrundelse.")
    elif draft.override_reason is not None:
        problems.append("Der skal kun angives en begrundelse, når du vælger et andet niveau.")
    if draft.note:
        if len(draft.note) > NOTE_MAX:
            problems.append(f"Bemærkningen må højst være {NOTE_MAX} tegn.")
        problems.extend(identifier_problems(draft.note, "Bemærkning"))
    if not isinstance(draft.submission_id, str) or not 8 <= len(draft.submission_id) <= 64:
        problems.append("Formularen mangler sin id. Genindlæs siden.")
    return problems


def check_draft(draft: CaseDraft, model: HandlingModel, proposed_level: int, today: date) -> None:
    problems = draft_problems(draft, model, proposed_level, today)
    if problems:
        raise ValidationError(problems)
