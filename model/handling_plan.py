"""The printable handling plan: a case's measures as a checklist, without any personal data.

Only the case code, the model's level and measures and the legal prompts go in; no age, gender,
institution, platform or month, so a printed plan left on a desk identifies no one.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from model.export_ids import export_line
from model.handling_model import STRENGTH_LABELS, HandlingModel, Measure

_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; color: #1f2933;
       line-height: 1.5; }
h1 { font-size: 1.4rem; margin-bottom: 0.2rem; } h2 { font-size: 1.1rem; margin-top: 1.6rem; }
.meta { color: #52606d; } .notice { border-left: 4px solid #3e7cb1; padding: 0.4rem 0.8rem;
background: #f0f4f8; } li { margin: 0.5rem 0; list-style: none; } .box { font-size: 1.2rem; }
.strength { color: #52606d; font-size: 0.9rem; } @media print { body { margin: 0; } }
"""


def plan_html(code: str, model: HandlingModel, level: int, measures: Sequence[Measure],
              notices: Sequence[str] = (), done: frozenset[str] = frozenset(),
              export_id: str = "") -> str:
    """A self-contained HTML page to print or keep (measures in `done` ticked); all text escaped.

    `export_id` (from the plan's audit entry) is printed at the foot of the page."""
    lvl = model.level(level)
    items = "\n".join(
        f'<li><span class="box">{"☑" if m.key in done else "☐"}</span> {escape(m.text)} '
        f'<span class="strength">({escape(STRENGTH_LABELS[m.strength])})</span></li>'
        for m in measures)
    prompts = "\n".join(f'<p class="notice">{escape(n)}</p>' for n in notices)
    return f"""<!DOCTYPE html>
<html lang="da"><head><meta charset="utf-8"><title>Handleplan {escape(code)}</title>
<style>{_STYLE}</style></head><body>
<h1>Handleplan for sag {escape(code)}</h1>
<p class="meta">{escape(model.title or "Håndteringsmodellen")} (version {escape(model.version)})</p>
<h2>Niveau {lvl.number}. {escape(lvl.title)}</h2>
<p>{escape(lvl.duration)}</p>
{prompts}
<h2>Tiltag i rækkefølge</h2>
<ul>
{items}
</ul>
<p class="meta">Planen indeholder ingen personoplysninger. Skriv sagsnummeret i din egen journal.</p>
<p class="meta">{escape(export_line(export_id)) if export_id else ""}</p>
</body></html>
"""
