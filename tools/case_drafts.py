"""Varied, valid case drafts (fixed seed, fictitious) for demo data and the load and crash scripts."""

from __future__ import annotations

import random
from datetime import date

from db.model_registry import current_model
from model.case import NUDITY, SPREAD, CaseDraft, CaseFacts
from model.triage import assess
from model.vocab import AGE_BANDS, INSTITUTION_TYPES, PLATFORMS


def random_draft(rng: random.Random, submission_id: str, today: date) -> CaseDraft:
    """A draft that passes validation: the chosen level is the proposal."""
    model = current_model(today)
    facts = CaseFacts(
        age_band=rng.choice(list(AGE_BANDS)), nudity=rng.choice(list(NUDITY)),
        spread=rng.choice(list(SPREAD)), face_recognisable=rng.random() < 0.5,
        identity_exposed=rng.random() < 0.2, erotic_motif=rng.random() < 0.2,
        revenge_motive=rng.random() < 0.2, threats=rng.random() < 0.1,
        reaction=rng.choice([None, *model.level_numbers]),
        signals=tuple(rng.sample(list(model.signal_labels), rng.randint(0, 2))),
        platforms=tuple(rng.sample(list(PLATFORMS), rng.randint(0, 2))),
    )
    level = assess(facts, model).proposed_level
    month = today.replace(day=1, month=rng.randint(1, today.month))
    return CaseDraft(facts=facts, month=month, institution_type=rng.choice(list(INSTITUTION_TYPES)),
                     chosen_level=level, model_version=model.version, submission_id=submission_id)
