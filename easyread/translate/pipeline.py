"""Translate an Easy Read draft into other languages, point by point, with facts and terms kept.

For each language: the title, headings, points and picture descriptions go to the
engine in one batch (the engine batches them further); the council's agreed
glossary translations are protected by markers and put back after; every point's
facts are compared with its English source and a point that lost one is translated
again with its facts protected; each point is translated back into English and
scored. Points that still fail are *flagged* for a fluent reviewer, never dropped.
Sections, headings, pictures and order are those of the English draft.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from easyread.config import Settings, resolved
from easyread.documents.model import EasyReadDocument, Picture, Point, Section
from easyread.engines.base import EngineError
from easyread.translate import backcheck, catalogue
from easyread.translate.catalogue import WEAK, Language
from easyread.translate.engines import Translator, get_translator, require
from easyread.translate.errors import AlreadyInLanguage, EmptyDraft, TranslationError, UnsupportedLanguage
from easyread.translate.factcheck import FactCheck, check_translation, protect_spans
from easyread.translate.placeholders import Protected, protect, restore

log = logging.getLogger(__name__)

FLAG_FACTS = "translation-facts"  # a fact was lost, changed or added, even after a retry
FLAG_DRIFT = "translation-drift"  # the back-translation says the meaning moved
FLAG_TERM = "translation-glossary"  # the council's agreed term could not be kept
FLAG_TRUST = "translation-low-trust"  # the engine is not good enough for this language
FLAG_ENGLISH = "translation-still-english"  # the engine gave the English back
FLAG_FUZZY = "translation-memory-fuzzy"  # drafted from memory for other English words: the marked words need a person
TRANSLATION_FLAGS = (FLAG_FACTS, FLAG_DRIFT, FLAG_TERM, FLAG_TRUST, FLAG_ENGLISH, FLAG_FUZZY)


@dataclass
class LanguageResult:
    """One language's outcome: a translated draft, or the reason there is none."""

    language: str
    name: str
    engine: str = ""
    draft: EasyReadDocument | None = None
    error: str | None = None
    tier: str | None = None
    points: int = 0
    flagged: int = 0
    facts_kept: int = 0  # points whose facts all came through
    from_memory: int = 0  # points filled from translation memory (exact matches)
    fuzzy: int = 0  # points drafted from a fuzzy memory match
    chrf: float | None = None  # mean back-translation chrF
    similarity: float | None = None  # mean back-translation similarity
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None and self.draft is not None

    def to_dict(self) -> dict:
        """Plain data for JSON reports (the draft itself is written separately)."""
        return {
            "language": self.language,
            "name": self.name,
            "engine": self.engine,
            "ok": self.ok,
            "error": self.error,
            "tier": self.tier,
            "points": self.points,
            "flagged": self.flagged,
            "facts_kept": self.facts_kept,
            "from_memory": self.from_memory,
            "fuzzy": self.fuzzy,
            "chrf": None if self.chrf is None else round(self.chrf, 1),
            "similarity": None if self.similarity is None else round(self.similarity, 3),
            "notes": list(self.notes),
            "seconds": round(self.seconds, 1),
        }


@dataclass
class TranslationRun:
    """Every language asked for, in order. Languages that finished are kept when others fail."""

    results: dict[str, LanguageResult] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results.values())

    def drafts(self) -> dict[str, EasyReadDocument]:
        """The finished drafts by language code."""
        return {code: r.draft for code, r in self.results.items() if r.ok}

    def errors(self) -> dict[str, str]:
        """The reason for each language that did not finish."""
        return {code: r.error for code, r in self.results.items() if r.error}

    def to_dict(self) -> dict:
        return {"ok": self.ok, "languages": [r.to_dict() for r in self.results.values()]}


def _quiet(stage: str, done: int, total: int) -> None:
    pass


@dataclass
class _Options:
    back_translate: bool
    chrf_min: float
    similarity_min: float

    @classmethod
    def from_settings(cls, settings: Settings) -> _Options:
        return cls(settings.TRANSLATE_BACK_CHECK, settings.TRANSLATE_CHRF_MIN, settings.TRANSLATE_SIMILARITY_MIN)


