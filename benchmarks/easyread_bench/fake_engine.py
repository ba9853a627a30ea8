"""An instant, deterministic stand-in for the model, for measuring the pipeline's own work.

Replies depend only on the prompt (a CRC of its text picks what to do), never on timing or thread, so two runs
give the same drafts. Some replies are meant to fail: a rewrite left as one long sentence goes to repair and
best-of-N, a rewrite that turns "must" into "may" or drops "not" is caught by the meaning rules and goes to the
meaning repair and the fall-back, and the model's second opinion sometimes answers NO. That way every stage the
real model drives does its checks here too.
"""

from __future__ import annotations

import re
import zlib

from easyread.engines.base import GenerationStats, Sampling

_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_CUT = re.compile(r",\s+|\s+and\s+|\s+but\s+|\s+because\s+")
_SWAPS = ((" must ", " may "), (" will ", " might "), (" not ", " "), (" you ", " we "))


def _crc(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def _last_user(chat) -> str:
    return [m["content"] for m in chat if m["role"] == "user"][-1]


def _between(text: str, start: str, end: str = "\n") -> str:
    after = text.split(start, 1)[1] if start in text else text
    return after.split(end, 1)[0].strip()


def _sentence_end(text: str) -> str:
    text = text.strip().rstrip(",;:")
    return text if text.endswith((".", "?", "!")) else text + "."


def _cut(sentence: str, at: int = 0) -> list[str]:
    """The sentence cut at its `at`-th comma or 'and' (from the start), each piece a sentence of its own."""
    cuts = list(_CUT.finditer(sentence))
    if not cuts:
        return [sentence]
    m = cuts[at % len(cuts)]
    head, tail = sentence[: m.start()].strip(), sentence[m.end() :].strip()
    if not head or not tail:
        return [sentence]
    return [_sentence_end(head), _sentence_end(tail[0].upper() + tail[1:])]


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"- {line}" for line in lines if line)


