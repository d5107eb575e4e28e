"""Uddannelsesdækning (placeholder until its issue lands)."""

import streamlit as st

from pages.components.session import require_page

scope = require_page("coverage")
st.title("Uddannelsesdækning")