def translate_draft(
    draft,
    languages,
    engine=None,
    settings=None,
    glossary=None,
    progress=None,
    *,
    embedder=None,
    back_translate: bool | None = None,
    memory: dict | None = None,
) -> TranslationRun:
    """Translate an English Easy Read draft into each of `languages`; see easyread.translate."""
    settings = resolved(settings)
    progress = progress or _quiet
    if isinstance(draft, dict):
        draft = EasyReadDocument.from_dict(draft)
    wanted = catalogue.parse_languages(languages)  # unknown codes stop everything, before any work
    if not wanted:
        raise TranslationError("Choose at least one language to translate into, for example pl,ro,ur.")
    if not any(p.text.strip() for p in draft.points()):
        raise EmptyDraft("This draft has no points to translate. Make or approve the Easy Read draft first.")
    translator = _translator(engine, settings)
    if glossary is None:
        from easyread.glossary import load_glossary

        glossary = load_glossary(glossary_dir=settings.GLOSSARY_DIR or None)
    options = _Options.from_settings(settings)
    if back_translate is not None:
        options.back_translate = back_translate
    run = TranslationRun()
    stopped: str | None = None
    for language in wanted:
        result = run.results[language.code] = LanguageResult(language.code, language.name, engine=translator.name)
        if stopped:
            result.error = f"Not translated: {stopped}"
            continue
        started = time.perf_counter()
        try:
            result.tier = require(translator, language)
            _refuse_same_language(draft, language)
            _translate_one(
                draft,
                language,
                translator,
                glossary,
                options,
                embedder,
                progress,
                result,
                (memory or {}).get(language.code),
            )
        except TranslationError as error:
            result.error = str(error)
        except EngineError as error:
            # The engine is down or timed out after its retries: keep what is finished and
            # do not wait out the same failure once per remaining language.
            result.error = str(error)
            stopped = f"the engine failed while translating {language.name}: {error}"
            log.warning("Translation into %s failed: %s", language.code, error)
        result.seconds = time.perf_counter() - started
    return run


def _translator(engine, settings: dict) -> Translator:
    if engine is None or isinstance(engine, str):
        return get_translator(engine, settings)
    if not hasattr(engine, "translate") and hasattr(engine, "generate"):
        # A text model the caller already has loaded (the web app's rewriter engine).
        from easyread.translate.engines import LLMTranslator

        return LLMTranslator(engine)
    return engine


def _refuse_same_language(draft: EasyReadDocument, language: Language) -> None:
    declared = (draft.language or "en").replace("_", "-")
    if declared.lower() in (language.code.lower(), language.base.lower()):
        raise AlreadyInLanguage(f"This draft is already in {language.name}.")
    if declared.split("-")[0].lower() != "en":
        raise TranslationError(f"Only English drafts can be translated; this one is marked as {declared}.")
    from easyread.simplify.language import guess_language

    guess = guess_language(" ".join(p.text for p in draft.points()))
    if guess.language == language.base:
        raise AlreadyInLanguage(
            f"This draft looks as if it is already in {language.name}: translate the English draft instead."
        )


def _glossary_spans(glossary, text: str, language: Language) -> list[tuple[int, int, str]]:
    spans = []
    for match in glossary.find(text) if glossary is not None else []:
        agreed = match.entry.translations.get(language.code) or match.entry.translations.get(language.base)
        if agreed:
            spans.append((match.start, match.end, agreed))
    return spans


def _translate_protected(translator: Translator, texts: list[Protected], code: str) -> tuple[list[str], list[bool]]:
    """Translate texts with markers; (restored texts, whether each kept all its markers)."""
    todo = [i for i, item in enumerate(texts) if item.text.strip()]
    replies = translator.translate([texts[i].text for i in todo], code) if todo else []
    out, whole = [""] * len(texts), [True] * len(texts)
    for i, reply in zip(todo, replies):
        out[i], lost = restore(reply, texts[i].values)
        whole[i] = not lost
    return out, whole


