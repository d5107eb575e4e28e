"""Vocabularies of courses: stored codes and their Danish labels."""

from __future__ import annotations

RESOURCE_ROLES: dict[str, str] = {
    "studievejleder": "Studievejleder",
    "ssp_konsulent": "SSP-konsulent",
    "ungeraadgiver": "Ungerådgiver",
    "offerraadgiver": "Offerrådgiver",
    "politiets_ressourceperson": "Politiets ressourceperson",
    "laerer_ledelse": "Lærer/ledelse",
    "andet": "Andet",
}

COURSE_STATUS: dict[str, str] = {
    "planned": "Planlagt",
    "held": "Afholdt",
    "cancelled": "Aflyst",
}

REGISTRATION_STATUS: dict[str, str] = {
    "registered": "Tilmeldt",
    "waiting": "Venteliste",
    "cancelled": "Afmeldt",
}
