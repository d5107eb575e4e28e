"""What the statistics publish: the tables, their titles, who sees which, and how values read.

One place for the names and Danish titles of the published tables, shared by the pages, the files
they export and `python -m db.published`, so all three say the same.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from model.danish import integer
from model.perturbation import CELL_KEY

TOTAL = "I alt"  # the label of a margin
HIDDEN_MARK = ".."  # Statistics Denmark's mark for a value not shown
METHOD_NOTE = (
    f"Tallene for hele landet er let justeret (højst ±{CELL_KEY.noise_bound}), så ingen enkeltsag kan "
    "genkendes; de summer derfor ikke altid præcist, og 1 og 2 vises aldrig (et lille tal vises som 0 "
    "eller 3-6). De samme sager giver altid det samme tal."
)


@dataclass(frozen=True)
class TableInfo:
    title: str
    row: str
    col: str | None = None


TABLES: dict[str, TableInfo] = {
    "by_month": TableInfo("Sager pr. måned og niveau", "month", "level"),
    "by_district": TableInfo("Sager pr. politikreds", "district"),
    "measures": TableInfo("Tiltag pr. niveau", "measure", "measure_status"),
    "platforms": TableInfo("Platforme, hvor billederne er delt", "platform"),
    "takedowns": TableInfo("Anmodninger om sletning", "outcome"),
    "age_gender": TableInfo("Alder og køn", "age_band", "gender"),
    "police": TableInfo("Politiet inddraget", "police", "level"),
    "status": TableInfo("Åbne og lukkede sager", "status", "level"),
    "calibration": TableInfo("Foreslået og valgt niveau", "proposed", "level"),
    "direction": TableInfo("Forslaget fulgt eller ændret, pr. foreslået niveau", "proposed", "direction"),
    "reasons": TableInfo("Begrundelser for at vælge et andet niveau", "reason", "direction"),
    "by_version": TableInfo("Sager pr. niveau og modelversion", "level", "version"),
}
SLICED = {"calibration": "version", "direction": "version", "reasons": "version", "measures": "level"}
LEADER_ONLY = ("calibration", "direction", "reasons", "by_version", "measures")
CONTACT_NATIONAL = ("by_month", "status", "police", "platforms", "takedowns", "age_gender", "by_district")
CONTACT_OWN = ("by_month", "status", "police", "platforms", "takedowns", "age_gender")


def format_count(value: object) -> str:
    """A count as Danish text ("1.234"), or the mark for a value not shown."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return HIDDEN_MARK
    return integer(int(value))
