"""The batch tests' helpers by a name of their own: `from conftest import …` would find whichever
conftest.py pytest loaded last when the whole suite runs."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_spec = importlib.util.spec_from_file_location("batch_conftest", Path(__file__).with_name("conftest.py"))
_module = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = _module
_spec.loader.exec_module(_module)

small_letter = _module.small_letter
build_tree = _module.build_tree
LONG_NAME = _module.LONG_NAME
