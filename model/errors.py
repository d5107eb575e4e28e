"""Domain exceptions: each carries the Danish message a page shows the user.

Pages catch `DomainError` and show `user_message`; nothing else of an exception (a SQL text, a row of
another tenant) ever reaches the screen.
"""

from __future__ import annotations


class DomainError(Exception):
    """Base of every error a user can cause; `user_message` is Danish and safe to show."""

    default_message = "Handlingen kunne ikke gennemføres."

    def __init__(self, user_message: str | None = None) -> None:
        self.user_message = user_message or self.default_message
        super().__init__(self.user_message)


class ValidationError(DomainError):
    """Input that breaks a rule; `problems` lists every field to fix, in Danish."""

    default_message = "Der er fejl i de indtastede oplysninger."

    def __init__(self, problems: list[str] | str) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__(" ".join(self.problems))


class AccessDenied(DomainError):
    """The caller's scope does not cover the object; the message never names the object."""

    default_message = "Du har ikke adgang til dette."


class SessionEnded(DomainError):
    """The login behind the request has expired, is too old, or was ended by a logout."""

    default_message = "Din session er udløbet eller afsluttet. Log ind igen for at fortsætte."


class NotFound(DomainError):
    """Unknown id within the caller's scope (also used for objects of other tenants)."""

    default_message = "Det efterspurgte findes ikke, eller du har ikke adgang til det."


class ConflictError(DomainError):
    """Someone else changed the object first; the user must reload."""

    default_message = "Sagen er blevet ændret af en anden i mellemtiden. Genindlæs siden og prøv igen."


class StorageError(DomainError):
    """The database failed for a reason the user did not cause."""

    default_message = "Databasen kunne ikke gennemføre handlingen. Intet er gemt; prøv igen."