class InstantEngine:
    """Answers every prompt at once from its text; counts prompts and 'tokens' (words) like a real engine."""

    name = "instant fake"

    def __init__(self) -> None:
        self.stats = GenerationStats()
        # The batching shares one Sampling (one seed) across a batch, so the best-of samples of one sentence would
        # all be the same: each sampled ask of the same prompt counts up instead (deterministic for one letter).
        self._samples: dict[str, int] = {}

    @staticmethod
    def kind(chat) -> str:
        user, system = _last_user(chat), chat[0]["content"]
        if system.startswith("You check"):
            return "verify"
        if system.startswith("You read one short text"):
            return "questions"
        if "Rewrite this sentence:" in user or user.startswith("Paragraph:"):
            return "rewrite"
        if "Say these sentences in everyday words:" in user:
            return "plain"
        if "what this letter is about" in user:
            return "summary"
        if "Fix these problems" in user:
            return "repair"
        if "Problem:" in user:
            return "meaning-repair"
        if "says what the letter says about" in user:
            return "lost"
        return "other"

    def reply(self, chat, sampling: Sampling | None) -> str:
        kind, user = self.kind(chat), _last_user(chat)
        seed = -1
        if sampling is not None and sampling.temperature:
            seed = self._samples[user] = self._samples.get(user, -1) + 1
        if kind == "rewrite":
            return self._rewrite(_between(user, "Rewrite this sentence:\n", "\n"))
        if kind == "plain":
            # A condition's cuts given back, a "must" made "may" in one of five: take_plain_words keeps the cut there.
            cuts = re.findall(r"^- (.*)$", user.split("everyday words:\n", 1)[1], re.M)
            return _bullets([c.replace(" must ", " may ") if _crc(c) % 5 == 1 else c for c in cuts])
        if kind == "summary":
            words = _between(user, "Letter:\n").split()[:8]
            return f"- This letter is about {' '.join(words).rstrip('.,')}."
        if kind == "repair":
            sentence = _between(user, "Easy Read sentence:\n")
            # Greedy repairs cut at the first comma or 'and'; each best-of sample cuts somewhere else.
            return _bullets(_cut(sentence, seed + 1))
        if kind == "meaning-repair":
            sentence, source = _between(user, "Easy Read sentence:\n"), _between(user, "Letter text:\n")
            # Half the time the letter's own first sentence (passes), else the failing line again (falls back).
            return _bullets([_SENTENCE.split(source)[0] if _crc(sentence) % 2 else sentence])
        if kind == "lost":
            fact = _between(user, "Keep exactly: ")
            return f"- The letter says {fact}."
        if kind == "verify":
            numbered = re.findall(r"^(\d+)\. (.*)$", user.split("Sentences:", 1)[-1], re.M)
            return "\n".join(f"{n}: {'NO' if _crc(s) % 5 == 0 else 'YES'}" for n, s in numbered)
        if kind == "questions":
            return self._questions(_between(user, "Text:\n", "\n\nQuestions:"))
        return ""

    @staticmethod
    def _rewrite(sentence: str) -> str:
        pick = _crc(sentence) % 5
        if pick == 0:  # left long: the checks fail it and it goes to repair, then best-of-N
            return _bullets([sentence])
        if pick == 1:  # a meaning change the rules catch
            padded = f" {sentence} "
            for old, new in _SWAPS:
                if old in padded:
                    return _bullets([padded.replace(old, new, 1).strip()])
        if pick in (1, 2):
            return _bullets(_cut(sentence))
        return _bullets([s for s in _SENTENCE.split(sentence) if s])

    @staticmethod
    def _questions(text: str) -> str:
        low = f" {text.lower()} "
        who = "we" if low.startswith((" we ", " the council ")) else "you" if low.startswith(" you ") else "other"
        pay = "you pay us" if " pay " in low and "you" in low else "no money"
        stance = "must not" if "must not" in low else "must" if " must " in low else "may" if " can " in low else "will"
        when = "only if" if " if " in low or " unless " in low else "always"
        return f"1: {who}\n2: {pay}\n3: {stance}\n4: {when}"

    def generate(self, prompts, sampling: Sampling | None = None) -> list[str]:
        """One reply per prompt, at once."""
        out = []
        for chat in prompts:
            reply = self.reply(chat, sampling)
            self.stats.prompts += 1
            self.stats.generated_tokens += len(reply.split())
            out.append(reply)
        return out


class RecordingEngine:
    """An engine that hands every call to another and writes down what each call asked, stage by stage.

    Give `progress` to the pipeline as its progress callback: each call is filed under the stage whose progress
    its replies report (a summary prompt, asked with the rewrites, under "summary")."""

    def __init__(self, engine: InstantEngine) -> None:
        self.engine = engine
        self.name = engine.name
        self.stats = engine.stats
        self.asked: list[dict] = []  # one per prompt asked: {"stage", "call", "chat", "sampling"}, in order
        self._calls = 0
        self._stage = ""

    def progress(self, stage: str, done: int, total: int) -> None:
        """The pipeline's progress callback: remembers which stage is reporting."""
        self._stage = stage

    def generate(self, prompts, sampling: Sampling | None = None) -> list[str]:
        """One reply per prompt, in order."""
        return self.generate_each(prompts, [sampling or Sampling()] * len(prompts))

    def generate_each(self, prompts, samplings, on_done=None) -> list[str]:
        """One reply per prompt, each with its own sampling, as the wrapped engine gives them; the call recorded."""
        out = [self.engine.generate([chat], sampling)[0] for chat, sampling in zip(prompts, samplings)]
        self._stage = ""
        if on_done:
            on_done(len(prompts))  # the caller reports progress under its stage's name
        stage, self._calls = self._stage or "other", self._calls + 1
        for chat, sampling in zip(prompts, samplings):
            name = "summary" if InstantEngine.kind(chat) == "summary" else stage
            self.asked.append({"stage": name, "call": self._calls, "chat": chat, "sampling": sampling})
        return out
