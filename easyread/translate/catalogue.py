"""The languages easyread can translate into, with names, scripts and directions from CLDR.

Only the list of codes (and which of them are UK community languages) is ours:
every name, endonym and script comes from `langcodes` (with `language-data`), and
the writing direction from babel's CLDR data, falling back to the script.

Trust tiers say how far a council may rely on a machine translation:

* ``good``   - published evaluations put the engine near human quality for this
  language; a fluent speaker spot-checks before it goes out.
* ``draft``  - usable draft; a fluent speaker checks every point.
* ``weak``   - not good enough to send: a person must translate, or use another engine.
* ``person`` - needs a person; no machine translation (British Sign Language).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache

import langcodes

from easyread.translate.errors import UnknownLanguage

GOOD, DRAFT, WEAK, PERSON = "good", "draft", "weak", "person"
TIER_ORDER = {GOOD: 0, DRAFT: 1, WEAK: 2, PERSON: 3}
TIER_LABELS = {
    GOOD: "good: a fluent speaker spot-checks",
    DRAFT: "draft: a fluent speaker checks every point",
    WEAK: "not good enough: a person translates",
    PERSON: "needs a person: no machine translation",
}

# The UK's main community languages (Census 2021 main languages, and what councils' own
# translation services are asked for most). Order is the order `easyread languages` shows.
COMMUNITY = (
    "pl",
    "ro",
    "pa-Guru",
    "pa-Arab",
    "ur",
    "bn",
    "gu",
    "ar",
    "pt",
    "es",
    "lt",
    "so",
    "ta",
    "tr",
    "uk",
    "fa",
    "ps",
    "ckb",
    "ti",
    "zh-Hans",
    "zh-Hant",
    "cy",
    "bfi",
)
OTHERS = (
    "sq",
    "am",
    "hy",
    "az",
    "eu",
    "be",
    "bs",
    "bg",
    "my",
    "yue",
    "ca",
    "hr",
    "cs",
    "da",
    "prs",
    "nl",
    "et",
    "fi",
    "fr",
    "gl",
    "ka",
    "de",
    "el",
    "ha",
    "he",
    "hi",
    "hu",
    "is",
    "ig",
    "id",
    "ga",
    "it",
    "ja",
    "kn",
    "kk",
    "km",
    "ko",
    "kmr",
    "ky",
    "lo",
    "lv",
    "ln",
    "mk",
    "ms",
    "ml",
    "mt",
    "mr",
    "mn",
    "ne",
    "nb",
    "om",
    "ru",
    "rw",
    "gd",
    "sr",
    "sn",
    "sd",
    "si",
    "sk",
    "sl",
    "sw",
    "sv",
    "tl",
    "tg",
    "te",
    "th",
    "tw",
    "uz",
    "vi",
    "xh",
    "yo",
    "zu",
    "af",
)
CODES = COMMUNITY + OTHERS
SIGNED = frozenset({"bfi"})
_RTL_SCRIPTS = frozenset({"Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg", "Mand"})

# Languages with large amounts of training text, where every engine we know of does
# best (FLORES-200 "high-resource" group in the NLLB paper, Costa-jussà et al. 2022).
HIGH_RESOURCE = frozenset(
    {
        "ar",
        "bg",
        "ca",
        "cs",
        "da",
        "de",
        "el",
        "es",
        "et",
        "fi",
        "fr",
        "he",
        "hi",
        "hr",
        "hu",
        "id",
        "it",
        "ja",
        "ko",
        "lt",
        "lv",
        "nl",
        "nb",
        "pl",
        "pt",
        "ro",
        "ru",
        "sk",
        "sl",
        "sr",
        "sv",
        "tr",
        "uk",
        "vi",
        "zh-Hans",
        "zh-Hant",
        "fa",
        "bn",
        "ur",
        "ms",
        "th",
    }
)


@dataclass(frozen=True)
class Language:
    """One language of the catalogue."""

    code: str  # BCP-47, with a script subtag where a language is written in more than one
    name: str  # English name
    endonym: str  # the language's name for itself
    script: str  # ISO 15924 code, "" for a signed language
    script_name: str
    direction: str  # "ltr" or "rtl"
    community: bool  # one of the UK's main community languages
    signed: bool = False

    @property
    def base(self) -> str:
        """The language subtag alone ("pa" for "pa-Arab")."""
        return self.code.split("-")[0]

    @property
    def label(self) -> str:
        """ "Polish (polski)", for prompts and tables."""
        return self.name if self.endonym in ("", self.name) else f"{self.name} ({self.endonym})"


@cache
def _build(code: str) -> Language:
    tag = langcodes.Language.get(code)
    signed = code in SIGNED
    script = "" if signed else (tag.maximize().script or "")
    name = tag.display_name()
    endonym = name if signed else tag.autonym()
    return Language(
        code=code,
        name=name,
        endonym=endonym,
        script=script,
        script_name="signed" if signed else (langcodes.Language.get(f"und-{script}").script_name() if script else ""),
        direction=_direction(code, script),
        community=code in COMMUNITY,
        signed=signed,
    )


def _direction(code: str, script: str) -> str:
    from babel import Locale, UnknownLocaleError

    try:
        return "rtl" if Locale.parse(code.replace("-", "_")).text_direction == "rtl" else "ltr"
    except (UnknownLocaleError, ValueError, TypeError):
        return "rtl" if script in _RTL_SCRIPTS else "ltr"


def all_languages() -> list[Language]:
    """Every language of the catalogue: community languages first, then the rest by code list."""
    return [_build(code) for code in CODES]


_ALIASES = {
    # Common ways staff write a language that CLDR matching would place elsewhere.
    "farsi": "fa",
    "dari": "prs",
    "sorani": "ckb",
    "kurmanji": "kmr",
    "shahmukhi": "pa-Arab",
    "gurmukhi": "pa-Guru",
    "mandarin": "zh-Hans",
    "bsl": "bfi",
    "zh": "zh-Hans",
    "pa": "pa-Guru",
    "no": "nb",
    "ku": "kmr",
    "iw": "he",
    "tagalog": "tl",
    "filipino": "tl",
    "twi": "tw",
}


def lookup(code: str) -> Language:
    """The catalogue language for a code or English name ("pl", "PL", "pl_PL", "Polish", "zh-TW").

    Raises UnknownLanguage with the nearest codes when nothing fits.
    """
    raw = (code or "").strip()
    key = raw.replace("_", "-")
    lowered = key.lower()
    by_lower = {c.lower(): c for c in CODES}
    if lowered in by_lower:
        return _build(by_lower[lowered])
    if lowered in ("en", "english") or lowered.startswith("en-"):
        raise UnknownLanguage(raw, [], "Drafts are written in English already: choose a language to translate into.")
    if lowered in _ALIASES:
        return _build(_ALIASES[lowered])
    for language in all_languages():
        if lowered in (language.name.lower(), language.endonym.lower()):
            return language
    if langcodes.tag_is_valid(key):
        # Regional and script variants: pt-BR -> pt, zh-TW -> zh-Hant, pa-IN -> pa-Guru.
        match, distance = langcodes.closest_match(key, list(CODES), max_distance=9)
        if match != "und" and distance <= 9:
            return _build(match)
    raise UnknownLanguage(raw, suggest(raw))


def suggest(code: str, limit: int = 3) -> list[str]:
    """Up to `limit` catalogue codes near `code`, by spelling of the code or the name."""
    text = (code or "").strip().lower()
    if not text:
        return []
    names = {lang.name.lower(): lang.code for lang in all_languages()}
    by_name = [names[n] for n in difflib.get_close_matches(text, list(names), n=limit, cutoff=0.6)]
    by_code = [
        next(c for c in CODES if c.lower() == n)
        for n in difflib.get_close_matches(text, [c.lower() for c in CODES], n=limit, cutoff=0.5)
    ]
    # A long entry is a misspelt name ("Polsh"); a short one a misspelt code ("pk").
    ordered = by_name + by_code if len(text) > 3 else by_code + by_name
    out: list[str] = []
    for found in ordered:
        if found not in out:
            out.append(found)
    return out[:limit]


def parse_languages(spec: str | list[str]) -> list[Language]:
    """Languages from "pl,ro,ur" or a list; each unknown one raises UnknownLanguage. Duplicates dropped."""
    items = spec.split(",") if isinstance(spec, str) else list(spec)
    out: list[Language] = []
    for item in items:
        if item.strip():
            language = lookup(item)
            if language not in out:
                out.append(language)
    return out
