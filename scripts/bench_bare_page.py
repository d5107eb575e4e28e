"""The floor of the concurrency benchmark: a page that does nothing but exist (a title and a line),
served by its own `streamlit run`. Its rerun is what Streamlit itself costs."""

import streamlit as st

st.set_page_config(page_title="Tom side", layout="wide")
st.title("Tom side")
st.write("Intet andet.")
