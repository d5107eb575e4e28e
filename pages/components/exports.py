"""Download buttons for tables (CSV, Excel) and charts (PNG, SVG), each download audited.

Honest auditing: the file is produced only when the user clicks (Streamlit calls `data` then), and
the same call first writes the export to the audit log; if that write fails, no file is served.
Rendering a page therefore logs nothing and costs nothing, and every file that leaves has a record.
Files are built from published frames only, so they hold exactly what the page shows.
"""

from __future__ import annotations

import io
import re
from functools import partial

import altair as alt
import pandas as pd
import streamlit as st

from db.stats import record_export
from model.access import Scope
from model.export_cells import csv_bytes, text_not_formulas
from model.export_ids import export_line
from model.stats_filter import StatsFilter
from model.suppression import SUPPRESSED_MARK, SUPPRESSED_NOTE

MIME = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "png": "image/png", "svg": "image/svg+xml"}
LABELS = {"csv": "CSV", "xlsx": "Excel", "png": "PNG", "svg": "SVG"}


def _plain(table: pd.DataFrame) -> pd.DataFrame:
    """Counts as plain integers, hidden ones as the mark (never a number)."""
    out = table.copy()
    for col in out.columns:
        out[col] = [v if isinstance(v, str) else (SUPPRESSED_MARK if pd.isna(v) else int(v))
                    for v in out[col]]
    return out


def table_bytes(table: pd.DataFrame, fmt: str, title: str, export_id: str = "") -> bytes:
    """CSV (semicolon, UTF-8 with BOM, as Danish Excel reads it; a caption line with the title and
    export id above the header) or an Excel workbook with a note sheet."""
    plain = _plain(table)
    caption = " · ".join(p for p in (title, export_line(export_id) if export_id else "") if p)
    if fmt == "csv":
        return csv_bytes([[caption], [str(c) for c in plain.columns],
                          *plain.itertuples(index=False)])
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:  # imports openpyxl only now
        plain.to_excel(writer, sheet_name="Tal", index=False)
        note = [title, SUPPRESSED_NOTE] + ([export_line(export_id)] if export_id else [])
        pd.DataFrame({"Note": note}).to_excel(writer, sheet_name="Note", index=False)
        text_not_formulas(writer.book)
    return buffer.getvalue()


def chart_bytes(chart: alt.TopLevelMixin, fmt: str, title: str = "", export_id: str = "") -> bytes:
    """The chart as an image, with its title (on the page the title stands above it) and the
    export id as subtitle."""
    import vl_convert as vlc  # a large library: loaded when someone exports, not on every page

    heading = alt.TitleParams(title, subtitle=[export_line(export_id)] if export_id else [])
    spec = (chart.properties(title=heading) if title or export_id else chart).to_dict()
    if fmt == "png":
        return vlc.vegalite_to_png(spec, scale=2)
    return vlc.vegalite_to_svg(spec).encode("utf-8")


def _audited(scope: Scope, page: str, name: str, fmt: str, flt: StatsFilter, district: str | None,
             produce: partial) -> bytes:
    export_id = record_export(scope, page=page, table=name, fmt=fmt, flt=flt, district=district)
    return produce(export_id=export_id)


def file_name(page: str, name: str, flt: StatsFilter, fmt: str) -> str:
    period = "-".join(m.strftime("%Y-%m") for m in (flt.first_month, flt.last_month) if m)
    stem = "-".join(p for p in (page, name, period) if p)
    return re.sub(r"[^A-Za-z0-9_.-]", "_", stem) + f".{fmt}"


def export_buttons(scope: Scope, page: str, name: str, flt: StatsFilter, *,
                   table: pd.DataFrame | None = None, chart: alt.TopLevelMixin | None = None,
                   title: str = "", district: str | None = None) -> None:
    """A row of download buttons for one table and/or chart."""
    formats = (["csv", "xlsx"] if table is not None else []) + (["png", "svg"] if chart else [])
    for column, fmt in zip(st.columns(len(formats) + 2)[: len(formats)], formats, strict=True):
        if fmt in ("csv", "xlsx"):
            produce = partial(table_bytes, table, fmt, title)
        else:
            produce = partial(chart_bytes, chart, fmt, title)
        column.download_button(
            LABELS[fmt], data=partial(_audited, scope, page, name, fmt, flt, district, produce),
            file_name=file_name(page, name, flt, fmt), mime=MIME[fmt], on_click="ignore",
            key=f"dl-{page}-{name}-{fmt}", icon=":material/download:", type="tertiary")
