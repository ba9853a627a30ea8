"""Prompts and prompt tokens per stage of the rewriter, and the greedy prompts that repeat one asked before.

Used by `easyread bench pipeline-cpu`: the prompts come from a RecordingEngine (easyread_bench.fake_engine); the
tokens are counted with the embedded model's tokenizer and chat template, as the engine reads a prompt (no model
weights are loaded). Without a prepared embedded model, words are counted instead and the bench says so.
"""

from __future__ import annotations

import json
import os

from easyread.engines.base import encode_chat
from easyread.engines.local import MIN_SHARED_PREFIX
from easyread.simplify.reply_memo import prompt_key

FIELDS = (
    "prompts",
    "tokens",
    "sampled",
    "copies_in_call",
    "copies_across_calls",
    "copy_tokens",
    "sent",
    "sent_tokens",
    "own_tokens",
)
# Shorter shared starts are read with each prompt anyway.
MIN_SHARED = MIN_SHARED_PREFIX


def prompt_tokenizer(settings):
    """The embedded model's tokenizer, or None when the model is not prepared on this machine."""
    from easyread.engines import embedded

    model = embedded.EMBEDDED_MODELS["embedded"]
    root = embedded.cache_root_from(settings)
    if not embedded.is_ready(model, root):
        return None
    os.environ["HF_HUB_OFFLINE"] = "1"
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(embedded.cache_dir(model, root), local_files_only=True)


class TokenCount:
    """Prompt tokens of a chat as the in-process engine reads it (chat template with the assistant's turn opened)."""

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer
        self.unit = "tokens" if tokenizer is not None else "words (no prepared model here to count tokens with)"
        self._known: dict[str, tuple] = {}

    def __call__(self, chat) -> int:
        return len(self.ids(chat))

    def ids(self, chat) -> tuple:
        """The chat's token ids (its words without a tokenizer)."""
        key = json.dumps(chat, sort_keys=True)
        if key not in self._known:
            if self.tokenizer is None:
                self._known[key] = tuple(w for m in chat for w in [m["role"], *m["content"].split()])
            else:
                self._known[key] = tuple(encode_chat(self.tokenizer, chat))
        return self._known[key]

    def text(self, text: str) -> int:
        """Tokens (or words) of a piece of text on its own."""
        if self.tokenizer is None:
            return len(text.split())
        return len(self.tokenizer(text, add_special_tokens=False)["input_ids"])


def prompt_stages(asked: list[dict], sent: list[dict], count: TokenCount) -> dict[str, dict[str, int]]:
    """Per stage: prompts asked and their tokens, sampled ones, greedy copies of a prompt asked before in the same
    call or in an earlier call (and their tokens); then the prompts and tokens the model was given (`sent`)."""
    out: dict[str, dict[str, int]] = {}
    first_call: dict[str, int] = {}
    for item in asked:
        row = out.setdefault(item["stage"], dict.fromkeys(FIELDS, 0))
        tokens = count(item["chat"])
        row["prompts"] += 1
        row["tokens"] += tokens
        key = prompt_key(item["chat"], item["sampling"])
        if key is None:
            row["sampled"] += 1
        elif key in first_call:
            row["copies_in_call" if first_call[key] == item["call"] else "copies_across_calls"] += 1
            row["copy_tokens"] += tokens
        else:
            first_call[key] = item["call"]
    starts: list[tuple] = []
    for item in sent:
        row = out.setdefault(item["stage"], dict.fromkeys(FIELDS, 0))
        ids = count.ids(item["chat"])
        row["sent"] += 1
        row["sent_tokens"] += len(ids)
        row["own_tokens"] += len(ids) - _longest_start(ids, starts)
        starts.append(ids)
    return out


def _longest_start(ids: tuple, earlier: list[tuple]) -> int:
    """Leading tokens `ids` shares with the prompt before it that shares most (0 below MIN_SHARED)."""
    best = 0
    for other in earlier:
        n = 0
        for a, b in zip(ids, other):
            if a != b:
                break
            n += 1
        best = max(best, n)
    best = min(best, len(ids) - 1)  # the last token is always read: its logits give the first reply token
    return best if best >= MIN_SHARED else 0


