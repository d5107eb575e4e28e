"""Is a model version sound enough to publish? Every problem named in Danish.

A draft may be saved with problems (it is work in progress); publishing requires none. The rules:
every level has its texts and at least one measure, every measure a text, indicators name only facts
the triage form asks for (model/fact_catalogue.py) with values it can give, a measure's short name is
the same on every level (statistics count measures by key), only "must" measures have a due time,
where the police decide on deletion a police contact secures evidence, the measures the law's prompts
name exist, no text carries an identifier, and every level can be proposed (model/reachability.py).
"""

from __future__ import annotations

import re

from model.fact_catalogue import FACTS, value_problem
from model.handling_model import HandlingModel, Level, Strength
from model.privacy import identifier_problems
from model.reachability import unreachable_levels
from model.statutory import required_measures

KEY = re.compile(r"^[a-z][a-z0-9_]{1,40}$")
BASES = ("kilde", "tolkning")
TITLE_MAX = 200
TEXT_MAX = 2000
DUE_MAX = 24


def _text_problems(where: str, what: str, text: str, limit: int, required: bool) -> list[str]:
    if not text.strip():
        return [f"{where}: skriv {what}."] if required else []
    problems = [f"{where}: {what} må højst være {limit} tegn."] if len(text) > limit else []
    return problems + [f"{where}, {what}: {p}" for p in identifier_problems(text)]


def _level_problems(lvl: Level, model: HandlingModel) -> list[str]:
    where = f"Niveau {lvl.number}"
    problems = _text_problems(where, "titlen", lvl.title, TITLE_MAX, True)
    problems += _text_problems(where, "beskrivelsen af billedet", lvl.image, TEXT_MAX, True)
    problems += _text_problems(where, "beskrivelsen af krænkelsen", lvl.offence, TEXT_MAX, False)
    problems += _text_problems(where, "beskrivelsen af hjælpen", lvl.help, TEXT_MAX, True)
    problems += _text_problems(where, "varigheden", lvl.duration, TEXT_MAX, True)
    if not lvl.measures:
        problems.append(f"{where}: niveauet skal have mindst ét tiltag.")
    for i, m in enumerate(lvl.measures, start=1):
        at = f"{where}, tiltag {i}"
        if not KEY.match(m.key):
            problems.append(f"{at}: nøglen skal være små bogstaver, tal og _ (fx police_report).")
        problems += _text_problems(at, "teksten", m.text, TEXT_MAX, True)
        problems += _text_problems(at, "det korte navn", m.label, TITLE_MAX, False)
        if m.due_months is not None:
            if m.strength is not Strength.MUST:
                problems.append(f"{at}: kun skal-tiltag kan have en frist.")
            elif not 0 <= m.due_months <= DUE_MAX:
                problems.append(f"{at}: fristen skal være mellem 0 og {DUE_MAX} måneder.")
    if lvl.police_decide_deletion and any(m.deletes_images for m in lvl.measures) and not any(
            m.secures_evidence for m in lvl.measures):
        problems.append(f"{where}: politiet afgør sletning, men intet tiltag kontakter politiet "
                        "(sikrer beviser) før anmodningen om at fjerne billeder.")
    for i, c in enumerate(lvl.indicators, start=1):
        at = f"{where}, indikator {i}"
        problems += _text_problems(at, "begrundelsen", c.reason, TITLE_MAX, True)
        if c.basis not in BASES:
            problems.append(f"{at}: grundlaget skal være kilde eller tolkning.")
        if not c.when:
            problems.append(f"{at}: vælg mindst én oplysning, indikatoren bygger på.")
        for name, value in c.when:
            if name not in FACTS:
                problems.append(f"{at}: »{name}« er ikke en oplysning, formularen spørger om.")
            elif (why := value_problem(name, value, model)) is not None:
                problems.append(f"{at}: »{FACTS[name].label}« {why}.")
    return problems


def _texts(model: HandlingModel) -> list[tuple[str, str]]:
    """Every free text of the model, with where it is (for messages)."""
    found = [("Modellens titel", model.title), ("Modellens kilde", model.source)]
    found += [(f"Signalet »{key}«", text) for key, text in model.signals]
    found += [(f"Påmindelsen »{p.key}«", p.text) for p in model.prompts]
    for lvl in model.levels:
        where = f"Niveau {lvl.number}"
        found += [(where, t) for t in (lvl.title, lvl.image, lvl.offence, lvl.help, lvl.duration)]
        found += [(f"{where}, tiltag {i}", t) for i, m in enumerate(lvl.measures, start=1)
                  for t in (m.text, m.label)]
        found += [(f"{where}, indikator {i}", c.reason) for i, c in enumerate(lvl.indicators, 1)]
    return found


def identifiers_in(model: HandlingModel) -> list[str]:
    """Identifiers (CPR, e-mail, phone, dates) in any of the model's texts: refused at saving, so
    nothing of them is stored, as for every free text of the app."""
    return [f"{where}: {problem}" for where, text in _texts(model)
            for problem in identifier_problems(text)]


def _conditions_valid(model: HandlingModel) -> bool:
    return all(c.when and all(name in FACTS and value_problem(name, value, model) is None
                              for name, value in c.when)
               for lvl in model.levels for c in lvl.indicators)


def model_problems(model: HandlingModel) -> list[str]:
    """Every reason (Danish) the version cannot be published; empty when it can."""
    problems: list[str] = []
    if not model.levels:
        return ["Modellen skal have mindst ét niveau."]
    titles = [lvl.title.strip() for lvl in model.levels]
    if len(set(titles)) != len(titles):
        problems.append("To niveauer har samme titel. Giv hvert niveau sin egen titel.")
    for lvl in model.levels:
        problems += _level_problems(lvl, model)
    labels: dict[str, set[str]] = {}
    for lvl in model.levels:
        for m in lvl.measures:
            labels.setdefault(m.key, set()).add(m.label)
    for key, names in labels.items():
        if len(names) > 1:
            problems.append(f"Tiltaget »{key}« har forskellige korte navne på niveauerne "
                            f"({', '.join(sorted(n or '–' for n in names))}). Brug det samme navn.")
    for prompt in model.prompts:
        if prompt.measure not in labels:
            problems.append(f"Påmindelsen »{prompt.key}« henviser til tiltaget »{prompt.measure}«, "
                            "som intet niveau har.")
    for key in sorted(required_measures() - set(labels)):
        problems.append(f"Modellen skal have tiltaget »{key}«: lovens påmindelser henviser til det.")
    if _conditions_valid(model):  # reachability means something only for valid conditions
        for n in unreachable_levels(model):
            problems.append(f"Niveau {n} kan aldrig blive foreslået: ingen sag kan opfylde en af "
                            "dets indikatorer uden også at opfylde et højere niveaus.")
    return problems
