"""The layers the README describes, checked on the source: the domain never reaches the database or the web,
and web views and job tasks leave queries and commits to the records layer (easyread.records)."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "easyread"
DOMAIN = ("documents", "checks", "engines", "simplify", "verify", "pictures", "translate", "review")
OUTSIDE_THE_DOMAIN = ("flask", "flask_login", "flask_sqlalchemy", "sqlalchemy", "huey", "easyread.store")
OUTSIDE_THE_DOMAIN += ("easyread.records", "easyread.web", "easyread.jobs")


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every import in the file, those inside functions too."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [(node.lineno, node.module)] + [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
    return found


def _crosses(module: str, banned: tuple[str, ...]) -> bool:
    return any(module == b or module.startswith(b + ".") for b in banned)


@pytest.mark.parametrize("package", DOMAIN)
def test_the_domain_never_imports_the_web_the_queue_or_the_database(package):
    bad = [
        f"{path.relative_to(PACKAGE)}:{line} imports {module}"
        for path in sorted((PACKAGE / package).rglob("*.py"))
        for line, module in _imports(path)
        if _crosses(module, OUTSIDE_THE_DOMAIN)
    ]
    assert bad == []


def test_the_checker_sees_a_database_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from easyread.store.db import db\n    from sqlalchemy import select\n")
    assert [m for _, m in _imports(sample) if _crosses(m, OUTSIDE_THE_DOMAIN)] == [
        "easyread.store.db",
        "easyread.store.db.db",
        "sqlalchemy",
        "sqlalchemy.select",
    ]


# The error handler rolls back a failed request's session; the health check asks the database for SELECT 1.
SESSION_ALLOWED = {"web/errors.py", "web/health.py"}


@pytest.mark.parametrize("folder", ["web", "jobs"])
def test_views_and_tasks_leave_queries_and_commits_to_the_records_layer(folder):
    bad = []
    for path in sorted((PACKAGE / folder).rglob("*.py")):
        name = str(path.relative_to(PACKAGE))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if ("db.session" in line and name not in SESSION_ALLOWED) or "select(" in line or ".query(" in line:
                bad.append(f"{name}:{number}: {line.strip()}")
    assert bad == []


def test_the_package_never_needs_the_benchmarks():
    """The benchmarks are a separate distribution (benchmarks/): only `easyread bench` imports them, and it says how
    to install them when they are missing (tests/test_cli.py)."""
    importers = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        for _, module in _imports(path)
        if _crosses(module, ("easyread_bench", "easyread.bench"))
    )
    assert set(importers) == {"cli/__init__.py"}
    assert not (PACKAGE / "bench").exists()
