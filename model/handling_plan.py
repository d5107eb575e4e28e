"""The printable handling plan a contact can hand over: the chosen level's measures with their
status, the legal prompts, and whom to call (the district's contacts and national help lines).

Only the case code, the district, the month it was printed, the model's texts and the contacts go
in; no age, gender, institution, platform or case month, so a printed plan left on a desk
identifies no one. Self-contained HTML with print styles (A4); all text is escaped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from html import escape

from model.danish import month_label
from model.export_ids import export_line
from model.handling_model import STRENGTH_LABELS, HandlingModel, Measure
from model.help_contacts import HelpContact
from model.vocab import MEASURE_STATUS

_STYLE = """
body { font-family: system-ui, "Segoe UI", Arial, sans-serif; max-width: 44rem; margin: 2rem auto;
       padding: 0 1rem; color: #1f2933; line-height: 1.45; }
h1 { font-size: 1.5rem; margin: 0 0 0.3rem; } h2 { font-size: 1.15rem; margin: 1.6rem 0 0.5rem; }
h3 { font-size: 1rem; margin: 1rem 0 0.3rem; }
.meta { color: #3e4c59; margin: 0.1rem 0; } .meta strong { color: #1f2933; }
.notice { border-left: 4px solid #1f4e79; padding: 0.4rem 0.8rem; background: #eef3f8; }
table.measures { border-collapse: collapse; width: 100%; }
table.measures td { border-top: 1px solid #cbd2d9; padding: 0.45rem 0.4rem; vertical-align: top; }
td.box { font-size: 1.3rem; width: 2rem; line-height: 1; }
td.status { white-space: nowrap; width: 7.5rem; font-weight: 600; }
.strength { color: #3e4c59; font-size: 0.9rem; }
tr.not_relevant td.text { text-decoration: line-through; color: #616e7c; }
tr.not_relevant td.status { color: #616e7c; font-style: italic; }
tr.done td.status { color: #1e6b3a; }
ul.contacts { padding-left: 1.1rem; } ul.contacts li { margin: 0.3rem 0; }
.hint { color: #3e4c59; font-size: 0.9rem; border: 1px dashed #9aa5b1; padding: 0.4rem 0.6rem; }
footer { margin-top: 2rem; color: #3e4c59; font-size: 0.85rem; }
@page { size: A4; margin: 1.6cm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 11pt; }
  .hint { display: none; }
  h2, h3 { break-after: avoid; } tr, li, .notice { break-inside: avoid; }
  .notice { background: none; }
}
"""

BOXES = {"planned": "☐", "done": "☑", "not_relevant": "⊘"}


def model_heading(model: HandlingModel) -> str:
    """'Håndteringsmodellen 2018', with the version added only when the title lacks it."""
    title = model.title or "Håndteringsmodellen"
    return title if model.version in title else f"{title} (version {model.version})"


def _contact(c: HelpContact) -> str:
    parts = [f"<strong>{escape(c.name)}</strong>"]
    if c.phone:
        parts.append(f"tlf. {escape(c.phone)}")
    if c.note:
        parts.append(escape(c.note))
    return "<li>" + " · ".join(parts) + "</li>"


def _contacts(district_name: str, local: Sequence[HelpContact],
              national: Sequence[HelpContact]) -> str:
    mine = ("<ul class='contacts'>" + "".join(_contact(c) for c in local) + "</ul>" if local
            else "<p class='meta'>Politikredsen har ikke registreret lokale kontakter endnu.</p>")
    lines = ("<h3>Landsdækkende hjælpelinjer</h3><ul class='contacts'>"
             + "".join(_contact(c) for c in national) + "</ul>") if national else ""
    return f"<h2>Hjælp og kontakter</h2><h3>I {escape(district_name)}</h3>{mine}{lines}"


def plan_html(code: str, model: HandlingModel, level: int, measures: Sequence[Measure],
              notices: Sequence[str] = (), statuses: Mapping[str, str] | None = None, *,
              export_id: str = "", district_name: str = "", printed: date | None = None,
              local: Sequence[HelpContact] = (), national: Sequence[HelpContact] = ()) -> str:
    """The plan as HTML; `statuses` maps a measure key to planned/done/not_relevant (planned when
    missing); `export_id` (from the plan's audit entry) is printed at the foot."""
    statuses = statuses or {}
    lvl = model.level(level)
    rows = []
    for m in measures:
        status = statuses.get(m.key, "planned")
        rows.append(
            f'<tr class="{status}"><td class="box" aria-hidden="true">{BOXES[status]}</td>'
            f'<td class="text">{escape(m.text)}<br><span class="strength">'
            f'{escape(STRENGTH_LABELS[m.strength])}</span></td>'
            f'<td class="status">{escape(MEASURE_STATUS[status])}</td></tr>')
    prompts = "\n".join(f'<p class="notice">{escape(n)}</p>' for n in notices)
    meta = [f"<strong>Politikreds:</strong> {escape(district_name)}" if district_name else "",
            f"<strong>Dato:</strong> {escape(month_label(printed))}" if printed else "",
            f"<strong>Model:</strong> {escape(model_heading(model))}"]
    contacts = _contacts(district_name, local, national) if district_name else ""
    return f"""<!DOCTYPE html>
<html lang="da"><head><meta charset="utf-8"><title>Handleplan {escape(code)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>{_STYLE}</style></head><body>
<header>
<h1>Handleplan for sag {escape(code)}</h1>
<p class="meta">{" · ".join(m for m in meta if m)}</p>
</header>
<p class="hint">Udskriv planen med Ctrl+P (Cmd+P på Mac). Denne linje kommer ikke med på papiret.</p>
<h2>Niveau {lvl.number}. {escape(lvl.title)}</h2>
<p>{escape(lvl.duration)}</p>
{prompts}
<h2>Tiltag i rækkefølge</h2>
<table class="measures"><tbody>
{"".join(rows)}
</tbody></table>
{contacts}
<footer>
<p>Planen indeholder ingen personoplysninger. Skriv sagsnummeret i din egen journal.</p>
<p>{escape(export_line(export_id)) if export_id else ""}</p>
</footer>
</body></html>
"""
