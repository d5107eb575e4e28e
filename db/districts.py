"""The districts (tenants) as reference data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from db.connection import cursor


@dataclass(frozen=True)
class District:
    code: str
    name: str
    in_mainland: bool


@lru_cache(maxsize=1)
def all_districts() -> tuple[District, ...]:
    """Every district in official order; reference data, the same for every user."""
    with cursor() as cur:
        rows = cur.execute(
            "SELECT code, name, in_mainland FROM districts ORDER BY sort_order"
        ).fetchall()
    return tuple(District(*row) for row in rows)


def district_names() -> dict[str, str]:
    return {d.code: d.name for d in all_districts()}


def is_district(code: str | None) -> bool:
    return code is not None and code in district_names()
