"""Errors of the translation step. Every message is plain English for council staff."""
from __future__ import annotations


class TranslationError(Exception):
    """Translation could not be done. The message says why and what to do."""


class UnknownLanguage(TranslationError):
    """A language code that is not in the catalogue. `suggestions` holds near codes."""

    def __init__(self, code: str, suggestions: list[str], message: str | None = None):
        self.code = code
        self.suggestions = suggestions
        near = f" Did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(message or f"easyread does not know the language {code!r}.{near} Run `easyread languages` to list them.")


class UnsupportedLanguage(TranslationError):
    """The chosen engine cannot translate into this language."""


class NeedsPerson(TranslationError):
    """A language no machine should translate into (British Sign Language)."""


class EmptyDraft(TranslationError):
    """The draft has nothing to translate."""


class AlreadyInLanguage(TranslationError):
    """The draft is already written in the target language."""
