"""Is there a font on this machine with the glyphs of a language's script?

WeasyPrint finds fonts through fontconfig and draws empty boxes for characters no
font has, so a PDF in Chinese without `fonts-noto-cjk` would look finished and be
unreadable. We ask fontconfig before writing such a PDF.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache

from easyread.translate.catalogue import Language

# A language fontconfig knows for each script (its orthography tables are per language).
_SCRIPT_PROBE = {
    "Arab": "ar",
    "Hans": "zh-cn",
    "Hant": "zh-tw",
    "Guru": "pa",
    "Beng": "bn",
    "Ethi": "am",
    "Latn": "en",
    "Cyrl": "ru",
    "Deva": "hi",
    "Gujr": "gu",
    "Taml": "ta",
    "Hebr": "he",
    "Thai": "th",
    "Khmr": "km",
    "Mymr": "my",
    "Sinh": "si",
    "Geor": "ka",
    "Armn": "hy",
    "Grek": "el",
    "Knda": "kn",
    "Mlym": "ml",
    "Telu": "te",
    "Orya": "or",
    "Laoo": "lo",
    "Jpan": "ja",
    "Kore": "ko",
}
FONT_PACKAGES = {"Hans": "fonts-noto-cjk", "Hant": "fonts-noto-cjk", "Jpan": "fonts-noto-cjk", "Kore": "fonts-noto-cjk"}


@lru_cache(maxsize=64)
def _fontconfig_has(probe: str) -> bool | None:
    if shutil.which("fc-list") is None:
        return None
    try:
        listed = subprocess.run(["fc-list", f":lang={probe}", "family"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    return bool(listed.stdout.strip())


def missing_font(language: Language) -> str | None:
    """A sentence saying what to install when no font here can write `language`, else None."""
    probe = _SCRIPT_PROBE.get(language.script)
    if probe is None or _fontconfig_has(probe) is not False:
        return None  # a script we cannot ask about, or no fontconfig: do not guess
    package = FONT_PACKAGES.get(language.script, "a Noto font for the " + language.script_name + " script")
    return f"No font on this computer has {language.name} letters, so the PDF was not written. Install {package} (apt-get install) and run again."
