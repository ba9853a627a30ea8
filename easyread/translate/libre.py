"""A LibreTranslate server (Argos Translate models, self-hosted) as a translation engine.

The HTTP plumbing (retries with backoff on a busy or unreachable server, a clear
error on a timeout) is the OpenAI-compatible client's, reused rather than copied.
LibreTranslate takes a list of texts in one request, so a batch is one call.
"""

from __future__ import annotations

import time

from easyread.engines.base import EngineError, GenerationStats
from easyread.engines.remote import OpenAIEngine
from easyread.translate import catalogue
from easyread.translate.catalogue import DRAFT
from easyread.translate.errors import UnsupportedLanguage

# LibreTranslate's own codes where they differ from ours (older servers: zh and zt).
_SERVER_CODES = {
    "zh-Hans": ("zh-Hans", "zh"),
    "zh-Hant": ("zh-Hant", "zt"),
    "pa-Guru": ("pa",),
    "pa-Arab": ("pa-Arab", "pnb"),
    "nb": ("nb", "no"),
}


class LibreTranslator(OpenAIEngine):
    """A `Translator` backed by a LibreTranslate server at `base_url`."""

    def __init__(
        self,
        base_url: str,
        api_key: str | None = None,
        *,
        timeout: float = 300.0,
        retries: int = 3,
        backoff: float = 1.0,
        batch_size: int = 32,
        name: str | None = None,
    ):
        super().__init__(
            base_url,
            api_key=None,
            timeout=timeout,
            retries=retries,
            backoff=backoff,
            name=name or f"libretranslate+{base_url.rstrip('/')}",
        )
        self.key = api_key or None  # LibreTranslate wants the key in the body, not a header
        self.batch_size = max(1, int(batch_size))
        self.stats = GenerationStats()
        self._languages: dict[str, set[str]] | None = None

    def _down(self) -> EngineError:
        return EngineError(f"The LibreTranslate server at {self.base_url} is not answering. Check it is running.")

    def _server_languages(self) -> dict[str, set[str]]:
        """Source code -> target codes the server offers (asked once)."""
        if self._languages is None:
            listed = self._request("GET", "/languages")
            if not isinstance(listed, list):
                raise EngineError(
                    f"The LibreTranslate server at {self.base_url} sent a language list easyread cannot read."
                )
            self._languages = {
                str(item.get("code")): set(item.get("targets") or []) for item in listed if isinstance(item, dict)
            }
        return self._languages

    def _server_code(self, code: str, offered: set[str]) -> str | None:
        for candidate in _SERVER_CODES.get(code, (code, code.split("-")[0])):
            if candidate in offered:
                return candidate
        return None

    def supported(self) -> dict[str, str]:
        """Catalogue code -> tier for the languages the server translates English into.

        Argos models are small OPUS-trained models: drafts at best.
        """
        targets = self._server_languages().get("en", set())
        out = {}
        for lang in catalogue.all_languages():
            if not lang.signed and self._server_code(lang.code, targets):
                out[lang.code] = DRAFT
        return out

    def translate(self, texts: list[str], target: str, source: str = "en") -> list[str]:
        """One request per `batch_size` texts; the server's translations in order."""
        if not texts:
            return []
        languages = self._server_languages()
        all_codes = set(languages) | {t for ts in languages.values() for t in ts}
        src = "en" if source == "en" else self._server_code(source, all_codes)
        tgt = "en" if target == "en" else self._server_code(target, languages.get(src or "", set()))
        if src is None or tgt is None:
            name = "English" if target == "en" else catalogue.lookup(target).name
            raise UnsupportedLanguage(f"The LibreTranslate server at {self.base_url} cannot translate into {name}.")
        out: list[str] = []
        started = time.perf_counter()
        for start in range(0, len(texts), self.batch_size):
            chunk = texts[start : start + self.batch_size]
            payload = {"q": chunk, "source": src, "target": tgt, "format": "text"}
            if self.key:
                payload["api_key"] = self.key
            reply = self._request("POST", "/translate", payload)
            translated = reply.get("translatedText") if isinstance(reply, dict) else None
            if isinstance(translated, str) and len(chunk) == 1:
                translated = [translated]
            if not isinstance(translated, list) or len(translated) != len(chunk):
                raise EngineError(f"The LibreTranslate server at {self.base_url} sent an answer easyread cannot read.")
            out.extend(str(t).strip() for t in translated)
        self.stats.seconds += time.perf_counter() - started
        self.stats.prompts += len(texts)
        self.stats.batches += 1
        return out
