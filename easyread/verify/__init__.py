"""Meaning verification: does an Easy Read sentence say what its letter sentences say?

`verify_sentence` compares on structure (who does what to whom, who pays whom, must / may, "not", "if",
which action a deadline belongs to) and on words of substance; `fallback.conservative` rewrites a letter
sentence in a way that is faithful by construction. No model and no web framework here: the rewriter
(easyread.simplify.meaning) asks the model for a second opinion only where these rules cannot decide.

Modules: frames (one frame per verb, from the parse), rules (the entry points), parties (agent, money, opposite
actions), stances (must / may / not), conditions, facts_moved, happened (done for to-be-done), unsupported
(invented words, comfort, promises), orders (orders, explanations, offers and promises the letter sentence does not
give; a glossary term explained against its entry), debts (a payment said as a debt), fragments, findings (Problem,
Assessment), words and related (word lists).
"""

from easyread.verify.rules import KINDS, Assessment, Problem, assess, verify_sentence

__all__ = ["KINDS", "Assessment", "Problem", "assess", "verify_sentence"]
