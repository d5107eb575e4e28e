"""Roles, the caller's scope and the role -> pages table.

The scope is the only thing a query needs to know about the caller: which districts each role covers.
It is plain data so that pages, queries and tests share one definition of "who may see what".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from model.session import Session


class Role(StrEnum):
    DISTRICT_CONTACT = "district_contact"
    PROJECT_LEADER = "project_leader"
    COURSE_ORGANISER = "course_organiser"
    ADMIN = "admin"


ROLE_LABELS: dict[Role, str] = {
    Role.DISTRICT_CONTACT: "Kontaktperson i politikredsen",
    Role.PROJECT_LEADER: "Projektleder",
    Role.COURSE_ORGANISER: "Kursusarrangør",
    Role.ADMIN: "Administrator",
}

# Roles that are always nationwide, and roles that must name exactly one district.
NATIONWIDE_ONLY: frozenset[Role] = frozenset({Role.PROJECT_LEADER, Role.ADMIN})
DISTRICT_REQUIRED: frozenset[Role] = frozenset({Role.DISTRICT_CONTACT})


@dataclass(frozen=True)
class Membership:
    """One role held by a user; `district` None means nationwide."""

    role: Role
    district: str | None = None


@dataclass(frozen=True)
class Scope:
    """Who is asking: the user and the memberships that decide what they may see and do.

    `session` is the login the scope was resolved from (None for the system's own jobs). It is left
    out of equality and hashing, so caches keyed by the scope are shared across a user's logins.
    """

    user_id: int
    email: str
    memberships: tuple[Membership, ...] = ()
    session: Session | None = field(default=None, compare=False, hash=False)

    @property
    def roles(self) -> frozenset[Role]:
        return frozenset(m.role for m in self.memberships)

    def has(self, role: Role) -> bool:
        return role in self.roles

    def is_nationwide(self, role: Role) -> bool:
        return any(m.role == role and m.district is None for m in self.memberships)

    def districts(self, role: Role) -> frozenset[str]:
        """The districts named by the caller's memberships of `role` (empty if nationwide only)."""
        return frozenset(m.district for m in self.memberships if m.role == role and m.district)

    def covers(self, role: Role, district: str) -> bool:
        """True when the caller holds `role` for `district`, directly or nationwide."""
        return self.is_nationwide(role) or district in self.districts(role)


@dataclass(frozen=True)
class PageSpec:
    """A screen of the app and the roles that may open it."""

    key: str
    path: str
    title: str
    icon: str
    roles: frozenset[Role]


_ALL = frozenset(Role)

PAGES: tuple[PageSpec, ...] = (
    PageSpec("home", "pages/home.py", "Forside", ":material/home:", _ALL),
    PageSpec("triage", "pages/triage.py", "Ny sag", ":material/assignment_add:",
             frozenset({Role.DISTRICT_CONTACT})),
    PageSpec("cases", "pages/cases.py", "Opfølgning", ":material/checklist:",
             frozenset({Role.DISTRICT_CONTACT})),
    PageSpec("district_stats", "pages/district_stats.py", "Kredsens tal", ":material/bar_chart:",
             frozenset({Role.DISTRICT_CONTACT})),
    PageSpec("national_stats", "pages/national_stats.py", "Landstal", ":material/public:",
             frozenset({Role.PROJECT_LEADER})),
    PageSpec("calibration", "pages/calibration.py", "Modeljustering", ":material/tune:",
             frozenset({Role.PROJECT_LEADER})),
    PageSpec("courses", "pages/courses.py", "Kurser", ":material/school:",
             frozenset({Role.COURSE_ORGANISER})),
    PageSpec("coverage", "pages/coverage.py", "Uddannelsesdækning", ":material/map:",
             frozenset({Role.COURSE_ORGANISER, Role.PROJECT_LEADER})),
    PageSpec("admin", "pages/admin.py", "Brugere og roller", ":material/manage_accounts:",
             frozenset({Role.ADMIN})),
    PageSpec("audit", "pages/audit.py", "Revisionslog", ":material/history:",
             frozenset({Role.ADMIN})),
    PageSpec("help_contacts", "pages/help_contacts.py", "Kontakter på handleplanen",
             ":material/contact_phone:", frozenset({Role.ADMIN})),
)

PAGES_BY_KEY: dict[str, PageSpec] = {p.key: p for p in PAGES}


def pages_for(roles: frozenset[Role] | set[Role]) -> list[PageSpec]:
    """The pages a user with `roles` may open, in menu order; none without a role."""
    return [p for p in PAGES if p.roles & set(roles)]


def may_open(roles: frozenset[Role] | set[Role], key: str) -> bool:
    return bool(PAGES_BY_KEY[key].roles & set(roles))


_PATH = re.compile(r"[A-Za-z0-9_-]{1,80}")


def unavailable_paths(roles: frozenset[Role] | set[Role], requested: str = "") -> list[str]:
    """URL paths the router answers with its own Danish "no such page, or not yours" page.

    Every page the roles may not open (so a bookmark or a guessed URL never says which pages
    exist), and the requested path when it names no page at all; without these, Streamlit shows
    its English "Page not found" dialog. A requested path that is not a plain word is left to
    Streamlit (it cannot be a page's URL).
    """
    allowed = {p.key for p in pages_for(roles)}
    paths = [p.key for p in PAGES if p.key not in allowed]
    if is_plain_path(requested) and requested not in PAGES_BY_KEY:
        paths.append(requested)
    return paths


def is_plain_path(path: str) -> bool:
    """True for a URL path Streamlit could serve a page at (one plain word, no slash)."""
    return bool(_PATH.fullmatch(path))
