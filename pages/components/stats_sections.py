"""One block of a statistics page: a chart with its table beside it and the download buttons; and
what every statistics page says about its figures."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from model.published import METHOD_NOTE
from model.release import POLICY, Release
from pages.components.exports import ExportContext, export_buttons
from pages.components.stats_cache import Drawn

# Streamlit 1.67 draws its own toolbar on every chart ("Download as PNG", "Show data", and "Copy
# Vega-Lite spec" on localhost): files that would leave without an audit entry or export id. There is
# no supported option to turn it off (client.disableDataExport leaves it, usermeta.embedOptions is
# sanitised away), so it is hidden here for charts only; the e2e test checks the actions cannot be
# reached. A known limit (docs/statistics.md): like a screenshot, hiding in the browser is not control.
CHART_TOOLBAR_CSS = (
    "<style>[data-testid='stElementContainer']:has([data-testid='stVegaLiteChart'])"
    " [data-testid='stElementToolbar'] {display: none !important;}</style>"
)


SECTION_KEY = "afsnit"  # the query parameter that names a page's open section


def hide_chart_toolbar() -> None:
    st.html(CHART_TOOLBAR_CSS)


def about_figures(release: Release | None, own_name: str | None = None) -> None:
    """The page's plain-Danish note on what the numbers are: adjusted, released, and (for a contact)
    their own district exact and live."""
    lines = [METHOD_NOTE]
    if release is not None:
        lines.append(f"Landstallene er frigivet {release.day:%d.%m.%Y} og dækker måneder til og med "
                     f"{release.last_month:%m.%Y}. {POLICY}")
    if own_name:
        lines.append(f"Tallene for {own_name} er præcise og løbende opdateret.")
    st.caption(" ".join(lines))


def block(ctx: ExportContext, name: str, title: str, drawn: Drawn, caption: str | None = None,
          stacked: bool = False, level: int = 2) -> None:
    """Title (a heading of `level` 2 or 3, so the page's outline never skips one), chart (left)
    and table (right; below it when `stacked`), then the downloads. The chart's text alternative
    is its title and description; its figures are in the table beside it. What is shown is the
    block as Streamlit sends it (`drawn.shown`), the files are made from its spec and file table."""
    (st.header if level == 2 else st.subheader)(title, anchor=False)
    if caption:
        st.caption(caption)
    alt_text = f"{title}. {drawn.description} Tallene står i tabellen.".replace(". .", ".")
    chart, table = drawn.shown
    if chart is not None and stacked:
        st.vega_lite_chart(chart, theme=None, width="stretch", alt=alt_text)
        st.dataframe(table, hide_index=True, width="stretch")
    elif chart is not None:
        left, right = st.columns(2, gap="medium")
        left.vega_lite_chart(chart, theme=None, width="stretch", alt=alt_text)
        right.dataframe(table, hide_index=True, width="stretch")
    else:
        st.dataframe(table, hide_index=True, width="stretch")
    export_buttons(ctx, name, table=drawn.file_table, chart=drawn.spec, title=title)


def open_section(sections: dict[str, Callable[[], None]], key: str = SECTION_KEY) -> None:
    """Tabs for `sections` (label -> the function that draws it) of which only the open one is
    drawn: a rerun costs one section, not all. The open tab is kept in the URL (`?afsnit=...`), so
    a link or a reload opens the same section."""
    tabs = st.tabs(list(sections), key=key, bind="query-params")
    for tab, draw in zip(tabs, sections.values(), strict=True):
        if tab.open:
            with tab:
                draw()
