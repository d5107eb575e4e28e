"""Download buttons for tables (CSV, Excel) and charts (PNG, SVG), each download audited.

Honest auditing: the file is produced only when the user clicks (Streamlit calls `data` then), and
the same call first writes the export to the audit log, which re-reads the user's rights and hands
out a fresh random export id; if that fails, no file is served. Every file carries its context - what
it shows, the filter, the method, the release and the export id - as a caption line (CSV), a note
sheet (Excel) or a subtitle (PNG, SVG), so a file found later can be traced to its audit entry.
Files are built from published frames only.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import pandas as pd
import streamlit as st

from db.stats import record_export
from model.access import Scope
from model.export_cells import csv_bytes, text_not_formulas
from model.export_ids import export_line
from model.perturbation import PTable
from model.published import HIDDEN_MARK, METHOD_NOTE
from model.release import Release
from model.stats_filter import StatsFilter
from pages.components.page_setup import CONTEXT_KEY, with_context

MIME = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "png": "image/png", "svg": "image/svg+xml"}
LABELS = {"csv": "CSV", "xlsx": "Excel", "png": "PNG", "svg": "SVG"}


@dataclass(frozen=True)
class ExportContext:
    """Who exports what from where, and what the figures are: goes into the file and the audit log."""

    scope: Scope
    page: str
    flt: StatsFilter
    district: str | None = None
    release: Release | None = None  # None: the district's own figures, exact and live
    method: PTable | None = None


def _list(values: tuple, everything: str) -> str:
    return ", ".join(str(v) for v in values) if values else everything


def context_line(ctx: ExportContext, title: str, export_id: str) -> str:
    """One line saying what a file holds, for people and for tracing it to its audit entry."""
    flt = ctx.flt
    period = "–".join(m.strftime("%Y-%m") for m in (flt.first_month, flt.last_month) if m) or "hele perioden"
    parts = [title, f"periode {period}", f"politikredse: {_list(flt.districts, 'alle')}",
             f"niveauer: {_list(flt.levels, 'alle')}", f"modelversion: {flt.model_version or 'alle'}"]
    if ctx.release is not None and ctx.method is not None:
        release = ctx.release
        parts += [f"metode: {ctx.method.name}, højst ±{ctx.method.noise_bound}",
                  f"frigivelse {release.day.isoformat()} (måneder til og med {release.last_month:%Y-%m})"]
    else:
        parts.append("egen kreds: eksakte tal, løbende opdateret")
    return " · ".join([*parts, export_line(export_id)])


def _plain(table: pd.DataFrame) -> pd.DataFrame:
    """Counts as plain integers, a value not shown as the mark (never a number)."""
    out = table.copy()
    for col in out.columns:
        out[col] = [v if isinstance(v, str) else (HIDDEN_MARK if pd.isna(v) else int(v))
                    for v in out[col]]
    return out


def table_bytes(table: pd.DataFrame, fmt: str, title: str, caption: str = "") -> bytes:
    """CSV (semicolon, UTF-8 with BOM, as Danish Excel reads it; the caption as its first line) or an
    Excel workbook with a note sheet."""
    plain = _plain(table)
    if fmt == "csv":
        head = [[caption]] if caption else []
        return csv_bytes([*head, [str(c) for c in plain.columns], *plain.itertuples(index=False)])
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:  # imports openpyxl only now
        plain.to_excel(writer, sheet_name="Tal", index=False)
        pd.DataFrame({"Note": [title, caption, METHOD_NOTE]}).to_excel(writer, sheet_name="Note",
                                                                        index=False)
        text_not_formulas(writer.book)
    return buffer.getvalue()


def chart_bytes(chart: dict, fmt: str, title: str = "", caption: str = "") -> bytes:
    """The chart (its Vega-Lite spec) as an image, with its title and the caption as subtitle."""
    import vl_convert as vlc  # a large library: loaded when someone exports, not on every page

    spec = dict(chart)
    if title or caption:
        spec["title"] = {"text": title, "subtitle": [caption] if caption else []}
    if fmt == "png":
        return vlc.vegalite_to_png(spec, scale=2)
    return vlc.vegalite_to_svg(spec).encode("utf-8")


def _audited(ctx: ExportContext, name: str, fmt: str, title: str, produce: Callable[[str], bytes]
             ) -> bytes:
    """Audit first (its entry gets a fresh export id), then build the file with that id in it."""
    export_id = record_export(ctx.scope, page=ctx.page, table=name, fmt=fmt, flt=ctx.flt,
                              district=ctx.district, release=ctx.release,
                              method=ctx.method.name if ctx.method and ctx.release else "eksakt")
    return produce(context_line(ctx, title, export_id))


def _table_file(table: pd.DataFrame, fmt: str, title: str, caption: str) -> bytes:
    return table_bytes(table, fmt, title, caption)


def _chart_file(chart: dict, fmt: str, title: str, caption: str) -> bytes:
    return chart_bytes(chart, fmt, title, caption)


def file_name(page: str, name: str, flt: StatsFilter, fmt: str) -> str:
    period = "-".join(m.strftime("%Y-%m") for m in (flt.first_month, flt.last_month) if m)
    stem = "-".join(p for p in (page, name, period) if p)
    return re.sub(r"[^A-Za-z0-9_.-]", "_", stem) + f".{fmt}"


def export_buttons(ctx: ExportContext, name: str, *, table: pd.DataFrame | None = None,
                   chart: dict | None = None, title: str = "") -> None:
    """A row of download buttons for one table and/or chart (its Vega-Lite spec). The row wraps
    rather than squeezing its buttons (in narrow columns they read "C.", "E."), and each button is
    named for screen readers by what it downloads ("CSV Sager pr. måned og niveau, hele landet"),
    not only "CSV"."""
    formats = (["csv", "xlsx"] if table is not None else []) + (["png", "svg"] if chart else [])
    what = f"{title}, {'hele landet' if ctx.release is not None else 'egen kreds'}"
    row = st.container(horizontal=True, gap="small")
    for fmt in formats:
        if fmt in ("csv", "xlsx"):
            produce = partial(_table_file, table, fmt, title)
        else:
            produce = partial(_chart_file, chart, fmt, title)
        row.download_button(
            with_context(LABELS[fmt], what), data=partial(_audited, ctx, name, fmt, title, produce),
            file_name=file_name(ctx.page, name, ctx.flt, fmt), mime=MIME[fmt], on_click="ignore",
            key=f"{CONTEXT_KEY}dl-{ctx.page}-{name}-{fmt}", icon=":material/download:",
            type="tertiary", width="content")
