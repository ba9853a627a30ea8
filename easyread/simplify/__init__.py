"""The Easy Read rewriter: plan → rewrite → check → repair → meaning check → fact lock.

from easyread.simplify import simplify_document
result = simplify_document(doc, engine, glossary=glossary, settings=settings,
                           progress=lambda stage, done, total: ...)
result.draft, result.report, result.facts, result.timings, result.tokens
"""

from easyread.simplify.pipeline import SimplifyResult, simplify_document, simplify_documents

__all__ = ["SimplifyResult", "simplify_document", "simplify_documents"]
