"""A success message that survives the rerun after a model-versions action (shown once)."""

from __future__ import annotations

import streamlit as st

KEY = "_model_flash"


def flash(text: str) -> None:
    st.session_state[KEY] = text


def show_flash() -> None:
    text = st.session_state.pop(KEY, None)
    if text:
        st.success(text, icon=":material/check_circle:")
