"""Translation engines behind one small interface, and the spec that picks one.

Specs (the TRANSLATE_ENGINE setting, or `--engine`):

  embedded, embedded-fast, transformers:///folder, openai+http://host/v1
        an instruction-following text model (the same engines the rewriter uses)
  nllb:///folder  m2m100:///folder  madlad:///folder  marian:///folder  seq2seq:///folder
        a translation model downloaded into a folder (seq2seq:// finds the kind itself)
  libretranslate+http://host:5000
        a LibreTranslate server (set TRANSLATE_API_KEY if it needs a key)

Every engine translates a *batch* of texts into one language, because batching is
what makes a CPU model fast enough, and says which catalogue languages it supports
with a trust tier (see catalogue.py for what the tiers mean).
"""

from __future__ import annotations

import re
from typing import Protocol, runtime_checkable

from easyread.config import Settings, resolved
from easyread.engines.base import Sampling, TextGenerator
from easyread.translate import catalogue
from easyread.translate.catalogue import DRAFT, GOOD, HIGH_RESOURCE, WEAK, Language
from easyread.translate.errors import NeedsPerson, NotSetUp, TranslationError, UnsupportedLanguage

SEQ2SEQ_PREFIXES = ("nllb://", "m2m100://", "madlad://", "marian://", "seq2seq://")
LIBRE_PREFIXES = ("libretranslate+http://", "libretranslate+https://")


@runtime_checkable
class Translator(Protocol):
    """Anything that translates a batch of texts from one language into another, in order."""

    name: str

    def supported(self) -> dict[str, str]:
        """Catalogue code -> trust tier, for every language this engine can write."""
        ...

    def translate(self, texts: list[str], target: str, source: str = "en") -> list[str]:
        """One translation per text, in the same order. `target`/`source` are catalogue codes or "en"."""
        ...


# --- the instruction-following model --------------------------------------------

# Qwen2.5-Coder-1.5B is trained mostly on code and English; its makers list Chinese and
# the large European languages among those it handles. At 1.5B parameters even those are
# drafts, and everything else is too weak to send (see `easyread bench translate`).
EMBEDDED_DRAFT = frozenset({"zh-Hans", "zh-Hant", "es", "fr", "de", "pt", "it"})

SYSTEM = (
    "You are a careful translator for a UK council. You translate Easy Read text from {source} into {target}. "
    "Keep the meaning exactly and keep the sentences short and simple. "
    "Copy every number, amount of money, phone number, email address and web address exactly as written. "
    "Write dates the way {target} writes them. "
    "Copy every marker like ⟦1⟧ exactly, in the place where its word belongs. "
    "Reply with the translation only: no notes, no quotes, no English."
)


def llm_tiers(draft: frozenset[str]) -> dict[str, str]:
    """Tiers for a general text model: `draft` languages are drafts, every other language is weak."""
    return {lang.code: (DRAFT if lang.code in draft else WEAK) for lang in catalogue.all_languages() if not lang.signed}


class LLMTranslator:
    """Translation by prompting any `TextGenerator` (the embedded model or a model server)."""

    def __init__(self, generator: TextGenerator, *, tiers: dict[str, str] | None = None, name: str | None = None):
        self.generator = generator
        self.name = name or getattr(generator, "name", "model")
        self.tiers = tiers if tiers is not None else llm_tiers(EMBEDDED_DRAFT)

    @property
    def batch_size(self) -> int:
        return int(getattr(self.generator, "batch_size", 1))

    @batch_size.setter
    def batch_size(self, value: int) -> None:
        if hasattr(self.generator, "batch_size"):
            self.generator.batch_size = int(value)

    @property
    def stats(self):
        return getattr(self.generator, "stats", None)

    def supported(self) -> dict[str, str]:
        """Catalogue code -> trust tier."""
        return dict(self.tiers)

    def translate(self, texts: list[str], target: str, source: str = "en") -> list[str]:
        """Translate each text in its own chat, all chats in one batch."""
        if not texts:
            return []
        system = SYSTEM.format(source=_label(source), target=_label(target))
        chats = [[{"role": "system", "content": system}, {"role": "user", "content": text}] for text in texts]
        # A cap near the longest sensible answer: a small model that rambles holds up its
        # whole batch until the cap. Other scripts take more tokens per character.
        longest = max(len(text) for text in texts)
        per_char = 0.8 if target == "en" or _script(target) in ("Latn", "Cyrl", "Grek") else 1.6
        sampling = Sampling(max_new_tokens=min(512, int(24 + per_char * longest)))
        return [clean_reply(reply) for reply in self.generator.generate(chats, sampling)]


def _script(code: str) -> str:
    return catalogue.lookup(code).script


def _label(code: str) -> str:
    return "English" if code == "en" else catalogue.lookup(code).label


_PREFIX = re.compile(r"^(?:translation|tłumaczenie|traducere)\s*(?:\([^)]*\))?\s*:\s*", re.IGNORECASE)


def clean_reply(reply: str) -> str:
    """The translation alone: no 'Translation:' label, wrapping quotes or trailing notes."""
    text = (reply or "").strip()
    text = _PREFIX.sub("", text)
    # Small models sometimes add a note or the English after a blank line.
    text = text.split("\n\n")[0].strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'«“”„":
        text = text[1:-1].strip()
    if text[:1] in "“„«" and text[-1:] in "”“»":
        text = text[1:-1].strip()
    return text


# --- which engine can do what -------------------------------------------------------

