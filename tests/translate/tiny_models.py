"""Build tiny random-weight translation models with their own SentencePiece vocabulary.

No translation weights exist on PyPI, so the loader is tested on models made here:
a SentencePiece model trained on a few hundred lines, the family's tokenizer around
it (with its language tokens), and a 1-layer model with d_model 16, all saved with
save_pretrained exactly as a downloaded model folder is laid out.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

LINES = [
    "Your council tax bill is due on 1 April 2025.",
    "Please pay £125.00 by the date on this letter.",
    "You can ring us on 01632 960 123.",
    "We will write to you again.",
    "You have the right to appeal within 28 days.",
    "Rachunek za podatek lokalny jest do zapłaty 1 kwietnia 2025.",
    "Prosimy zapłacić 125,00 £ do daty w tym liście.",
    "Możesz do nas zadzwonić pod numer 01632 960 123.",
    "Napiszemy do Ciebie ponownie.",
    "Masz prawo odwołać się w ciągu 28 dni.",
]
TINY = dict(
    d_model=16,
    encoder_layers=1,
    decoder_layers=1,
    encoder_attention_heads=2,
    decoder_attention_heads=2,
    encoder_ffn_dim=32,
    decoder_ffn_dim=32,
    max_position_embeddings=128,
)


def _corpus() -> list[str]:
    return [line if i % 2 else line.lower() for i in range(40) for line in LINES]  # 400 lines


def _train(prefix: Path, **options) -> None:
    import sentencepiece as spm

    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(_corpus()),
        model_prefix=str(prefix),
        vocab_size=200,
        character_coverage=1.0,
        hard_vocab_limit=False,
        minloglevel=2,
        **options,
    )
    Path(f"{prefix}.vocab").unlink(missing_ok=True)


def build_tiny_model(kind: str, folder: Path) -> Path:
    """Save a tiny model of `kind` (nllb, m2m100, madlad, marian, marian-pair) into `folder`."""
    import torch

    torch.manual_seed(0)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if kind == "nllb":
        from transformers import M2M100Config, M2M100ForConditionalGeneration, NllbTokenizer
        from transformers.models.nllb.tokenization_nllb import FAIRSEQ_LANGUAGE_CODES

        _train(folder / "sentencepiece.bpe", model_type="bpe", bos_id=0, pad_id=1, eos_id=2, unk_id=3)
        tokenizer = NllbTokenizer.from_pretrained(folder)
        tokenizer.add_tokens(list(FAIRSEQ_LANGUAGE_CODES), special_tokens=True)
        tokenizer.src_lang = "eng_Latn"
        tokenizer.save_pretrained(folder)
        config = M2M100Config(
            vocab_size=len(tokenizer), pad_token_id=1, bos_token_id=0, eos_token_id=2, decoder_start_token_id=2, **TINY
        )
        M2M100ForConditionalGeneration(config).save_pretrained(folder)
    elif kind == "m2m100":
        import sentencepiece as spm
        from transformers import M2M100Config, M2M100ForConditionalGeneration, M2M100Tokenizer

        _train(folder / "sentencepiece.bpe", model_type="bpe", bos_id=0, pad_id=1, eos_id=2, unk_id=3)
        pieces = spm.SentencePieceProcessor(model_file=str(folder / "sentencepiece.bpe.model"))
        (folder / "vocab.json").write_text(
            json.dumps({pieces.id_to_piece(i): i for i in range(pieces.get_piece_size())})
        )
        tokenizer = M2M100Tokenizer(
            vocab_file=str(folder / "vocab.json"),
            spm_file=str(folder / "sentencepiece.bpe.model"),
            src_lang="en",
            tgt_lang="pl",
        )
        tokenizer.save_pretrained(folder)
        size = max(len(tokenizer), max(tokenizer.lang_token_to_id.values()) + 1)
        config = M2M100Config(
            vocab_size=size, pad_token_id=1, bos_token_id=0, eos_token_id=2, decoder_start_token_id=2, **TINY
        )
        M2M100ForConditionalGeneration(config).save_pretrained(folder)
    elif kind == "madlad":
        from transformers import T5Config, T5ForConditionalGeneration, T5Tokenizer

        _train(
            folder / "spiece",
            model_type="unigram",
            user_defined_symbols=["<2en>", "<2pl>", "<2ro>", "<2ur>"],
            pad_id=0,
            eos_id=1,
            unk_id=2,
            bos_id=-1,
        )
        tokenizer = T5Tokenizer.from_pretrained(folder, extra_ids=0)
        tokenizer.save_pretrained(folder)
        config = T5Config(
            vocab_size=len(tokenizer),
            d_model=16,
            d_kv=8,
            d_ff=32,
            num_layers=1,
            num_decoder_layers=1,
            num_heads=2,
            pad_token_id=0,
            eos_token_id=1,
            decoder_start_token_id=0,
        )
        T5ForConditionalGeneration(config).save_pretrained(folder)
    elif kind in ("marian", "marian-pair"):
        import sentencepiece as spm
        from transformers import MarianConfig, MarianMTModel, MarianTokenizer

        _train(folder / "source", model_type="unigram", unk_id=0, bos_id=-1, eos_id=1, pad_id=-1)
        shutil.copy(folder / "source.model", folder / "source.spm")
        shutil.move(folder / "source.model", folder / "target.spm")
        pieces = spm.SentencePieceProcessor(model_file=str(folder / "source.spm"))
        vocab = {"<pad>": 0}
        for token in [">>pol<<", ">>ron<<", ">>urd<<"] if kind == "marian" else []:
            vocab[token] = len(vocab)
        for i in range(pieces.get_piece_size()):
            vocab.setdefault(pieces.id_to_piece(i), len(vocab))
        (folder / "vocab.json").write_text(json.dumps(vocab))
        tokenizer = MarianTokenizer(
            source_spm=str(folder / "source.spm"),
            target_spm=str(folder / "target.spm"),
            vocab=str(folder / "vocab.json"),
            source_lang="en",
            target_lang="mul" if kind == "marian" else "pl",
        )
        tokenizer.save_pretrained(folder)
        config = MarianConfig(
            vocab_size=len(tokenizer),
            pad_token_id=0,
            eos_token_id=tokenizer.eos_token_id,
            decoder_start_token_id=0,
            **TINY,
        )
        MarianMTModel(config).save_pretrained(folder)
    else:
        raise ValueError(kind)
    return folder
