"""One block of a statistics page: a chart with its table beside it and the download buttons."""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd
import streamlit as st

from model.access import Scope
from model.stats_filter import StatsFilter
from pages.components.exports import export_buttons


@dataclass(frozen=True)
class ExportContext:
    """Who exports what from where: goes with every download into the audit log."""

    scope: Scope
    page: str
    flt: StatsFilter
    district: str | None = None


def block(ctx: ExportContext, name: str, title: str, chart: alt.TopLevelMixin | None,
          table: pd.DataFrame, file_table: pd.DataFrame, caption: str | None = None) -> None:
    """Title, chart (left) and table (right), then CSV/Excel/PNG/SVG downloads."""
    st.markdown(f"**{title}**")
    if caption:
        st.caption(caption)
    if chart is not None:
        left, right = st.columns(2, gap="medium")
        left.altair_chart(chart, theme=None, width="stretch", alt=title)
        right.dataframe(table, hide_index=True, width="stretch")
    else:
        st.dataframe(table, hide_index=True, width="stretch")
    export_buttons(ctx.scope, ctx.page, name, ctx.flt, table=file_table, chart=chart, title=title,
                   district=ctx.district)
