"""The audit log in Danish: names of actions and objects, and an entry's details as sentences.

Codes stay English in the data (they are the log's stable vocabulary); the page and the audit
export show these names. Unknown codes are shown as they are, never hidden.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from model.access import ROLE_LABELS, Role
from model.course_vocab import REGISTRATION_STATUS, RESOURCE_ROLES
from model.danish import integer
from model.handling_model import load_model, versions
from model.vocab import MEASURE_STATUS, PLATFORMS, TAKEDOWN_OUTCOMES

ACTION_LABELS: dict[str, str] = {
    "user.first_login": "Første login",
    "user.login": "Logget ind",
    "user.logout": "Logget ud",
    "membership.assign": "Rolle tildelt",
    "membership.change": "Rolle ændret",
    "membership.revoke": "Rolle fjernet",
    "membership.bootstrap_admin": "Første administrator oprettet",
    "case.create": "Sag oprettet",
    "case.follow_up": "Sag fulgt op",
    "case.close": "Sag lukket",
    "case.reopen": "Sag genåbnet",
    "case.plan_download": "Handleplan hentet",
    "course.create": "Kursus oprettet",
    "course.update": "Kursus ændret",
    "course.cancel": "Kursus aflyst",
    "course.held": "Kursus markeret afholdt",
    "course.attendance": "Fremmøde registreret",
    "participant.register": "Deltager tilmeldt",
    "participant.import": "Deltagere indlæst fra fil",
    "participant.cancel": "Deltager afmeldt",
    "participant.export": "Deltagerliste eksporteret",
    "participant.anonymise": "Deltagere anonymiseret (opbevaringsfrist)",
    "stats.export": "Statistik eksporteret",
    "audit.export": "Revisionslog eksporteret",
    "help_contact.save": "Lokal kontakt eller hjælpelinje gemt",
    "help_contact.remove": "Lokal kontakt eller hjælpelinje fjernet",
    "synthetic.generate": "Syntetiske sager dannet",
    "demo.seed_courses": "Demokurser dannet",
}


def action_label(action: str) -> str:
    """The Danish name, or the code itself for an action this table does not know yet."""
    return ACTION_LABELS.get(action, action)


OBJECT_LABELS: dict[str, str] = {
    "case": "Sag",
    "cases": "Sager",
    "course": "Kursus",
    "participant": "Deltager",
    "membership": "Rolle",
    "user": "Bruger",
    "stats_table": "Statistiktabel",
    "audit_log": "Revisionslog",
    "help_contact": "Lokal kontakt eller hjælpelinje",
}


def object_label(object_type: str | None) -> str:
    return "" if not object_type else OBJECT_LABELS.get(object_type, object_type)


_KEYS: dict[str, str] = {
    "email": "E-mail", "role": "Rolle", "from": "Før", "to": "Efter", "issuer": "Login-udbyder",
    "subject": "Bruger-id hos udbyderen", "model_version": "Modelversion",
    "proposed_level": "Foreslået niveau", "chosen_level": "Valgt niveau",
    "measures": "Antal tiltag", "course_id": "Kursus-id", "status": "Status",
    "was": "Status før", "promoted": "Fik plads fra ventelisten (deltager-id)",
    "format": "Format", "rows": "Rækker", "participant_ids": "Deltager-id",
    "skipped_rows": "Rækker med fejl, ikke indlæst", "waiting": "På venteliste",
    "attended": "Mødt (deltager-id)", "absent": "Ikke mødt (deltager-id)", "starts_at": "Start",
    "place": "Sted", "capacity": "Pladser", "months": "Måneder", "by_role": "Efter rolle",
    "page": "Side", "table": "Tabel", "filter": "Filter", "seed": "Frø",
    "first_month": "Første måned", "courses": "Kurser", "police_consulted":
    "Politiets ressourceperson er kontaktet", "police_report_filed": "Sagen er politianmeldt",
    "district": "Politikreds", "kind": "Slags", "name": "Navn", "phone": "Telefon",
    "note": "Bemærkning", "levels": "Niveauer", "districts": "Politikredse",
    "first_months": "Fra måned", "last_month": "Til måned", "version": "Modelversion",
}
_FORMATS = {"csv": "CSV", "xlsx": "Excel", "signin": "Underskriftsliste (HTML)", "png": "PNG",
            "svg": "SVG", "html": "HTML"}


def _measure_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for version in versions():
        names.update(load_model(version).measure_labels())
    return names


def _value(key: str, value: Any, districts: Mapping[str, str]) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if value is None:
        return "–"
    if isinstance(value, int):
        return integer(value) if key not in ("course_id", "seed") else str(value)
    if isinstance(value, list | tuple):
        if key in ("from", "to") and len(value) == 2:  # a membership: [role, district]
            return ", ".join(_value("role", value[0], districts) if i == 0 else
                             districts.get(value[1] or "", "hele landet")
                             for i in range(2))
        return ", ".join(_value(key, v, districts) for v in value) or "ingen"
    if isinstance(value, dict):
        return "; ".join(f"{_key(k)}: {_value(k, v, districts)}" for k, v in value.items()) or "–"
    text = str(value)
    if key == "role":
        return ROLE_LABELS[Role(text)] if text in Role._value2member_map_ else \
            RESOURCE_ROLES.get(text, text)
    if key in ("district", "districts"):
        return districts.get(text, text)
    if key in ("status", "was"):
        return REGISTRATION_STATUS.get(text, text)
    if key == "format":
        return _FORMATS.get(text, text)
    return text


def _key(key: str) -> str:
    return _KEYS.get(key, key)


def describe(details: str | Mapping[str, Any] | None, districts: Mapping[str, str]) -> list[str]:
    """An entry's details as Danish lines ("Rolle: Projektleder"), one per detail."""
    if not details:
        return []
    data = json.loads(details) if isinstance(details, str) else dict(details)
    lines = []
    for key, value in data.items():
        if key.startswith("measure."):
            name = _measure_names().get(key.removeprefix("measure."), key.removeprefix("measure."))
            lines.append(f"Tiltag »{name}«: {MEASURE_STATUS.get(value, value)}")
        elif key.startswith("takedown."):
            platform = key.removeprefix("takedown.")
            lines.append(f"Anmodning til {PLATFORMS.get(platform, platform)}: "
                         f"{TAKEDOWN_OUTCOMES.get(value, value)}")
        else:
            lines.append(f"{_key(key)}: {_value(key, value, districts)}")
    return lines
