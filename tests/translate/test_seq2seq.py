"""NLLB-200, M2M-100, MADLAD-400 and Marian loaded from folders, on tiny models built in the test."""

from __future__ import annotations

import pytest

from easyread.translate import translate_draft
from easyread.translate.engines import get_translator
from easyread.translate.errors import TranslationError, UnsupportedLanguage
from easyread.translate.seq2seq import Seq2SeqTranslator, m2m_code, madlad_tokens, marian_tokens, nllb_code

FAST = {"TRANSLATE_MAX_TOKENS": 8}  # random weights never write an end token: stop early


def test_language_code_mappings():
    assert [nllb_code(c) for c in ("pl", "pa-Guru", "zh-Hant", "fa", "ckb", "ti", "cy", "ps", "pa-Arab")] == [
        "pol_Latn",
        "pan_Guru",
        "zho_Hant",
        "pes_Arab",
        "ckb_Arab",
        "tir_Ethi",
        "cym_Latn",
        "pbt_Arab",
        None,
    ]
    assert [m2m_code(c) for c in ("pl", "zh-Hans", "zh-Hant", "pa-Guru", "pa-Arab", "ti")] == [
        "pl",
        "zh",
        None,
        "pa",
        None,
        None,
    ]
    assert madlad_tokens("pl")[0] == "<2pl>" and "<2zh>" not in madlad_tokens("zh-Hant")
    assert ">>pol<<" in marian_tokens("pl") and ">>cmn_Hans<<" in marian_tokens("zh-Hans")


@pytest.mark.parametrize("kind,token", [("nllb", "pol_Latn"), ("m2m100", "__pl__")])
def test_forced_first_token_models(tiny_models, kind, token):
    translator = get_translator(f"{kind}://{tiny_models[kind]}", {"TRANSLATE_BATCH_SIZE": 2, **FAST})
    assert translator.kind == kind
    assert translator.supported()["pl"] in ("good", "draft")
    tokenizer = translator._tokenizer()
    prefix, forced = translator._direction(tokenizer, "pl", "en")
    assert prefix == "" and forced == tokenizer.convert_tokens_to_ids(token)
    out = translator.translate(["Pay £125.00 by 1 March 2025.", "Call us.", "You have 28 days."], "pl")
    assert len(out) == 3 and all(isinstance(t, str) for t in out)
    assert translator.stats.batches == 2  # 3 texts at batch size 2
    assert len(translator.translate(out, "en", source="pl")) == 3  # and back, for the back-translation check


def test_madlad_prefixes_the_target_token(tiny_models):
    translator = get_translator(f"seq2seq://{tiny_models['madlad']}", FAST)
    assert translator.kind == "madlad"  # found from the folder's config
    assert set(translator.supported()) == {"pl", "ro", "ur"}
    assert translator._direction(translator._tokenizer(), "pl", "en") == ("<2pl> ", None)
    assert len(translator.translate(["Pay now.", "Call us."], "ur")) == 2
    with pytest.raises(UnsupportedLanguage, match="Welsh"):
        translator.translate(["Pay now."], "cy")


def test_multilingual_marian_uses_target_tokens_and_cannot_go_back(tiny_models):
    translator = get_translator(f"marian://{tiny_models['marian']}", FAST)
    assert set(translator.supported()) == {"pl", "ro", "ur"}
    assert translator._direction(translator._tokenizer(), "ro", "en") == (">>ron<< ", None)
    assert len(translator.translate(["Pay now."], "ro")) == 1
    with pytest.raises(UnsupportedLanguage, match="back into English"):
        translator.translate(["Zapłać."], "en", source="pl")


def test_one_pair_marian_writes_its_one_language(tiny_models):
    translator = Seq2SeqTranslator(tiny_models["marian-pair"], max_new_tokens=8)
    assert translator.kind == "marian" and translator.supported() == {"pl": "draft"}
    with pytest.raises(UnsupportedLanguage, match="Polish only"):
        translator.translate(["Pay now."], "ro")


def test_a_folder_without_a_model_is_a_plain_error(tmp_path):
    with pytest.raises(TranslationError, match="No translation model was found"):
        get_translator(f"nllb://{tmp_path}", {})


def test_pipeline_through_a_tiny_model_flags_rather_than_hides(tiny_models, draft, settings, glossary):
    from tests.translate.fakes import HashEmbedder

    run = translate_draft(
        draft,
        "pl,ti",
        engine=f"nllb://{tiny_models['nllb']}",
        settings=settings,
        glossary=glossary,
        embedder=HashEmbedder(),
    )
    result = run.results["pl"]
    assert result.ok and len(result.draft.points()) == 3  # random weights write nonsense...
    assert all(p.flags for p in result.draft.points())  # ...so every point is flagged for a person
    assert run.results["ti"].ok  # NLLB-200 has Tigrinya (the embedded model does not do it well)


def test_marian_pipeline_notes_the_missing_back_check(tiny_models, draft, settings, glossary):
    run = translate_draft(draft, "pl", engine=f"marian://{tiny_models['marian']}", settings=settings, glossary=glossary)
    assert run.results["pl"].ok and "No back-translation check" in run.results["pl"].notes[0]
