"""README's "How it is built" shows the package as it is: every top-level module and package, and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_readme_layout_is_the_tree():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## How it is built", 1)[1].split("```\neasyread/\n", 1)[1].split("```", 1)[0]
    # Names at the start of a layout line (before the description), e.g. "cli/" or "audit.py users.py".
    listed = set()
    for line in block.splitlines():
        if line.startswith("  ") and not line.startswith("   "):
            listed |= set(re.findall(r"\b([a-z_]+(?:\.py|/))(?=\s)", line.split("  ", 2)[1] + " "))
    listed -= {"templates/", "static/", "glossaries/", "tests/"}
    tree = {p.name + ("/" if p.is_dir() else "") for p in (ROOT / "easyread").iterdir() if not p.name.startswith("__")}
    tree = {name for name in tree if name.endswith(".py") or (ROOT / "easyread" / name / "__init__.py").is_file()}
    tree.add("__init__.py")
    listed |= {"__init__.py"} if "__init__.py" in block else set()
    assert listed == tree
