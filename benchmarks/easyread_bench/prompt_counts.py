"""Prompts and prompt tokens per stage of the rewriter, and the greedy prompts that repeat one asked before.

Used by `easyread bench pipeline-cpu`: the prompts come from a RecordingEngine (easyread_bench.fake_engine); the
tokens are counted with the embedded model's tokenizer and chat template, as the engine reads a prompt (no model
weights are loaded). Without a prepared embedded model, words are counted instead and the bench says so.
"""

from __future__ import annotations

import json
import os

from easyread.engines.memo import prompt_key

FIELDS = ("prompts", "tokens", "sampled", "copies_in_call", "copies_across_calls", "copy_tokens", "sent", "sent_tokens")


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
        self._known: dict[str, int] = {}

    def __call__(self, chat) -> int:
        key = json.dumps(chat, sort_keys=True)
        if key not in self._known:
            if self.tokenizer is None:
                self._known[key] = sum(len(m["content"].split()) for m in chat)
            else:
                text = self.tokenizer.apply_chat_template(chat, tokenize=False, add_generation_prompt=True)
                self._known[key] = len(self.tokenizer(text, add_special_tokens=False)["input_ids"])
        return self._known[key]


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
    for item in sent:
        row = out.setdefault(item["stage"], dict.fromkeys(FIELDS, 0))
        row["sent"] += 1
        row["sent_tokens"] += count(item["chat"])
    return out


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
