"""Edits of a draft model: pure functions from a model to a new one (models are frozen).

Levels are numbered by severity, and a case stores the victim's reaction as a level number, so a
number must mean the same reaction in every version: levels are added above the highest and removed
from the top only (the announced fifth level is added as level 5).
"""

from __future__ import annotations

from dataclasses import replace

from model.errors import ValidationError
from model.handling_model import HandlingModel, Level


def with_level(model: HandlingModel, level: Level) -> HandlingModel:
    """`level` in place of the level with its number; a measure's short name is shared by every
    level that has the measure (statistics count measures by key), so a renamed one is renamed
    everywhere."""
    if level.number not in model.level_numbers:
        raise ValidationError(f"Modellen har intet niveau {level.number}.")
    labels = {m.key: m.label for m in level.measures}
    levels = []
    for lvl in model.levels:
        if lvl.number == level.number:
            levels.append(level)
        else:
            measures = tuple(replace(m, label=labels[m.key]) if m.key in labels else m
                             for m in lvl.measures)
            levels.append(replace(lvl, measures=measures))
    return replace(model, levels=tuple(levels))


def add_level(model: HandlingModel, title: str, image: str, help_text: str, duration: str,
              offence: str = "") -> HandlingModel:
    """A new level above the highest, with the texts the project leader typed and no measures or
    indicators yet (the validation asks for them)."""
    level = Level(number=max(model.level_numbers, default=0) + 1, title=title.strip(),
                  image=image.strip(), help=help_text.strip(), duration=duration.strip(),
                  measures=(), offence=offence.strip())
    return replace(model, levels=(*model.levels, level))


def remove_top_level(model: HandlingModel) -> HandlingModel:
    if len(model.levels) <= 1:
        raise ValidationError("Modellen skal have mindst ét niveau.")
    return replace(model, levels=model.levels[:-1])


def renamed(model: HandlingModel, version: str) -> HandlingModel:
    return replace(model, version=version)
