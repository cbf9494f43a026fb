"""The demo content and the benchmark sit above the apps: no app module imports them."""

import ast
import re
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
APPS = ("core", "reference", "staff", "alerts", "partnerships", "programmes", "knowledge")
TOOLS = {"demo", "bench"}
# A dotted module path in a string, as import_module() or a settings list would take it.
MODULE_PATH = re.compile(r"(demo|bench)(\.[a-z_][a-z0-9_]*)+")


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if match := MODULE_PATH.fullmatch(node.value):
                names.add(match.group(1))
    return names


@pytest.mark.parametrize("app", APPS)
def test_no_app_module_imports_the_demo_or_the_benchmark(app):
    offenders = {}
    for path in (BASE_DIR / app).rglob("*.py"):
        if found := imported_packages(path) & TOOLS:
            offenders[str(path.relative_to(BASE_DIR))] = sorted(found)
    assert offenders == {}


def test_the_check_finds_such_an_import(tmp_path):
    module = tmp_path / "example.py"
    module.write_text(
        "from demo.helpers import upsert\nimport bench.run\n"
        "name = 'demo.partnerships'\nemail = 'demo.reader@example.org'\n"
    )
    assert imported_packages(module) == {"demo", "bench"}