ENGINE_KINDS = {
    "embedded": "the embedded model (embedded)",
    "nllb": "NLLB-200 (nllb:///folder)",
    "madlad": "MADLAD-400 (madlad:///folder)",
    "m2m100": "M2M-100 (m2m100:///folder)",
    "marian": "an OPUS-MT model for that language (marian:///folder)",
    "libretranslate": "LibreTranslate (libretranslate+http://host:5000)",
}


def declared_tiers(kind: str) -> dict[str, str]:
    """What an engine of `kind` supports before any folder or server is looked at.

    From the published evaluations: NLLB-200 and MADLAD-400 reach high chrF++ on
    FLORES-200 for high-resource languages (good) and are usable drafts for most
    others; M2M-100 trails both by several points, so one tier lower.
    """
    from easyread.translate import seq2seq

    if kind == "embedded":
        return llm_tiers(EMBEDDED_DRAFT)
    if kind in ("nllb", "madlad", "m2m100"):
        return {code: seq2seq.tier(kind, code) for code in seq2seq.declared_codes(kind)}
    return {}


def engines_that_can(code: str) -> list[str]:
    """Descriptions of the engine kinds that can translate into `code` at draft tier or better."""
    out = []
    for kind, description in ENGINE_KINDS.items():
        tier = declared_tiers(kind).get(code)
        if tier in (GOOD, DRAFT):
            out.append(description)
    return out


def require(translator: Translator, language: Language) -> str:
    """The engine's tier for `language`; raise a plain error when it cannot translate into it."""
    if language.signed:
        raise NeedsPerson(
            f"{language.name} needs a person: no machine can translate into it. Ask your interpreting service for a BSL video."
        )
    tier = translator.supported().get(language.code)
    if tier is None:
        others = [e for e in engines_that_can(language.code) if not e.startswith(translator.name)]
        hint = (
            f" It can be done with {' or '.join(others[:3])}."
            if others
            else " No engine we know of does it well: ask a translator."
        )
        raise UnsupportedLanguage(f"The engine {translator.name} cannot translate into {language.name}.{hint}")
    return tier


# --- choosing an engine ------------------------------------------------------------

# Model specs that write no text ("none" lays a letter out with its words unchanged), so cannot translate.
NON_TRANSLATING = frozenset({"", "none"})


def configured_spec(settings: Settings | dict) -> str | None:
    """The engine spec translation uses: TRANSLATE_ENGINE, else the MODEL setting; None when neither can translate."""
    settings = resolved(settings)
    spec = settings.TRANSLATE_ENGINE.strip() or str(settings.MODEL).strip()
    return None if spec.lower() in NON_TRANSLATING else spec


def get_translator(spec: str | None, settings: Settings | dict) -> Translator:
    """The translation engine for `spec` (default: TRANSLATE_ENGINE, else the MODEL setting)."""
    settings = resolved(settings)
    spec = (spec or "").strip() or configured_spec(settings)
    if spec is None or spec.lower() in NON_TRANSLATING:
        raise NotSetUp()
    batch_size = settings.TRANSLATE_BATCH_SIZE or settings.MODEL_BATCH_SIZE
    if spec.startswith(SEQ2SEQ_PREFIXES):
        from easyread.translate.seq2seq import Seq2SeqTranslator

        kind, _, folder = spec.partition("://")
        return Seq2SeqTranslator(
            folder,
            kind=None if kind == "seq2seq" else kind,
            batch_size=batch_size,
            max_new_tokens=settings.TRANSLATE_MAX_TOKENS,
            threads=settings.MODEL_THREADS or None,  # 0 means one per core
            name=spec,
        )
    if spec.startswith(LIBRE_PREFIXES):
        from easyread.translate.libre import LibreTranslator

        return LibreTranslator(
            spec[len("libretranslate+") :],
            api_key=settings.TRANSLATE_API_KEY or None,
            timeout=settings.MODEL_TIMEOUT,
            retries=settings.MODEL_RETRIES,
            name=spec,
        )
    from easyread.engines.base import EngineError
    from easyread.engines.registry import OPENAI_PREFIXES, get_engine

    try:
        generator = get_engine(spec, settings)
    except EngineError as error:
        raise TranslationError(
            f"{error} For translation you can also use nllb:///folder, madlad:///folder, m2m100:///folder, marian:///folder or libretranslate+http://host:5000."
        ) from error
    if hasattr(generator, "batch_size"):
        generator.batch_size = batch_size
    if spec.startswith(OPENAI_PREFIXES) or spec.startswith("transformers://"):
        # A model we have not measured: drafts in high-resource languages, nothing more.
        return LLMTranslator(generator, tiers=llm_tiers(HIGH_RESOURCE), name=spec)
    return LLMTranslator(generator, name=spec)


def engine_support(spec: str | None, settings: Settings | dict) -> tuple[str, dict[str, str]]:
    """(engine name, code -> tier) for `spec`, without loading a text model.

    A seq2seq folder's tokenizer is read and a LibreTranslate server asked; the
    embedded model and model servers are described from what we know of them.
    """
    settings = resolved(settings)
    spec = (spec or "").strip() or configured_spec(settings)
    if spec is None or spec.lower() in NON_TRANSLATING:
        raise NotSetUp()
    if spec.startswith(SEQ2SEQ_PREFIXES) or spec.startswith(LIBRE_PREFIXES):
        translator = get_translator(spec, settings)
        return translator.name, translator.supported()
    from easyread.engines.embedded import EMBEDDED_MODELS

    if spec in EMBEDDED_MODELS:
        return spec, llm_tiers(EMBEDDED_DRAFT)
    return spec, llm_tiers(HIGH_RESOURCE)
