"""Translation memory on repeated letters: share of points filled from memory, their facts, and time per letter.

A folder of generated Easy Read drafts of one kind (a council tax reminder) with
different names, amounts, dates, account numbers and phone numbers. The first letter
is translated by the engine alone and its translation approved as it stands (standing
in for a fluent speaker); its points become the memory. Every later letter is then
translated twice: by the engine alone (the baseline, same run) and with the memory.
Reported: the share of points filled from memory (exact) and drafted from it (fuzzy),
the share of memory-filled points whose facts are this letter's and all correct (the
fact lock), and the median seconds per letter with and without the memory.
"""

from __future__ import annotations

import json
import random
import re
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from babel.dates import format_date

from easyread.config import default
from easyread.documents.model import EasyReadDocument, Point, Section

NAMES = [
    "Ann Lee",
    "Mohammed Khan",
    "Ewa Nowak",
    "Priya Shah",
    "Tom Evans",
    "Grace Okafor",
    "Ioana Pop",
    "Li Wei",
    "Sara Ahmed",
    "David Jones",
    "Fatima Begum",
    "Jan Kowalski",
    "Maria Silva",
    "Omar Ali",
    "Chloe Brown",
    "Ravi Patel",
    "Aisha Noor",
    "Peter Hughes",
    "Nia Williams",
    "Kofi Mensah",
    "Hana Yusuf",
    "Luca Rossi",
]


def make_letters(count: int, seed: int = 7) -> list[EasyReadDocument]:
    """`count` Easy Read reminders of the same kind, each with its own name, amounts, dates and numbers."""
    rng = random.Random(seed)
    letters = []
    for n in range(count):
        due = date(2025, 1, 6) + timedelta(days=rng.randrange(0, 700))
        court = due + timedelta(days=rng.choice((14, 21, 28)))
        amount = f"£{rng.randrange(40, 2400):,}.{rng.choice(('00', '50', '25', '99'))}"
        points = [
            f"This letter is for {NAMES[n % len(NAMES)]}.",
            f"You must pay {amount} by {due.day} {format_date(due, 'MMMM', locale='en')} {due.year}.",
            f"Your account number is {rng.randrange(10_000_000, 99_999_999)}.",
            f"You have {rng.choice((7, 14, 21, 28))} days to pay.",
            "You can pay online at www.council.gov.uk/pay.",
            f"Call us on 01632 {rng.randrange(100, 999)} {rng.randrange(100, 999)} if you need help.",
            f"If you do not pay by {court.day} {format_date(court, 'MMMM', locale='en')} {court.year}, "
            "we may take you to court.",
            f"Court costs are £{rng.randrange(50, 150)}.",
        ]
        letters.append(
            EasyReadDocument(
                "Your council tax",
                [
                    Section("What you need to do", [Point(p) for p in points[:6]]),
                    Section("If you do not pay", [Point(p) for p in points[6:]]),
                ],
            )
        )
    return letters


