"""A scripted engine for the rewriter's tests: no model, replies chosen by the prompt."""

from __future__ import annotations

import re
from collections.abc import Callable

from easyread.engines.base import GenerationStats, Sampling


def last_user(chat) -> str:
    return [m["content"] for m in chat if m["role"] == "user"][-1]


def echo_rewrite(paragraph: str) -> str:
    """A 'rewrite' that repeats the paragraph one sentence per line."""
    sentences = re.split(r"(?<=[.!?])\s+", paragraph.strip())
    return "\n".join(f"- {s}" for s in sentences if s)


def sentence_of(user: str) -> str:
    """The letter sentence a rewrite prompt asks for (without its paragraph, facts and hard words)."""
    mark = "Rewrite this sentence:\n" if "Rewrite this sentence:\n" in user else "Paragraph:\n"
    after = user.split(mark, 1)[1]
    return after.split("\nKeep exactly:")[0].split("\nHard words:")[0]


def plain_cuts(user: str) -> str:
    """The "- " lines a plain-words prompt asks to say in everyday words (a condition's cuts)."""
    after = user.split("Say these sentences in everyday words:\n", 1)[1]
    return "\n".join(line for line in after.splitlines() if line.startswith("- "))


class FakeEngine:
    """Answers each prompt with `script(kind, user_text, chat)`; counts prompts and 'tokens'.

    `kind` is "rewrite", "plain", "summary", "verify", "repair", "lost" or "meaning-repair".
    The default script echoes paragraphs, answers YES to every meaning check and
    returns repairs unchanged, so a test scripts only what it is about.
    """

    name = "fake"

    def __init__(self, script: Callable[[str, str, list], str | None] | None = None):
        self.script = script or (lambda kind, text, chat: None)
        self.stats = GenerationStats()
        self.calls: list[tuple[str, str]] = []
        self.batches: list[int] = []

    @staticmethod
    def kind(chat) -> str:
        user = last_user(chat)
        system = chat[0]["content"]
        if system.startswith("You check"):
            return "verify"
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

    def default(self, kind: str, user: str) -> str:
        if kind == "rewrite":
            return echo_rewrite(sentence_of(user))
        if kind == "plain":
            return plain_cuts(user)
        if kind == "summary":
            return "- This letter is about your Council Tax."
        if kind == "verify":
            count = len(re.findall(r"^\d+\. ", user.split("Sentences:", 1)[1], re.M))
            return "\n".join(f"{i}: YES" for i in range(1, count + 1))
        if kind in ("repair", "meaning-repair"):
            return "- " + user.split("sentence:\n", 1)[1].split("\n")[0]
        if kind == "lost":
            return ""
        return ""

    def generate(self, prompts, sampling: Sampling | None = None):
        self.batches.append(len(prompts))
        out = []
        for chat in prompts:
            kind = self.kind(chat)
            user = last_user(chat)
            self.calls.append((kind, user))
            reply = self.script(kind, user, chat)
            if reply is None:
                reply = self.default(kind, user)
            self.stats.prompts += 1
            self.stats.generated_tokens += len(reply.split())
            out.append(reply)
        return out
