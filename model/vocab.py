"""Coarse vocabularies of a case record: stored codes and their Danish labels.

These are the only values a case can hold outside the model's own measures; coarse on purpose, so that
no combination of them singles out a victim (month not date, age band not age, type not school).
"""

from __future__ import annotations

AGE_BANDS: dict[str, str] = {
    "under_13": "Under 13 år",
    "13_15": "13-15 år",
    "16_17": "16-17 år",
    "18_plus": "18 år eller derover",
}
UNDER_18 = frozenset({"under_13", "13_15", "16_17"})

GENDERS: dict[str, str] = {
    "pige": "Pige/kvinde",
    "dreng": "Dreng/mand",
    "andet": "Andet",
    "uoplyst": "Ønsker ikke at oplyse",
}

INSTITUTION_TYPES: dict[str, str] = {
    "grundskole": "Grundskole",
    "efterskole": "Efterskole",
    "gymnasium": "Gymnasium/HF",
    "erhvervsskole": "Erhvervsskole",
    "anden_uddannelse": "Anden uddannelse",
    "ingen": "Ingen uddannelsesinstitution",
}

PLATFORMS: dict[str, str] = {
    "snapchat": "Snapchat",
    "instagram": "Instagram",
    "tiktok": "TikTok",
    "facebook": "Facebook/Messenger",
    "whatsapp": "WhatsApp",
    "sms_mms": "SMS/MMS",
    "discord": "Discord",
    "pornografisk_side": "Pornografisk hjemmeside",
    "andet": "Anden platform",
}

CASE_STATUS: dict[str, str] = {"open": "Åben", "closed": "Lukket"}

MEASURE_STATUS: dict[str, str] = {
    "planned": "Planlagt",
    "done": "Udført",
    "not_relevant": "Ikke relevant",
}

TAKEDOWN_OUTCOMES: dict[str, str] = {
    "not_requested": "Ikke anmodet",
    "requested": "Anmodet, afventer svar",
    "removed": "Fjernet",
    "refused": "Afvist af platformen",
    "police_handles": "Politiet håndterer sletning",
}

# A reason for choosing another level than the proposal names a direction, or fits both: a weaker
# reaction cannot justify a higher level, nor wider spread or vulnerability a lower one.
RAISE, LOWER = "raise", "lower"
OVERRIDE_REASONS: dict[str, str] = {
    "reaction_stronger": "Ofrets reaktion er stærkere end billedet tilsiger",
    "reaction_weaker": "Ofrets reaktion er svagere end billedet tilsiger",
    "spread_wider": "Billedet er spredt mere end oplyst i formularen",
    "vulnerable": "Ofret er særligt sårbart af andre grunde",
    "police_advice": "Politiets ressourceperson har vurderet anderledes",
    "other_professional": "Anden faglig vurdering",
}
OVERRIDE_DIRECTIONS: dict[str, frozenset[str]] = {
    "reaction_stronger": frozenset({RAISE}),
    "reaction_weaker": frozenset({LOWER}),
    "spread_wider": frozenset({RAISE}),
    "vulnerable": frozenset({RAISE}),
    "police_advice": frozenset({RAISE, LOWER}),
    "other_professional": frozenset({RAISE, LOWER}),
}