def add_stages(total: dict[str, dict[str, int]], more: dict[str, dict[str, int]]) -> None:
    """Add one letter's figures per stage to `total`."""
    for stage, row in more.items():
        into = total.setdefault(stage, dict.fromkeys(FIELDS, 0))
        for name in FIELDS:
            into[name] += row[name]


def print_stages(stages: dict[str, dict[str, int]], unit: str) -> None:
    """A table: per stage, what was asked, the greedy copies, and what the model was given with merging."""
    print(f"\n== Prompts per stage, all letters ({unit}; asked = every prompt, sent = each greedy prompt once) ==")
    head = ("stage", "asked", "tokens", "sampled", "copies in call", "across calls", "copy tokens", "sent", "sent tok")
    head += ("own tok",)
    print(f"{head[0]:18}" + "".join(f"{h:>15}" for h in head[1:]))
    whole = dict.fromkeys(FIELDS, 0)
    for stage, row in list(stages.items()) + [("all stages", whole)]:
        if stage != "all stages":
            for name in FIELDS:
                whole[name] += row[name]
        print(f"{stage:18}" + "".join(f"{row[name]:>15}" for name in FIELDS))
    if whole["tokens"]:
        print(
            f"greedy copies: {whole['copies_in_call'] + whole['copies_across_calls']} of {whole['prompts']} prompts, "
            f"{whole['copy_tokens']} of {whole['tokens']} prompt {unit.split()[0]} "
            f"({whole['copy_tokens'] / whole['tokens']:.0%}); given to the model with merging: {whole['sent']} prompts, "
            f"{whole['sent_tokens']} {unit.split()[0]} ({1 - whole['sent_tokens'] / whole['tokens']:.0%} fewer)"
        )
        print(
            f"own tok: what is left of the prompts given once each start shared with an earlier prompt of the letter "
            f"is read only once (a floor for what the engine reads; it keeps {MIN_SHARED}+ token starts): "
            f"{whole['own_tokens']} of {whole['sent_tokens']}"
        )


# A rule of the rewrite's system prompt that only the rewrite prompts use (they alone hold a paragraph around a
# sentence to rewrite); the repair, fact lock, summary and meaning repair prompts carry the same system prompt.
REWRITE_ONLY_RULE = (
    "- Rewrite only the sentence you are asked to. The paragraph around it is there to help you understand it.\n"
)


def idle_text(asked: list[dict], count: TokenCount) -> dict[str, dict[str, int]]:
    """Prompt text read for nothing, per stage: lines (4+ words) a prompt holds twice, as when a paragraph is the
    sentence to rewrite itself; and the rewrite-only rule in prompts of other stages."""
    out: dict[str, dict[str, int]] = {}
    for item in asked:
        row = out.setdefault(item["stage"], {"prompts": 0, "repeated_lines": 0, "repeat_tokens": 0, "rule_tokens": 0})
        row["prompts"] += 1
        seen: set[str] = set()
        for message in item["chat"]:
            for line in message["content"].splitlines():
                line = line.strip()
                if len(line.split()) < 4:
                    continue
                if line in seen:
                    row["repeated_lines"] += 1
                    row["repeat_tokens"] += count.text(line)
                seen.add(line)
        system = item["chat"][0]["content"]
        if REWRITE_ONLY_RULE in system + "\n" and "Rewrite this sentence:" not in item["chat"][-1]["content"]:
            row["rule_tokens"] += count.text(REWRITE_ONLY_RULE.strip())
    return out


def add_idle(total: dict[str, dict[str, int]], more: dict[str, dict[str, int]]) -> None:
    """Add one letter's idle text per stage to `total`."""
    for stage, row in more.items():
        into = total.setdefault(stage, dict.fromkeys(row, 0))
        for name, value in row.items():
            into[name] += value


def print_idle(idle: dict[str, dict[str, int]], unit: str) -> None:
    """Per stage, the prompt text read for nothing."""
    word = unit.split()[0]
    print(f"\n== Prompt text read for nothing, all letters, every prompt asked ({word}) ==")
    for stage, row in idle.items():
        if row["repeat_tokens"] or row["rule_tokens"]:
            print(
                f"{stage:18} {row['prompts']:5} prompts: {row['repeated_lines']} lines a prompt holds twice "
                f"({row['repeat_tokens']} {word}); the rewrite-only rule in its system prompt ({row['rule_tokens']} "
                f"{word})"
            )
