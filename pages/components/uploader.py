"""A file uploader that speaks Danish where Streamlit lets it.

Streamlit's uploader has fixed English parts: the button ("Upload"), the line under it ("200MB
per file • CSV, TXT, XLSX") and its own refusals ("... files are not allowed", "File is too
large ..."). Here the line is hidden and a Danish caption says what the app accepts; the file
type is not restricted in the widget, so a wrong type (e.g. old .xls) reaches our own reader and
is refused in Danish. The size limit is the server's (server.maxUploadSize = 2, a security
setting): a file over 2 MiB meets Streamlit's English refusal, one between 2,000,000 bytes and
2 MiB the reader's Danish message. The button text cannot be changed (docs/danish.md).
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

WIDGET_LIMIT_MB = 2  # = server.maxUploadSize in .streamlit/config.toml: never above it

# Hides only the English size-and-type line of this app's uploaders (their keys start "upload_").
_STYLE = """<style>
[class*="st-key-upload_"] [data-testid="stFileUploaderDropzoneInstructions"] { display: none; }
</style>"""


def danish_uploader(label: str, *, key: str, accepts: str) -> UploadedFile | None:
    """One file, any type (the caller's reader refuses in Danish); `key` must start "upload_"."""
    if not key.startswith("upload_"):
        raise ValueError("uploader keys start with 'upload_' (the style that hides the English)")
    st.html(_STYLE)
    upload = st.file_uploader(label, type=None, key=key, max_upload_size=WIDGET_LIMIT_MB)
    st.caption(f"Tryk på »Upload« for at vælge en fil, eller træk filen hertil. {accepts}")
    return upload
