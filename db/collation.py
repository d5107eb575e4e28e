"""Danish sort order, in one place: DuckDB's ICU collation `da`, never rules written by hand.

ICU's Danish collation puts Z < Æ < Ø < Å and sorts "Aa" as Å (Aabenraa among the Å names, as
a Danish dictionary does). SQL orders by `collate_da("p.name")`; Python code that has to sort
Danish text itself (labels built in the page) uses `sort_danish`, which asks DuckDB for ICU's
sort keys.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from db.connection import cursor

T = TypeVar("T")

DANISH = "da"


def collate_da(expression: str) -> str:
    """An ORDER BY term that sorts `expression` (an SQL column, never user input) the Danish way."""
    return f"{expression} COLLATE {DANISH}"


def sort_danish(items: Iterable[T], key: Callable[[T], str] = str) -> list[T]:
    """`items` in Danish order of `key(item)` (stable for equal keys)."""
    listed = list(items)
    if not listed:
        return []
    with cursor() as cur:
        keys = cur.execute(f"SELECT list_transform(?::VARCHAR[], lambda t: icu_sort_key(t, '{DANISH}'))",
                           [[key(i) for i in listed]]).fetchone()[0]
    order = sorted(range(len(listed)), key=lambda i: (keys[i], i))
    return [listed[i] for i in order]
