"""A model version as TOML text in the shipped format (model/definitions/2018.toml), and back.

Drafts are stored, exported and imported in this format, so a version can be reviewed outside the
app and read by the same parser as the shipped files. `dump_model` writes a canonical text (fixed key
order, no comments); `read_model` reads any text in the format and names every problem in Danish.
"""

from __future__ import annotations

import json
import tomllib
from typing import Any

from model.errors import ValidationError
from model.handling_model import HandlingModel, Level, Measure, Prompt, Range, Strength, model_from_raw

MAX_BYTES = 200_000  # a definition is a few kB; anything far larger is not one
_STRENGTHS = {s.value for s in Strength}


def _string(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's, except DEL, which TOML wants escaped)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007F")


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, Range):
        bounds = [f"{name} = {getattr(value, name)}" for name in ("at_least", "at_most")
                  if getattr(value, name) is not None]
        return "{ " + ", ".join(bounds) + " }"
    raise TypeError(f"cannot write {value!r}")


def _when(when: tuple[tuple[str, Any], ...]) -> str:
    return "{ " + ", ".join(f"{name} = {_value(v)}" for name, v in when) + " }"


def _measure(m: Measure) -> list[str]:
    lines = ["", "[[levels.measures]]", f"key = {_string(m.key)}"]
    if m.label:
        lines.append(f"label = {_string(m.label)}")
    lines += [f"text = {_string(m.text)}", f"strength = {_string(m.strength.value)}"]
    if m.secures_evidence:
        lines.append("secures_evidence = true")
    if m.deletes_images:
        lines.append("deletes_images = true")
    if m.due_months is not None:
        lines.append(f"due_months = {m.due_months}")
    return lines


def _level(lvl: Level) -> list[str]:
    lines = ["", "[[levels]]", f"number = {lvl.number}", f"title = {_string(lvl.title)}",
             f"image = {_string(lvl.image)}", f"offence = {_string(lvl.offence)}",
             f"help = {_string(lvl.help)}", f"duration = {_string(lvl.duration)}",
             f"police_decide_deletion = {_value(lvl.police_decide_deletion)}"]
    for c in lvl.indicators:
        lines += ["", "[[levels.indicators]]", f"reason = {_string(c.reason)}",
                  f"basis = {_string(c.basis)}", f"when = {_when(c.when)}"]
    for m in lvl.measures:
        lines += _measure(m)
    return lines


def _prompt(p: Prompt) -> list[str]:
    return ["", "[[prompts]]", f"key = {_string(p.key)}", f"text = {_string(p.text)}",
            f"measure = {_string(p.measure)}", f"strength = {_string(p.strength.value)}",
            f"when = {_when(p.when)}"]


def dump_model(model: HandlingModel, header: str = "") -> str:
    """The model as TOML; `header` (e.g. an export id) goes first as comment lines."""
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    lines += [f"version = {_string(model.version)}", f"title = {_string(model.title)}",
              f"source = {_string(model.source)}"]
    if model.announced_levels is not None:
        lines.append(f"announced_levels = {model.announced_levels}")
    if model.signals:
        lines += ["", "[signals]"] + [f"{key} = {_string(text)}" for key, text in model.signals]
    for lvl in model.levels:
        lines += _level(lvl)
    for prompt in model.prompts:
        lines += _prompt(prompt)
    return "\n".join(lines) + "\n"


# --- reading ------------------------------------------------------------------------------------

_LEVEL_TEXTS = {"title": "en titel", "image": "en beskrivelse af billedet", "help": "en beskrivelse "
                "af hjælpen", "duration": "en varighed"}


