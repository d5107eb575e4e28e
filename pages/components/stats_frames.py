"""Published (already perturbed) tables shaped for reading: Danish labels, pivots, shares.

Pure pandas on frames from db.stats; every derived figure (a share) is computed from published values
only, so nothing here can carry more than the tables show.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from model.danish import short_month_label
from model.handling_model import load_model, versions
from model.published import TOTAL, format_count
from model.vocab import (
    AGE_BANDS,
    CASE_STATUS,
    GENDERS,
    MEASURE_STATUS,
    OVERRIDE_REASONS,
    PLATFORMS,
    TAKEDOWN_OUTCOMES,
)

TITLES = {
    "month": "Måned", "level": "Niveau", "proposed": "Foreslået niveau", "district": "Politikreds",
    "age_band": "Alder", "gender": "Køn", "police": "Politiet", "status": "Status",
    "version": "Modelversion", "direction": "Valgt niveau i forhold til forslaget",
    "reason": "Begrundelse", "platform": "Platform", "outcome": "Resultat af anmodning",
    "measure": "Tiltag", "measure_status": "Tiltagets status", "n": "Antal", "share": "Andel",
}
POLICE = {"none": "Politiet ikke inddraget", "consulted": "Politiet konsulteret, ikke anmeldt",
          "reported": "Politianmeldt"}
DIRECTIONS = {"followed": "Forslaget fulgt", "raised": "Højere niveau valgt",
              "lowered": "Lavere niveau valgt"}
REASONS = {"none": "Ingen (forslaget fulgt)", **OVERRIDE_REASONS}
FIXED = {"age_band": AGE_BANDS, "gender": GENDERS, "police": POLICE, "status": CASE_STATUS,
         "direction": DIRECTIONS, "reason": REASONS, "platform": PLATFORMS,
         "outcome": TAKEDOWN_OUTCOMES, "measure_status": MEASURE_STATUS}


def month_label(value: object) -> str:
    """'jan. 2024' for a month; other values as they are."""
    if isinstance(value, pd.Timestamp | np.datetime64 | date):
        return short_month_label(pd.Timestamp(value).date())
    return str(value)


def measure_labels(version: str) -> dict[str, str]:
    return load_model(version).measure_labels() if version in versions() else {}


def label(dim: str, value: object, districts: dict[str, str], measures: dict[str, str]) -> str:
    """The Danish label of one category of `dim` (TOTAL stays "I alt")."""
    if isinstance(value, str) and value == TOTAL:
        return TOTAL
    if dim == "month":
        return month_label(value)
    if dim in ("level", "proposed"):
        return f"Niveau {value}"
    if dim == "district":
        return districts.get(str(value), str(value))
    if dim == "measure":
        return measures.get(str(value), str(value))
    return FIXED.get(dim, {}).get(str(value), str(value))


def labelled(df: pd.DataFrame, dims: list[str], districts: dict[str, str],
             measures: dict[str, str] | None = None) -> pd.DataFrame:
    """A copy with a `<dim>_label` column per dimension."""
    out = df.copy()
    for dim in dims:
        out[f"{dim}_label"] = [label(dim, v, districts, measures or {}) for v in df[dim]]
    return out


def cells(df: pd.DataFrame, dims: list[str], keep_hidden: bool = False) -> pd.DataFrame:
    """Inner cells only (no margins): the data a chart may carry; hidden ones left out unless
    `keep_hidden`, then with NA and a `text` column showing the suppression mark."""
    keep = pd.Series(True, index=df.index)
    for dim in dims:
        keep &= ~df[dim].astype(str).eq(TOTAL)
    if not keep_hidden:
        keep &= df["n"].notna()
    out = df[keep].reset_index(drop=True)
    if keep_hidden:
        out = out.assign(text=[format_count(v) for v in out["n"]])
    return out


def pivot(df: pd.DataFrame, row: str, col: str | None, districts: dict[str, str],
          measures: dict[str, str] | None = None, as_text: bool = True) -> pd.DataFrame:
    """A readable table: categories as rows (and columns); counts as text with ".." where hidden,
    or (`as_text=False`, for files) as Int64 with NA where hidden."""
    data = labelled(df, [row] + ([col] if col else []), districts, measures)
    data["text"] = [format_count(v) for v in data["n"]] if as_text else data["n"]
    if col is None:
        return pd.DataFrame({TITLES.get(row, row): data[f"{row}_label"], "Antal": data["text"]})
    wide = data.pivot(index=f"{row}_label", columns=f"{col}_label", values="text")
    wide = wide.reindex(index=list(dict.fromkeys(data[f"{row}_label"])),
                        columns=list(dict.fromkeys(data[f"{col}_label"])))
    wide.index.name = TITLES.get(row, row)
    wide.columns.name = None
    return wide.reset_index()


def pivot_sliced(df: pd.DataFrame, by: str, row: str, col: str, districts: dict[str, str],
                 measures: dict[str, str] | None = None, as_text: bool = True) -> pd.DataFrame:
    """One pivot per `by` slice (e.g. per level or model version), stacked with a `by` column."""
    parts = []
    for value in pd.unique(df[by]):
        part = pivot(df[df[by] == value], row, col, districts, measures, as_text)
        part.insert(0, TITLES.get(by, by), label(by, value, districts, measures or {}))
        parts.append(part)
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


def shares(df: pd.DataFrame, row: str, col: str) -> pd.DataFrame:
    """Cells with `share` of the sum of the published cells of their `col` category (so the shares of
    a category add up to 100 %; a category whose cells are all 0 is left out)."""
    out = cells(df, [row, col]).copy()
    total = out.groupby(col, sort=False)["n"].transform("sum")
    valid = total > 0
    out = out[valid].copy()
    out["share"] = (out["n"].astype("float64") / total[valid].astype("float64")).round(4)
    return out.reset_index(drop=True)


def totals(df: pd.DataFrame, row: str, col: str) -> pd.DataFrame:
    """The published totals of each `row` category (the margin over `col`), margins' margin left out."""
    out = df[df[col].astype(str).eq(TOTAL) & ~df[row].astype(str).eq(TOTAL)]
    return out.reset_index(drop=True)

