"""The review tests' helpers by a name of their own: `from conftest import …` would find whichever
conftest.py pytest loaded last when the whole suite runs."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_spec = importlib.util.spec_from_file_location("review_conftest", Path(__file__).with_name("conftest.py"))
_module = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = _module
_spec.loader.exec_module(_module)

PERSONAL = _module.PERSONAL
DRAFT = _module.DRAFT
LETTER = _module.LETTER
reviewer_client_for = _module.reviewer_client_for
csrf_token = _module.csrf_token
audit_events = _module.audit_events