def _table_list(raw: dict, name: str, where: str, problems: list[str]) -> list[dict]:
    items = raw.get(name, [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        problems.append(f"{where}: »{name}« skal være en liste af tabeller ([[{name}]]).")
        return []
    return items


def _structure_problems(raw: dict[str, Any]) -> list[str]:
    """What keeps the text from being read as a model at all (missing or mistyped keys)."""
    problems: list[str] = []
    if not isinstance(raw.get("version", ""), str):
        problems.append("»version« skal være en tekst.")
    if not isinstance(raw.get("signals", {}), dict) or not all(
            isinstance(v, str) for v in raw.get("signals", {}).values()):
        problems.append("[signals] skal knytte hver signalnøgle til en tekst.")
    levels = _table_list(raw, "levels", "Modellen", problems)
    if not levels:
        problems.append("Modellen skal have mindst ét niveau ([[levels]]).")
    for i, lvl in enumerate(levels, start=1):
        where = f"Niveau nr. {i} i filen"
        if not isinstance(lvl.get("number"), int) or isinstance(lvl.get("number"), bool):
            problems.append(f"{where} mangler sit nummer (number = {i}).")
        for key, what in _LEVEL_TEXTS.items():
            if not isinstance(lvl.get(key), str):
                problems.append(f"{where} mangler {what} (»{key}«).")
        for j, c in enumerate(_table_list(lvl, "indicators", where, problems), start=1):
            if not isinstance(c.get("reason"), str) or not isinstance(c.get("when"), dict):
                problems.append(f"{where}, indikator {j}: skal have »reason« (tekst) og »when« "
                                "(betingelse).")
        for j, m in enumerate(_table_list(lvl, "measures", where, problems), start=1):
            if not all(isinstance(m.get(k), str) for k in ("key", "text", "strength")):
                problems.append(f"{where}, tiltag {j}: skal have »key«, »text« og »strength«.")
            elif m["strength"] not in _STRENGTHS:
                problems.append(f"{where}, tiltag {j}: styrken skal være must, should_consider "
                                "eller may_consider.")
            if "due_months" in m and (not isinstance(m["due_months"], int)
                                      or isinstance(m["due_months"], bool)):
                problems.append(f"{where}, tiltag {j}: »due_months« skal være et helt tal.")
    numbers = [lvl.get("number") for lvl in levels]
    if not problems and numbers != list(range(1, len(levels) + 1)):
        problems.append("Niveauerne skal være nummereret 1, 2, 3 ... i rækkefølge.")
    for lvl in levels:
        keys = [m.get("key") for m in lvl.get("measures", []) if isinstance(m, dict)]
        if len(keys) != len(set(keys)):
            problems.append(f"Niveau {lvl.get('number')} har det samme tiltag (key) to gange.")
    known = {m.get("key") for lvl in levels for m in lvl.get("measures", []) if isinstance(m, dict)}
    for j, p in enumerate(_table_list(raw, "prompts", "Modellen", problems), start=1):
        if not all(isinstance(p.get(k), str) for k in ("key", "text", "measure", "strength")) \
                or not isinstance(p.get("when"), dict) or p.get("strength") not in _STRENGTHS:
            problems.append(f"Påmindelse {j}: skal have »key«, »text«, »measure«, »strength« og "
                            "»when«.")
        elif p["measure"] not in known:
            problems.append(f"Påmindelse {j} henviser til tiltaget »{p['measure']}«, som intet "
                            "niveau har.")
    return problems


def read_model(text: str, version: str | None = None) -> HandlingModel:
    """The model in `text` (optionally renamed `version`); ValidationError (Danish) when the text
    is not a definition. Whether the model is *sound* is model/model_rules.py's question."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise ValidationError("Filen er for stor til at være en modeldefinition.")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValidationError(f"Filen er ikke gyldig TOML: {exc}.") from exc
    problems = _structure_problems(raw)
    if problems:
        raise ValidationError(problems)
    if version is not None:
        raw["version"] = version
    raw.setdefault("version", "kladde")
    try:
        return model_from_raw(raw)
    except (ValueError, KeyError, TypeError) as exc:
        raise ValidationError(f"Filen har ikke modellens format: {exc}.") from exc