def _translate_one(draft, language, translator, glossary, options, embedder, progress, result, memory=None) -> None:
    code, stage = language.code, f"translate {language.code}"
    points = draft.points()
    # Translation memory first: a point a person approved before needs no engine.
    matches = [memory.lookup(p.text) if memory is not None else None for p in points]
    alts = list(dict.fromkeys(p.picture.alt for p in points if p.picture and p.picture.alt))
    sources = [draft.title] + [s.heading for s in draft.sections] + [p.text for p in points] + alts
    first_point = 1 + len(draft.sections)
    flags: list[list[str]] = [[] for _ in points]
    findings: list[list[dict]] = [[] for _ in points]
    steps = 3 if options.back_translate else 2
    progress(stage, 0, steps)

    protected = [protect(text, _glossary_spans(glossary, text, language)) for text in sources]
    for i, match in enumerate(matches):
        if match is not None:
            protected[first_point + i] = Protected("")  # not sent to the engine
    texts, whole = _translate_protected(translator, protected, code)
    for i, match in enumerate(matches):
        if match is not None:
            texts[first_point + i] = match.text
    lost_terms = [i for i, ok in enumerate(whole) if not ok]
    if lost_terms:
        # The engine dropped a marker: translate those plainly, and say the agreed term may be missing.
        again = translator.translate([sources[i] for i in lost_terms], code)
        for i, text in zip(lost_terms, again):
            texts[i] = text
            if i >= first_point and i - first_point < len(points):
                flags[i - first_point].append(FLAG_TERM)
                terms = ", ".join(v for _, _, v in _glossary_spans(glossary, sources[i], language))
                findings[i - first_point].append(
                    {
                        "check": "translation-glossary",
                        "level": "warning",
                        "message": f"Check the council's agreed words are used: {terms}.",
                    }
                )
    progress(stage, 1, steps)

    point_texts = texts[first_point : first_point + len(points)]
    checks = [check_translation(p.text, t, code) for p, t in zip(points, point_texts)]
    from_memory = {i for i, m in enumerate(matches) if m}
    _repair_facts(points, point_texts, checks, language, translator, glossary, skip=from_memory)
    for i, check in enumerate(checks):
        if not check.ok:
            flags[i].append(FLAG_FACTS)
        if not check.ok or check.date_format:
            findings[i].append(check.finding())
    result.facts_kept = sum(1 for c in checks if c.ok)
    for i, (point, text) in enumerate(zip(points, point_texts)):
        if _still_english(point.text, text):
            flags[i].append(FLAG_ENGLISH)
            findings[i].append(
                {
                    "check": "translation-untranslated",
                    "level": "fail",
                    "message": f"This point was not translated into {language.name}: it is still in English.",
                }
            )
    progress(stage, 2, steps)

    result.from_memory = sum(1 for m in matches if m is not None and m.kind == "exact")
    result.fuzzy = sum(1 for m in matches if m is not None and m.kind == "fuzzy")
    if options.back_translate:
        # Exact memory matches are a person's approved words: no need to translate them back.
        exact = {i for i, m in enumerate(matches) if m is not None and m.kind == "exact"}
        _back_check(points, point_texts, language, translator, options, embedder, flags, findings, result, skip=exact)
        progress(stage, 3, steps)
    if result.tier == WEAK and any(m is None for m in matches):
        result.notes.append(
            f"{translator.name} is not good enough for {language.name}: every point needs a fluent speaker, or use another engine."
        )
        for point_flags, match in zip(flags, matches):
            if match is None:
                point_flags.append(FLAG_TRUST)
    _record_origins(matches, findings, translator.name)
    for point_flags, match in zip(flags, matches):
        if match is not None and match.kind == "fuzzy":
            point_flags.append(FLAG_FUZZY)

    alt_map = dict(zip(alts, texts[first_point + len(points) :]))
    result.draft = _build(draft, language, texts[0], texts[1:first_point], point_texts, alt_map, flags, findings)
    result.points = len(points)
    result.flagged = sum(1 for f in flags if f)


def _record_origins(matches, findings, engine_name: str) -> None:
    from easyread.translate.origin import ENGINE, FUZZY, MEMORY, ORIGIN_CHECK, describe

    for i, match in enumerate(matches):
        if match is None:
            origin, score, extra = ENGINE, None, {"engine": engine_name}
        elif match.kind == "exact":
            origin, score, extra = MEMORY, 100, {"segment": match.segment.id}
        else:
            origin, score, extra = FUZZY, match.score, {"segment": match.segment.id, "diff": match.diff}
        finding = {
            "check": ORIGIN_CHECK,
            "level": "info",
            "origin": origin,
            "message": describe(origin, score, ""),
            **extra,
        }
        if score is not None:
            finding["match"] = score
        findings[i].append(finding)


