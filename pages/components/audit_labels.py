"""Danish names of the audited actions, for the audit log page (codes stay English in the data)."""

from __future__ import annotations

ACTION_LABELS: dict[str, str] = {
    "user.first_login": "Første login",
    "user.logout": "Logget ud",
    "membership.assign": "Rolle tildelt",
    "membership.change": "Rolle ændret",
    "membership.revoke": "Rolle fjernet",
    "membership.bootstrap_admin": "Første administrator oprettet",
    "case.create": "Sag oprettet",
    "case.follow_up": "Sag fulgt op",
    "case.close": "Sag lukket",
    "case.reopen": "Sag genåbnet",
    "case.plan_download": "Handleplan hentet",
    "case.reassess": "Sag genvurderet",
    "model.draft_create": "Modelkladde oprettet",
    "model.draft_import": "Modelkladde indlæst fra fil",
    "model.draft_edit": "Modelkladde ændret",
    "model.draft_delete": "Modelkladde slettet",
    "model.publish": "Modelversion udgivet",
    "model.export": "Modelversion eksporteret (TOML)",
    "course.create": "Kursus oprettet",
    "course.update": "Kursus ændret",
    "course.cancel": "Kursus aflyst",
    "course.held": "Kursus markeret afholdt",
    "course.attendance": "Fremmøde registreret",
    "participant.register": "Deltager tilmeldt",
    "participant.import": "Deltagere indlæst fra fil",
    "participant.cancel": "Deltager afmeldt",
    "participant.export": "Deltagerliste eksporteret",
    "participant.anonymise": "Deltagere anonymiseret (opbevaringsfrist)",
    "stats.export": "Statistik eksporteret",
    "synthetic.generate": "Syntetiske sager dannet",
    "demo.seed_courses": "Demokurser dannet",
}


def action_label(action: str) -> str:
    """The Danish name, or the code itself for an action this table does not know yet."""
    return ACTION_LABELS.get(action, action)
