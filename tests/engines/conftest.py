"""Fixtures for the engine tests: a tiny random-weight chat model built here, never downloaded."""

from __future__ import annotations

import pytest

CHAT_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)
SPECIALS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
TRAINING_TEXT = [
    "Your council tax bill is due on 1 April 2025.",
    "Please pay £125.00 by the date on this letter.",
    "You can ring us on 01632 960 123 if you need help.",
    "We will write to you again if anything changes.",
    "You have the right to appeal within 28 days.",
] * 20


def build_tiny_model(folder) -> None:
    """Save a 2-layer Qwen2 chat model with a byte-level BPE tokenizer into `folder`."""
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast, Qwen2Config, Qwen2ForCausalLM

    bpe = Tokenizer(models.BPE())
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    bpe.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=400, special_tokens=SPECIALS, initial_alphabet=pre_tokenizers.ByteLevel.alphabet()
    )
    bpe.train_from_iterator(TRAINING_TEXT, trainer)
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=bpe, eos_token="<|im_end|>", pad_token="<|endoftext|>", chat_template=CHAT_TEMPLATE
    )
    tokenizer.save_pretrained(folder)

    torch.manual_seed(0)
    config = Qwen2Config(
        vocab_size=bpe.get_vocab_size(),
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=512,
        # Large random weights give decisive logits, so greedy output does not hinge on rounding.
        initializer_range=0.3,
        eos_token_id=bpe.token_to_id("<|im_end|>"),
        pad_token_id=bpe.token_to_id("<|endoftext|>"),
        bos_token_id=None,
        tie_word_embeddings=False,
    )
    Qwen2ForCausalLM(config).save_pretrained(folder)


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tiny-qwen2")
    build_tiny_model(folder)
    return folder


@pytest.fixture(scope="session")
def tiny_engine(tiny_model_dir):
    """A float32 engine on the tiny model (float32 so batched and single runs agree exactly)."""
    import torch

    from easyread.engines.local import TransformersEngine

    return TransformersEngine(tiny_model_dir, dtype=torch.float32, batch_size=2, name="tiny")


@pytest.fixture
def chats():
    """Chats of clearly different lengths, so sorting by length reorders them."""
    texts = [
        "Hello.",
        "Please pay your council tax bill by 1 April 2025, or ring us if you need help with it.",
        "You can appeal.",
        "We will write to you again if anything changes about your bill or your rights.",
        "Pay £125.00.",
    ]
    return [[{"role": "system", "content": "Write in Easy Read."}, {"role": "user", "content": t}] for t in texts]


@pytest.fixture
def rewrite_paragraphs():
    """Council-letter paragraphs of different lengths."""
    return [
        "Your council tax bill is due on 1 April 2025.",
        "Please pay £125.00 by the date on this letter, or ring us on 01632 960 123 if you need help with it.",
        "You have the right to appeal within 28 days.",
        "We will write to you again if anything changes.",
        "Pay £125.00.",
    ]


@pytest.fixture
def rewrite_chats(rewrite_paragraphs):
    """The rewriter's real prompts: rules and a worked example, then each paragraph."""
    from easyread.simplify.prompts import rewrite_prompt

    return [rewrite_prompt(p, p, [], []) for p in rewrite_paragraphs]
