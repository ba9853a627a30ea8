"""Translation models from a local folder: NLLB-200, M2M-100, MADLAD-400 and Marian (OPUS-MT).

A council downloads one of these once (none is on PyPI) and points
TRANSLATE_ENGINE at the folder. Each family names target languages its own way:

  NLLB-200     a forced first token per language, e.g. pol_Latn, pan_Guru, zho_Hant
  M2M-100      a forced first token __pl__ (ISO 639-1)
  MADLAD-400   a prefix token on the *source*: "<2pl> Your bill is due."
  Marian       multilingual OPUS-MT (en-mul): a prefix token ">>pol<<" (ISO 639-3);
               a one-pair model (opus-mt-en-pl) writes one language only

What a folder can do is read from its tokenizer (a language is supported when its
token is in the vocabulary), so a cut-down or fine-tuned model is described truly.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from functools import cache
from pathlib import Path
from typing import Any

from easyread.engines.base import EngineError, GenerationStats
from easyread.translate import catalogue
from easyread.translate.catalogue import DRAFT, GOOD, HIGH_RESOURCE, WEAK
from easyread.translate.errors import TranslationError, UnsupportedLanguage

KINDS = ("nllb", "m2m100", "madlad", "marian")

# NLLB codes that are not simply ISO 639-3 + script: it names the individual language
# where ISO has a macrolanguage (Standard Arabic arb, Iranian Persian pes, Malay zsm…).
_NLLB_OVERRIDES = {
    "ar": "arb_Arab",
    "fa": "pes_Arab",
    "prs": "prs_Arab",
    "zh-Hans": "zho_Hans",
    "zh-Hant": "zho_Hant",
    "yue": "yue_Hant",
    "ms": "zsm_Latn",
    "et": "est_Latn",
    "lv": "lvs_Latn",
    "sq": "als_Latn",
    "uz": "uzn_Latn",
    "ps": "pbt_Arab",
    "mn": "khk_Cyrl",
    "om": "gaz_Latn",
    "ne": "npi_Deva",
    "sw": "swh_Latn",
    "nb": "nob_Latn",
    "az": "azj_Latn",
    "tl": "tgl_Latn",
    "en": "eng_Latn",
}
_M2M_OVERRIDES = {"zh-Hans": "zh", "nb": "no", "pa-Guru": "pa"}
# Only these scripts of a language may fall back to the bare language token; zh-Hant must
# never quietly become Simplified Chinese, nor pa-Arab Gurmukhi.
_NO_BASE_FALLBACK = {"zh-Hant", "pa-Arab"}
_MARIAN_EXTRA = {
    "zh-Hans": ["cmn_Hans", "zho_Hans"],
    "zh-Hant": ["cmn_Hant", "zho_Hant"],
    "yue": ["yue_Hant", "yue"],
    "fa": ["pes", "fas"],
    "ar": ["arb", "ara"],
    "ms": ["zsm_Latn", "msa"],
    "pa-Arab": ["pnb"],
    "pa-Guru": ["pan_Guru", "pan"],
    "sq": ["sqi", "als"],
    "nb": ["nob"],
}


def _alpha3(code: str) -> str:
    import langcodes

    return langcodes.Language.get(code).to_alpha3()


def nllb_code(code: str) -> str | None:
    """The NLLB-200 language token for a catalogue code, or None when NLLB-200 has none."""
    from transformers.models.nllb.tokenization_nllb import FAIRSEQ_LANGUAGE_CODES

    token = _NLLB_OVERRIDES.get(code)
    if token is None:
        language = catalogue.lookup(code)
        token = f"{_alpha3(code)}_{language.script}"
    return token if token in FAIRSEQ_LANGUAGE_CODES else None


def m2m_code(code: str) -> str | None:
    """The M2M-100 language code ("pl") for a catalogue code, or None."""
    from transformers.models.m2m_100.tokenization_m2m_100 import FAIRSEQ_LANGUAGE_CODES

    if code in _NO_BASE_FALLBACK:
        return None
    token = _M2M_OVERRIDES.get(code, code.split("-")[0])
    return token if token in FAIRSEQ_LANGUAGE_CODES["m2m100"] else None


def madlad_tokens(code: str) -> list[str]:
    """MADLAD-400 target-token candidates for a code, best first ("<2pl>")."""
    names = [code, code.replace("-", "_")]
    if code not in _NO_BASE_FALLBACK:
        names.append(code.split("-")[0])
    if code == "pa-Arab":
        names.append("pnb")
    return list(dict.fromkeys(f"<2{name}>" for name in names))


def marian_tokens(code: str) -> list[str]:
    """Multilingual OPUS-MT target-token candidates for a code, best first (">>pol<<")."""
    names = list(_MARIAN_EXTRA.get(code, []))
    if code not in _NO_BASE_FALLBACK:
        alpha3 = _alpha3(code)
        names += [alpha3, f"{alpha3}_{catalogue.lookup(code).script}"]
    return list(dict.fromkeys(f">>{name}<<" for name in names))


@cache
def declared_codes(kind: str) -> tuple[str, ...]:
    """Catalogue codes a full model of `kind` covers, from its published language list."""
    codes = [lang.code for lang in catalogue.all_languages() if not lang.signed]
    if kind == "nllb":
        return tuple(c for c in codes if nllb_code(c))
    if kind == "m2m100":
        return tuple(c for c in codes if m2m_code(c))
    if kind == "madlad":
        # MADLAD-400 covers 419 languages, every one of ours except (unverified) Shahmukhi Punjabi.
        return tuple(c for c in codes if c != "pa-Arab")
    return ()


# One loaded model per folder per process: loading takes seconds and memory.
_LOADED: dict[str, tuple[Any, Any]] = {}
_LOCK = threading.Lock()


def _load(folder: Path, with_model: bool = True) -> tuple[Any, Any]:
    os.environ["HF_HUB_OFFLINE"] = "1"
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    key = str(folder)
    with _LOCK:
        model, tokenizer = _LOADED.get(key, (None, None))
        try:
            if tokenizer is None:
                tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
            if model is None and with_model:
                model = AutoModelForSeq2SeqLM.from_pretrained(folder, local_files_only=True)
                model.eval()
        except (OSError, ValueError) as exc:
            raise EngineError(f"The translation model in {folder} could not be loaded: {exc}") from exc
        _LOADED[key] = (model, tokenizer)
        return model, tokenizer


def forget_models() -> None:
    """Drop every loaded model (tests and benchmarks use this to free memory)."""
    with _LOCK:
        _LOADED.clear()


class Seq2SeqTranslator:
    """A `Translator` running an encoder-decoder translation model from a folder, in this process."""

    def __init__(
        self,
        folder: str | os.PathLike,
        kind: str | None = None,
        *,
        batch_size: int = 8,
        max_new_tokens: int = 256,
        threads: int | None = None,
        name: str | None = None,
    ):
        self.folder = Path(folder).expanduser()
        if not (self.folder / "config.json").is_file():
            raise TranslationError(
                f"No translation model was found in {self.folder}. Check the folder has config.json in it."
            )
        if kind is not None and kind not in KINDS:
            raise TranslationError(f"easyread does not know the model kind {kind!r}. Use one of {', '.join(KINDS)}.")
        self.kind = kind or self._detect_kind()
        self.batch_size = max(1, int(batch_size))
        self.max_new_tokens = int(max_new_tokens)
        self.threads = threads
        self.name = name or f"{self.kind}://{self.folder}"
        self.stats = GenerationStats()
        self._lock = threading.Lock()

    def _detect_kind(self) -> str:
        config = json.loads((self.folder / "config.json").read_text(encoding="utf-8"))
        model_type = config.get("model_type", "")
        if model_type == "marian":
            return "marian"
        if model_type in ("t5", "mt5"):
            return "madlad"
        if model_type == "m2m_100":
            _, tokenizer = _load(self.folder, with_model=False)
            return "nllb" if _token_id(tokenizer, "eng_Latn") is not None else "m2m100"
        raise TranslationError(
            f"The model in {self.folder} is a {model_type or 'model of unknown kind'}, not a translation model easyread can use (NLLB, M2M-100, MADLAD-400 or Marian)."
        )

    # --- languages -------------------------------------------------------------------

    def _tokenizer(self):
        return _load(self.folder, with_model=False)[1]

    def _target_token(self, tokenizer, code: str) -> str | None:
        """The token that makes the model write `code`, if this folder has one."""
        if self.kind == "nllb":
            token = nllb_code(code)
            return token if token and _token_id(tokenizer, token) is not None else None
        if self.kind == "m2m100":
            token = m2m_code(code) if code != "en" else "en"
            return f"__{token}__" if token and _token_id(tokenizer, f"__{token}__") is not None else None
        candidates = madlad_tokens(code) if self.kind == "madlad" else marian_tokens(code)
        return next((t for t in candidates if _token_id(tokenizer, t) is not None), None)

    def _pair_target(self) -> str | None:
        """The one language a single-pair Marian model writes (opus-mt-en-pl -> pl)."""
        tokenizer = self._tokenizer()
        target = getattr(tokenizer, "target_lang", None) or ""
        found = re.search(r"-en-([a-z]{2,3})(?:$|[-_])", self.folder.name) if not target else None
        target = target or (found.group(1) if found else "")
        try:
            return catalogue.lookup(target).code if target else None
        except TranslationError:
            return None

    def _multilingual_marian(self, tokenizer) -> bool:
        return any(t.startswith(">>") and t.endswith("<<") for t in tokenizer.get_vocab())

    def supported(self) -> dict[str, str]:
        """Catalogue code -> trust tier, from the languages this folder's tokenizer can write."""
        tokenizer = self._tokenizer()
        if self.kind == "marian" and not self._multilingual_marian(tokenizer):
            target = self._pair_target()
            return {target: DRAFT} if target else {}
        out = {}
        for lang in catalogue.all_languages():
            if not lang.signed and self._target_token(tokenizer, lang.code):
                out[lang.code] = tier(self.kind, lang.code)
        return out

    # --- translating -----------------------------------------------------------------

    def translate(self, texts: list[str], target: str, source: str = "en") -> list[str]:
        """Translate `texts` from `source` into `target`, `batch_size` at a time, longest first."""
        if not texts:
            return []
        model, tokenizer = _load(self.folder)
        if self.threads:
            import torch

            torch.set_num_threads(int(self.threads))
        prefix, forced = self._direction(tokenizer, target, source)
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        out = [""] * len(texts)
        with self._lock:
            for start in range(0, len(order), self.batch_size):
                chunk = order[start : start + self.batch_size]
                replies = self._batch(model, tokenizer, [prefix + texts[i] for i in chunk], forced)
                for index, reply in zip(chunk, replies):
                    out[index] = reply
        return out

    def _direction(self, tokenizer, target: str, source: str) -> tuple[str, int | None]:
        """(source prefix, forced first token id) for this direction; raises when unsupported."""
        token = self._target_token(tokenizer, target) if target != "en" or self.kind != "marian" else None
        if self.kind == "marian":
            if source != "en":
                raise UnsupportedLanguage(
                    f"The model in {self.folder} translates from English only, so it cannot translate back into English."
                )
            if self._multilingual_marian(tokenizer):
                if token is None:
                    raise UnsupportedLanguage(f"The model in {self.folder} cannot translate into {_name(target)}.")
                return token + " ", None
            if self._pair_target() != target:
                raise UnsupportedLanguage(
                    f"The model in {self.folder} translates into {_name(self._pair_target() or 'one other language')} only, not {_name(target)}."
                )
            return "", None
        if target == "en" and self.kind == "madlad":
            token = "<2en>" if _token_id(tokenizer, "<2en>") is not None else None
        if token is None:
            raise UnsupportedLanguage(f"The model in {self.folder} cannot translate into {_name(target)}.")
        if self.kind == "madlad":
            return token + " ", None
        source_code = nllb_code(source) if self.kind == "nllb" else (m2m_code(source) if source != "en" else "en")
        if source_code is None:
            raise UnsupportedLanguage(f"The model in {self.folder} cannot read {_name(source)}.")
        tokenizer.src_lang = source_code
        return "", _token_id(tokenizer, token)

    def _batch(self, model, tokenizer, texts: list[str], forced: int | None) -> list[str]:
        import torch

        encoded = tokenizer(texts, return_tensors="pt", padding=True, truncation=True, max_length=512)
        options: dict[str, Any] = {"max_new_tokens": self.max_new_tokens, "num_beams": 1, "do_sample": False}
        if forced is not None:
            options["forced_bos_token_id"] = forced
        started = time.perf_counter()
        try:
            with torch.inference_mode():
                output = model.generate(**encoded, **options)
        except (MemoryError, RuntimeError) as exc:
            if isinstance(exc, MemoryError) or "memory" in str(exc).lower():
                raise EngineError(
                    "The computer ran out of memory while translating. Lower EASYREAD_TRANSLATE_BATCH_SIZE and try again."
                ) from exc
            raise
        self.stats.seconds += time.perf_counter() - started
        self.stats.prompts += len(texts)
        self.stats.batches += 1
        self.stats.generated_tokens += int((output != (tokenizer.pad_token_id or 0)).sum())
        return [t.strip() for t in tokenizer.batch_decode(output, skip_special_tokens=True)]


def _token_id(tokenizer, token: str) -> int | None:
    found = tokenizer.convert_tokens_to_ids(token)
    if found is None or found == tokenizer.unk_token_id:
        return None
    return int(found)


def tier(kind: str, code: str) -> str:
    """Trust tier of a model family for one language (see engines.declared_tiers for the sources)."""
    if kind == "marian":
        return DRAFT
    top, rest = (GOOD, DRAFT) if kind in ("nllb", "madlad") else (DRAFT, WEAK)
    return top if code in HIGH_RESOURCE else rest


def _name(code: str) -> str:
    return "English" if code == "en" else catalogue.lookup(code).name
