"""Danish names of audited actions and objects: they live in model/audit_text.py (the audit
export needs them too); kept importable from here for the pages."""

from model.audit_text import ACTION_LABELS, OBJECT_LABELS, action_label, describe, object_label

__all__ = ["ACTION_LABELS", "OBJECT_LABELS", "action_label", "describe", "object_label"]
