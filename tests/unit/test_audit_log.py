"""The audit log is append-only: no code outside the migrations updates or deletes its rows."""

from __future__ import annotations

import re

from tests.conftest import ROOT

FORBIDDEN = re.compile(r"(UPDATE\s+audit_log|DELETE\s+FROM\s+audit_log|DROP\s+TABLE\s+audit_log)",
                       re.IGNORECASE)


def test_no_code_updates_or_deletes_audit_entries():
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("app.py", "pages", "model", "db", "tools", "scripts")
        for path in ([ROOT / folder] if folder.endswith(".py") else (ROOT / folder).rglob("*.py"))
        if FORBIDDEN.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