def _repair_facts(points, point_texts, checks, language, translator, glossary, skip=frozenset()) -> None:
    """Translate again, with their facts protected, the points whose facts did not come through."""
    failing = [i for i, c in enumerate(checks) if not c.ok and i not in skip]
    if not failing:
        return
    protected = []
    for i in failing:
        check = checks[i]
        lost = check.lost + [s for s, _ in check.changed]
        spans = protect_spans(points[i].text, lost, language.code)
        taken = [(s, e) for s, e, _ in spans]
        spans += [
            g
            for g in _glossary_spans(glossary, points[i].text, language)
            if not any(g[0] < e and s < g[1] for s, e in taken)
        ]
        protected.append(protect(points[i].text, spans))
    again, _ = _translate_protected(translator, protected, language.code)
    for i, text in zip(failing, again):
        recheck = check_translation(points[i].text, text, language.code)
        if _problems(recheck) < _problems(checks[i]):
            point_texts[i], checks[i] = text, recheck


def _still_english(source: str, text: str) -> bool:
    # Small models sometimes hand the English back (the embedded model did for Welsh);
    # its back-translation then scores perfectly, so this is checked on its own.
    if " ".join(source.split()).casefold() == " ".join(text.split()).casefold():
        return True
    from easyread.simplify.language import guess_language

    guess = guess_language(text)
    return guess.words >= 3 and guess.language == "en"


def _problems(check: FactCheck) -> tuple[int, int]:
    # A lost or changed fact is worse than an added one: a retry that drops the amount
    # must not win over a first try that only wrote a date's digits loosely.
    return len(check.lost) + len(check.changed), len(check.invented)


def _back_check(
    points, point_texts, language, translator, options, embedder, flags, findings, result, skip=frozenset()
) -> None:
    todo = [i for i, t in enumerate(point_texts) if t.strip() and i not in skip]
    try:
        scored = backcheck.back_check(
            translator,
            [points[i].text for i in todo],
            [point_texts[i] for i in todo],
            language.code,
            embedder=embedder,
            chrf_min=options.chrf_min,
            similarity_min=options.similarity_min,
        )
    except UnsupportedLanguage as error:
        result.notes.append(f"No back-translation check: {error} A fluent speaker should check every point.")
        return
    for i, check in zip(todo, scored):
        findings[i].append(check.finding())
        if check.drifted:
            flags[i].append(FLAG_DRIFT)
    if scored:
        result.chrf = sum(c.chrf for c in scored) / len(scored)
        result.similarity = sum(c.similarity for c in scored) / len(scored)


def _build(draft, language, title, headings, point_texts, alt_map, flags, findings) -> EasyReadDocument:
    sections, index = [], 0
    for section, heading in zip(draft.sections, headings):
        points = []
        for point in section.points:
            picture = None
            if point.picture is not None:
                old = point.picture
                picture = Picture(
                    path=old.path, alt=alt_map.get(old.alt, old.alt) if old.alt else "", credit=old.credit
                )
            # The English point's own flags still hold (its content is the same); its English
            # findings (sentence length, word choice) do not, so only translation findings go with it.
            point_flags = list(point.flags) + [f for f in flags[index] if f not in point.flags]
            points.append(
                Point(
                    text=point_texts[index],
                    picture=picture,
                    findings=findings[index],
                    flags=point_flags,
                    source_index=point.source_index,
                    sources=list(point.sources) if point.sources is not None else None,
                )
            )
            index += 1
        sections.append(Section(heading=heading if section.heading.strip() else "", points=points))
    return EasyReadDocument(
        title=title if draft.title.strip() else "",
        sections=sections,
        language=language.code,
        credits=list(draft.credits),
    )


def flagged_points(doc: EasyReadDocument) -> list[tuple[int, Point]]:
    """(position, point) of every point a fluent reviewer must look at, in order."""
    return [(i, p) for i, p in enumerate(doc.points()) if any(f in TRANSLATION_FLAGS for f in p.flags)]
