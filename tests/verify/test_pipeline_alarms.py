"""Lines the pipeline writes itself must not be marked for a person: the letter's own sentence, and the glossary's own
explanation as the fallback writes it. Each such false alarm costs staff a check of a line that cannot be wrong."""

from easyread.simplify.checking import load_default_glossary
from easyread.verify import verify_sentence
from easyread.verify.fallback import conservative


def kinds(source, output, glossary=None):
    return [p.kind for p in verify_sentence([source], output, glossary=glossary)]


def test_the_letters_own_sentence_is_not_a_meaning_error():
    source = "If you want to claim PIP call 0800 917 2222 by 12 December 2023."
    assert kinds(source, source) == []
    # One word changed is judged as usual.
    assert "negation" in kinds(source, "If you want to claim PIP do not call 0800 917 2222 by 12 December 2023.")


def test_the_glossary_explanation_the_fallback_writes_is_not_flagged():
    glossary = load_default_glossary()
    source = "PAY NOW AVOID EVICTION"
    lines = conservative([source], glossary)
    explained = [line for line in lines if line.startswith('"Eviction" means:')]
    assert explained, lines
    # "landlord" is the glossary's word, not a party the rewrite brought in
    assert kinds(source, explained[0], glossary) == []
    assert "invented" in kinds(source, "Eviction means we will give you a new flat for free.", glossary)
