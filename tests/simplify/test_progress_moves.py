"""Progress moves inside the long stages (the web job's bar must not sit at one percentage for long):
the meaning check reports each sentence the rules read and each reply of the model, and a repair pass
reports each candidate it judges, never going back."""

from __future__ import annotations

from easyread.simplify import meaning, repair
from easyread.simplify.pipeline import simplify_document
from easyread.verify import Assessment

from .fakes import FakeEngine
from .letters import REMINDER, letter

LONG = (
    "If you are having difficulty paying, please phone us on 0161 496 0199 as soon as you can so that we "
    "can discuss whether you are entitled to a reduction."
)


def _script(kind, user, chat):
    # A long rewrite that no repair shortens: it goes through the repair round and then best-of-N.
    if kind in ("rewrite", "repair") and "difficulty" in user:
        return "- " + LONG
    return None


class Recorder:
    def __init__(self):
        self.calls: list[tuple[str, int, int]] = []

    def __call__(self, stage, done, total):
        self.calls.append((stage, done, total))

    def last(self, stage):
        return next((c[1:] for c in reversed(self.calls) if c[0] == stage), None)

    def of(self, stage):
        return [(d, t) for s, d, t in self.calls if s == stage]


def _never_back(reports):
    shares = [d / t for d, t in reports if t]
    return shares == sorted(shares) and shares[-1] == 1


def test_the_meaning_check_reports_each_sentence_and_each_reply_without_going_back(settings, monkeypatch):
    progress = Recorder()
    seen_by_rules: list = []
    real = meaning.assess

    def assess(sources, text, **kwargs):
        seen_by_rules.append(progress.last("meaning check"))
        verdict = real(sources, text, **kwargs)
        # Every sentence left to the model, so the stage has as many replies as sentences.
        if verdict.problems:
            return verdict
        return Assessment(undecided=[("invented", "Check the words.")])

    monkeypatch.setattr(meaning, "assess", assess)
    settings = {**settings, "REWRITE_BATCH_SIZE": 1}
    simplify_document(letter(*REMINDER), FakeEngine(_script), settings=settings, progress=progress)
    reports = progress.of("meaning check")
    assert len(seen_by_rules) > 3
    assert len(set(seen_by_rules)) == len(seen_by_rules)  # it moved before each sentence the rules read
    assert _never_back(reports)
    half = reports[-1][1] // 2
    assert len({d for d, _ in reports if half < d < 2 * half}) > 2  # and again as the model's replies came back


def test_a_repair_pass_reports_each_candidate_it_judges(settings, monkeypatch):
    progress = Recorder()
    judged: list = []
    real = repair.judge

    def judge(*args, **kwargs):
        judged.append(progress.last("best-of-N"))
        return real(*args, **kwargs)

    monkeypatch.setattr(repair, "judge", judge)
    settings = {**settings, "REWRITE_BEST_OF": 4}
    simplify_document(letter(*REMINDER), FakeEngine(_script), settings=settings, progress=progress)
    judged = [j for j in judged if j is not None]  # (the repair round's are judged before best-of-N starts)
    assert len(judged) >= 4
    assert len(set(judged)) == len(judged)  # the count moved while the candidates were judged, after the last reply
    assert _never_back(progress.of("best-of-N"))
    assert _never_back(progress.of("repair round 1"))


def test_pictures_are_matched_point_by_point():
    from easyread.pictures import Matcher
    from easyread.pictures.library import Library

    done: list[int] = []
    Matcher(Library([]), 0.5).match(["Pay your rent.", "Call us.", ""], on_done=done.append)
    assert done == [1, 2, 3]
