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
        super().__init__(
            message or f"easyread does not know the language {code!r}.{near} Run `easyread languages` to list them."
        )
        # Where no command line is at hand (the web app): the nearest names and what to type.
        unknown = f"We do not know the language {code!r}."
        self.plain = message or (
            f"{unknown} Did you mean {_named(suggestions)}?"
            if suggestions
            else f"{unknown} Enter a language's name or code, for example Polish or pl."
        )


def _named(codes: list[str]) -> str:
    """'Polish (pl) or Portuguese (pt)' for near codes; the codes alone if the catalogue cannot be read."""
    from easyread.translate.catalogue import lookup

    names = []
    for code in codes:
        try:
            names.append(f"{lookup(code).name} ({code})")
        except TranslationError:
            names.append(code)
    return " or ".join(names)


class UnsupportedLanguage(TranslationError):
    """The chosen engine cannot translate into this language."""


class NotSetUp(TranslationError):
    """No engine that can translate is configured (the service's model is "none" and TRANSLATE_ENGINE is empty)."""

    def __init__(self):
        super().__init__(NOT_SET_UP)


NOT_SET_UP = "Translation is not set up here. Ask your administrator to set TRANSLATE_ENGINE."


class NeedsPerson(TranslationError):
    """A language no machine should translate into (British Sign Language)."""


class EmptyDraft(TranslationError):
    """The draft has nothing to translate."""


class AlreadyInLanguage(TranslationError):
    """The draft is already written in the target language."""
