"""A selectbox whose "no answer yet" is an option of its own, so no key press can wipe an answer.

Streamlit's empty selectbox (`index=None`) is clearable: Esc on the focused box, or its small x,
sets it back to empty, and on the triage form that silently dropped the answer and the proposal.
Its own cure (`required=True`) shows an English "(required)" beside the label and an English
"This field is required." in forms. Here the empty choice is the first option instead (value
None, shown as `none_label`): choosing it is a deliberate act, and nothing else clears the box.
Inside, the empty choice is the empty string, not None: Streamlit treats a box whose value is
None as empty and makes it clearable again after the next rerun.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import streamlit as st

T = TypeVar("T")
EMPTY = ""  # the empty choice's value inside the widget (the caller gets None)


def choice(label: str, options: Mapping[T, str] | Sequence[T], *, none_label: str,
           format_func: Callable[[T], str] | None = None, current: T | None = None,
           where: Any = st, **kwargs: Any) -> T | None:
    """The chosen option, or None while "`none_label`" is chosen.

    `options` is a mapping of value to Danish label, or a sequence with `format_func`; the box
    starts at `current` (None: the empty choice); `where` is the container to draw in (st, a
    column, st.sidebar); other arguments go to st.selectbox.
    """
    values: list[T | str] = [EMPTY, *options]
    index = values.index(current) if current is not None and current in values else 0
    if format_func is None:
        labels = options if isinstance(options, Mapping) else {}
        format_func = labels.get  # type: ignore[assignment]

    def shown(value: T | str) -> str:
        return none_label if value == EMPTY else str(format_func(value))  # type: ignore[misc]

    kwargs.setdefault("placeholder", none_label)  # not Streamlit's "Choose an option"
    picked = where.selectbox(label, values, index=index, format_func=shown, **kwargs)
    return None if picked == EMPTY else picked
