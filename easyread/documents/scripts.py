"""Writing direction of a language, from CLDR data via babel rather than a hand-kept list."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=256)
def direction_of(language: str) -> str:
    """Return 'rtl' for right-to-left languages (Arabic, Urdu, Farsi...), else 'ltr'."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return "ltr"
    return "rtl" if locale.text_direction == "rtl" else "ltr"