def write_folder(letters: list[EasyReadDocument], folder: Path) -> list[Path]:
    """Write each letter's draft JSON into `folder` (letter-01.json …)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, letter in enumerate(letters, start=1):
        path = folder / f"letter-{n:02d}.json"
        path.write_text(json.dumps(letter.to_dict(), ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


class WordSwapTranslator:
    """A fast stand-in engine with no model: a Polish-looking translation with every fact kept and dates written
    in Polish (babel). Its speed says nothing about a real engine; use --memory-engine for that."""

    name = "fake word-swap (no model)"
    WORDS = {
        "This letter is for": "Ten list jest do",
        "You must pay": "Musisz zapłacić",
        "by": "do",
        "Your account number is": "Twój numer konta to",
        "You have": "Masz",
        "days to pay": "dni na zapłatę",
        "You can pay online at": "Możesz zapłacić online na",
        "Call us on": "Zadzwoń do nas pod",
        "if you need help": "jeśli potrzebujesz pomocy",
        "If you do not pay": "Jeśli nie zapłacisz",
        "we may take you to court": "możemy skierować sprawę do sądu",
        "Court costs are": "Koszty sądowe to",
        "Your council tax": "Twój podatek lokalny",
        "What you need to do": "Co musisz zrobić",
    }

    def __init__(self):
        self.batch_size = 8

    def supported(self) -> dict[str, str]:
        return {"pl": "draft"}

    def translate(self, texts: list[str], target: str, source: str = "en") -> list[str]:
        from easyread.checks.facts import extract_facts
        from easyread.translate.factcheck import preferred_date

        out = []
        for text in texts:
            if target == "en":
                out.append(text)
                continue
            for fact in sorted((f for f in extract_facts(text) if f.kind == "date"), key=lambda f: -f.start):
                text = text[: fact.start] + preferred_date(fact.value, target) + text[fact.end :]
            for en, pl in sorted(self.WORDS.items(), key=lambda item: -len(item[0])):
                text = re.sub(rf"\b{re.escape(en)}\b", pl, text)
            out.append(text)
        return out


def _approve(english: EasyReadDocument, translated: EasyReadDocument, language: str) -> list:
    """Segments from a translation approved as it stands (points whose facts do not match are left out)."""
    from easyread.translate.memory import make_segment

    segments = []
    for en_point, point in zip(english.points(), translated.points()):
        segment = make_segment(en_point.text, point.text, language)
        if segment is not None:
            segments.append(segment)
    return segments


def memory_bench(engine, language: str, folder: Path, settings: dict) -> dict:
    """The figures for the letters in `folder` (draft JSON files, the first is approved into the memory)."""
    from easyread.translate import translate_draft
    from easyread.translate.factcheck import check_translation
    from easyread.translate.memory import Memory
    from easyread.translate.origin import origin_of

    letters = [
        EasyReadDocument.from_dict(json.loads(p.read_text(encoding="utf-8"))) for p in sorted(folder.glob("*.json"))
    ]
    first, rest = letters[0], letters[1:]
    started = time.perf_counter()
    approved = translate_draft(first, language, engine=engine, settings=settings, back_translate=False).results[
        language
    ]
    first_seconds = time.perf_counter() - started
    if not approved.ok:
        raise RuntimeError(f"The first letter was not translated: {approved.error}")
    memory = Memory(
        language,
        _approve(first, approved.draft, language),
        fuzzy_min=int(settings.get("TRANSLATE_MEMORY_FUZZY_MIN") or default("TRANSLATE_MEMORY_FUZZY_MIN")),
    )
    alone, with_memory = [], []
    points = exact = fuzzy = facts_right = 0
    for n, letter in enumerate(rest, start=2):
        print(f"  memory: letter {n}/{len(letters)}", file=sys.stderr, flush=True)
        started = time.perf_counter()
        translate_draft(letter, language, engine=engine, settings=settings, back_translate=False)
        alone.append(time.perf_counter() - started)
        started = time.perf_counter()
        result = translate_draft(
            letter, language, engine=engine, settings=settings, back_translate=False, memory={language: memory}
        )
        with_memory.append(time.perf_counter() - started)
        result = result.results[language]
        for en_point, point in zip(letter.points(), result.draft.points()):
            points += 1
            origin = origin_of(point)["origin"]
            if origin == "memory":
                exact += 1
                facts_right += check_translation(en_point.text, point.text, language).ok
            elif origin == "fuzzy":
                fuzzy += 1
    return {
        "letters": len(letters),
        "language": language,
        "engine": engine.name,
        "segments": len(memory),
        "points": points,
        "exact": exact,
        "fuzzy": fuzzy,
        "facts_right": facts_right,
        "share_exact": exact / points if points else 0.0,
        "share_fuzzy": fuzzy / points if points else 0.0,
        "facts_right_share": facts_right / exact if exact else 0.0,
        "first_letter_seconds": first_seconds,
        "seconds_alone": statistics.median(alone) if alone else 0.0,
        "seconds_memory": statistics.median(with_memory) if with_memory else 0.0,
    }


def print_report(figures: dict) -> None:
    """The memory part of `easyread bench translate`, beside its targets."""
    print(
        f"\ntranslation memory: {figures['letters']} letters of one kind into {figures['language']} "
        f"with {figures['engine']} "
        f"(first letter approved as it stands: {figures['segments']} segments)"
    )
    print(
        f"  filled from memory (exact)   {figures['share_exact']:6.1%} of {figures['points']} points  (target >= 80%)"
    )
    print(f"  drafted from memory (fuzzy)  {figures['share_fuzzy']:6.1%}")
    print(
        f"  facts right in memory points {figures['facts_right_share']:6.1%} "
        f"({figures['facts_right']}/{figures['exact']})  (target 100%)"
    )
    alone, memory = figures["seconds_alone"], figures["seconds_memory"]
    speedup = f"x{alone / memory:.1f}" if memory else "-"
    print(
        f"  seconds per letter           engine alone {alone:.3f}  with memory {memory:.3f}  "
        f"({speedup}; median, back-check off)"
    )
