"""LibreTranslate and OpenAI-compatible engines against small local servers."""

from __future__ import annotations

import pytest

from easyread.engines.base import EngineError
from easyread.translate import translate_draft
from easyread.translate.engines import LLMTranslator, clean_reply, get_translator
from easyread.translate.libre import LibreTranslator
from tests.translate.servers import TestServer, free_port_url


@pytest.fixture
def server():
    with TestServer() as running:
        yield running


def test_libretranslate_batches_and_maps_codes(server):
    engine = get_translator(f"libretranslate+{server.url}", {"TRANSLATE_API_KEY": "k3y"})
    supported = engine.supported()
    assert {"pl", "ro", "ur", "zh-Hans", "zh-Hant"} <= set(supported) and "ti" not in supported
    assert engine.translate(["Pay now.", "Call us."], "pl") == ["PL Zapłać now.", "PL Zadzwoń us."]
    path, body = server.requests[-1]
    assert path == "/translate" and body["q"] == ["Pay now.", "Call us."] and body["api_key"] == "k3y"
    engine.translate(["Pay."], "zh-Hant")
    assert server.requests[-1][1]["target"] == "zt"  # LibreTranslate's older code for Traditional Chinese


def test_libretranslate_retries_a_busy_server(server):
    server.failures = [503, 503]
    engine = LibreTranslator(server.url, backoff=0.01)
    assert engine.translate(["Pay."], "pl") == ["PL Zapłać."]


def test_libretranslate_down_is_a_clear_error():
    engine = LibreTranslator(free_port_url(), retries=1, backoff=0.01)
    with pytest.raises(EngineError, match="LibreTranslate server .* is not answering"):
        engine.translate(["Pay."], "pl")


def test_libretranslate_timeout_is_a_clear_error(server):
    server.delay = 1.0
    engine = LibreTranslator(server.url, timeout=0.2, retries=0)
    engine._languages = {"en": {"pl"}}
    with pytest.raises(EngineError, match="took longer than"):
        engine.translate(["Pay."], "pl")


def test_draft_through_libretranslate_with_back_translation(server, draft, settings, glossary):
    from tests.translate.fakes import HashEmbedder

    run = translate_draft(
        draft,
        "pl,ur",
        engine=f"libretranslate+{server.url}",
        settings=settings,
        glossary=glossary,
        embedder=HashEmbedder(),
    )
    assert run.ok and run.results["pl"].draft.points()[0].text == "PL Zapłać £125.00 do 1 marca 2025."
    assert run.results["ur"].draft.direction == "rtl"


def test_engine_down_mid_run_keeps_finished_languages(draft, settings, glossary):
    from tests.translate.fakes import HashEmbedder

    with TestServer() as server:
        engine = LibreTranslator(server.url, retries=0)
        engine.supported()  # the language list is fetched while the server is up
        real = engine.translate

        def down_for_romanian(texts, target, source="en"):
            if target == "ro":
                server.httpd.shutdown()
                server.httpd.server_close()
            return real(texts, target, source)

        engine.translate = down_for_romanian
        run = translate_draft(
            draft, "pl,ro,ur", engine=engine, settings=settings, glossary=glossary, embedder=HashEmbedder()
        )
    assert run.results["pl"].ok and "not answering" in run.results["ro"].error
    assert run.results["ur"].error.startswith("Not translated")


def test_openai_compatible_engine_prompts_and_cleans_replies(server, draft, settings, glossary):
    from tests.translate.fakes import HashEmbedder

    engine = get_translator(f"openai+{server.url}/v1", {"MODEL_RETRIES": 1})
    assert isinstance(engine, LLMTranslator)
    assert engine.supported()["pl"] == "draft" and engine.supported()["so"] == "weak"
    run = translate_draft(draft, "pl", engine=engine, settings=settings, glossary=glossary, embedder=HashEmbedder())
    assert run.ok and run.results["pl"].draft.points()[2].text == "PL Ty masz 28 dni."
    chat = [b for p, b in server.requests if p == "/v1/chat/completions"][0]["messages"]
    assert "into Polish (polski)" in chat[0]["content"] and "⟦1⟧" in chat[0]["content"]


@pytest.mark.parametrize(
    "reply,clean",
    [
        ("Translation: Zapłać teraz.", "Zapłać teraz."),
        ('"Zapłać teraz."', "Zapłać teraz."),
        ("Zapłać teraz.\n\n(Note: this is Polish.)", "Zapłać teraz."),
        ("„Zapłać teraz.”", "Zapłać teraz."),
    ],
)
def test_clean_reply(reply, clean):
    assert clean_reply(reply) == clean


def test_llm_translator_with_the_rewriters_fake_engine():
    from tests.simplify.fakes import FakeEngine as RewriterFake

    engine = RewriterFake(
        script=lambda kind, text, chat: "Zapłać teraz." if "Romanian" not in chat[0]["content"] else "Plătiți acum."
    )
    translator = LLMTranslator(engine)
    assert translator.translate(["Pay now.", "Pay later."], "pl") == ["Zapłać teraz.", "Zapłać teraz."]
    assert translator.translate(["Pay now."], "ro") == ["Plătiți acum."]
    assert engine.batches == [2, 1]  # one batch per call


def test_translate_draft_accepts_a_loaded_text_model(draft, settings, glossary):
    from tests.simplify.fakes import FakeEngine
    from tests.translate.fakes import HashEmbedder

    engine = FakeEngine(
        script=lambda kind, text, chat: "Paga £125.00 antes del 1 de marzo de 2025." if "£125.00" in text else "Texto."
    )
    run = translate_draft(
        draft, "es", engine=engine, settings=settings, glossary=glossary, embedder=HashEmbedder(), back_translate=False
    )
    assert run.results["es"].ok and run.results["es"].tier == "draft"
    assert run.results["es"].draft.points()[0].text == "Paga £125.00 antes del 1 de marzo de 2025."
    assert not run.results["es"].draft.points()[0].flags
