"""What typed Markdown may not become on a page, judged from the Markdown a page sends.

Written without the app's own helper (model.text), so that it also judges a page that does not
escape at all: that is how these tests were seen to fail on the code before issue 8.
"""

from __future__ import annotations

import re

EVIL = "evil.example"
IMAGE = f"![x](https://{EVIL}/a.png)"
LINK = f"[klik](https://{EVIL}/login)"
HTML = f"<img src=https://{EVIL}/b.png>"
BARE = f"https://{EVIL}/c.png www.{EVIL}/d"
DIRECTIVES = ":material/warning: :red[rød] $x^2$"

_LINK_OR_IMAGE = re.compile(r"(?<!\\)\[[^\]]*(?<!\\)\]\s*\(")
_RAW_HTML = re.compile(r"(?<!\\)<[A-Za-z!/]")
_AUTOLINK = re.compile(r"[a-z][a-z0-9+.-]*://|www\.|[\w.+-]@[\w-]+\.", re.IGNORECASE)
_DIRECTIVE = re.compile(r"(?<!\\):[a-z-]+(?:/[a-z_]+)?[\[:]|(?<!\\)\$[^$]+(?<!\\)\$")


def displayed(markdown: str) -> str:
    """The text a reader sees from literal Markdown: escapes resolved, invisible joiners gone."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


def assert_shown_as_text(markdown: str, typed: str) -> None:
    """`typed` is in `markdown` as literal text: visible, and nothing Markdown, HTML, a GFM
    autolink or a Streamlit directive could act on."""
    assert typed not in markdown, "the typed text is in the page's Markdown unescaped"
    for pattern in (_LINK_OR_IMAGE, _RAW_HTML, _AUTOLINK, _DIRECTIVE):
        assert not pattern.search(markdown), f"{pattern.pattern!r} in {markdown!r}"
    assert typed in displayed(markdown), "the typed text is not shown at all"


def assert_in_code_span(markdown: str, typed: str) -> None:
    """`typed` is shown verbatim inside a code span (never parsed, linked or rendered)."""
    spans = re.findall(r"(`+)(.*?)\1", markdown)
    assert any(content.strip(" ") == typed for _, content in spans), markdown
    outside = re.sub(r"(`+).*?\1", "", markdown)
    assert typed not in outside
