"""Translation of Easy Read drafts into many languages, with facts and terms kept.

The one function the web app, the job queue and the batch command call::

    translate_draft(draft, languages, engine=None, settings=None, glossary=None, progress=None,
                    *, embedder=None, back_translate=None, memory=None) -> TranslationRun

    draft      an English EasyReadDocument (or its to_dict() dict), e.g. the approved version
    languages  "pl,ro,ur" or ["pl", "pa-Arab", "zh-Hant"]: catalogue codes or English names;
               an unknown one raises UnknownLanguage (with the nearest codes) before any work
    engine     None (TRANSLATE_ENGINE, else MODEL), a spec ("embedded", "nllb:///models/nllb-600M",
               "libretranslate+http://host:5000", "openai+http://host/v1"…), a Translator, or a
               TextGenerator already loaded (wrapped as the instruction-model translator)
    settings   the resolved settings (easyread.config.Settings); a partial dict or None takes the declared defaults
    glossary   a Glossary whose language columns hold the council's agreed translations;
               None loads the default glossary plus GLOSSARY_DIR
    progress   progress(stage, done, total), stage "translate <code>"
    embedder   sentence embedder for the back-translation check (default all-MiniLM-L6-v2)
    back_translate  override the TRANSLATE_BACK_CHECK setting
    memory     {code: easyread.translate.memory.Memory}: approved translations looked up before
               the engine runs (exact matches filled with this draft's facts, fuzzy ones flagged)

It returns a TranslationRun: `run.results[code]` is a LanguageResult with `.draft`
(the translated EasyReadDocument, language and direction set, same sections,
pictures and order) or `.error` (plain English). A language the engine cannot do,
British Sign Language, or a draft already in that language gets an error for that
language only; an engine that is down or times out (after its retries) ends the run
with the finished languages kept and the rest marked "Not translated". An empty draft
raises EmptyDraft. Points a fluent reviewer must check carry a flag in `point.flags`
(see TRANSLATION_FLAGS) and a finding saying why; no point is ever hidden.
"""

from easyread.translate.catalogue import Language, all_languages, lookup
from easyread.translate.engines import Translator, get_translator
from easyread.translate.errors import (
    AlreadyInLanguage,
    EmptyDraft,
    NeedsPerson,
    TranslationError,
    UnknownLanguage,
    UnsupportedLanguage,
)
from easyread.translate.pipeline import (
    TRANSLATION_FLAGS,
    LanguageResult,
    TranslationRun,
    flagged_points,
    translate_draft,
)

__all__ = [
    "AlreadyInLanguage",
    "EmptyDraft",
    "Language",
    "LanguageResult",
    "NeedsPerson",
    "TRANSLATION_FLAGS",
    "TranslationError",
    "TranslationRun",
    "Translator",
    "UnknownLanguage",
    "UnsupportedLanguage",
    "all_languages",
    "flagged_points",
    "get_translator",
    "lookup",
    "translate_draft",
]
