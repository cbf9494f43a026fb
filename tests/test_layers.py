"""The layers of the portal only point down.

Each app may import the apps in the layers below its own, never a peer in its own layer, never
one above. Lazy imports inside functions count too: they hide a cycle, they do not remove it.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Bottom first. Written out in CONTRIBUTING.md as well.
LAYERS = [
    ["core"],
    ["reference", "staff"],
    ["alerts"],
    ["partnerships", "programmes", "knowledge"],
    ["portal"],
    ["icld_portal"],
    ["demo", "bench"],
]
LAYER_OF = {app: level for level, apps in enumerate(LAYERS) for app in apps}


def imported_apps(path: Path) -> set[tuple[str, int]]:
    """(top-level package, line) of every import of one of our apps in a file, including
    ``import_module("app.module")`` with a literal name."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", getattr(node.func, "attr", None)) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names = [node.args[0].value]
        for name in names:
            top = name.split(".")[0]
            if top in LAYER_OF:
                found.add((top, node.lineno))
    return found


def production_files(app: str):
    for path in sorted((ROOT / app).rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if "tests" in parts or "migrations" in parts:
            continue
        yield path


def violations() -> list[str]:
    problems = []
    for app, level in LAYER_OF.items():
        for path in production_files(app):
            for other, line in sorted(imported_apps(path)):
                if other == app:
                    continue
                if LAYER_OF[other] >= level:
                    where = "a peer" if LAYER_OF[other] == level else "a higher layer"
                    problems.append(f"{path.relative_to(ROOT)}:{line} imports {other} ({where})")
    return problems


def test_every_app_of_the_project_has_a_layer():
    packages = {
        path.parent.name
        for path in ROOT.glob("*/__init__.py")
        if path.parent.name not in {"tests", "scripts"}
    }
    assert packages == set(LAYER_OF)


def test_layers_only_point_down():
    assert violations() == []


def test_the_check_catches_an_upward_import(tmp_path, monkeypatch):
    """The test above can fail: a core module that imports a feature app is reported."""
    fake_core = tmp_path / "core"
    fake_core.mkdir()
    (fake_core / "selectors.py").write_text(
        "def home():\n    from partnerships import selectors\n    return selectors\n"
    )
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    monkeypatch.setattr(f"{__name__}.LAYER_OF", {"core": 0, "partnerships": 3})
    assert violations() == ["core/selectors.py:2 imports partnerships (a higher layer)"]


@pytest.mark.parametrize("app", sorted(LAYER_OF))
def test_no_app_tolerates_a_missing_sibling(app):
    """A renamed app or model must fail loudly: no code catches a missing module or model to
    carry on without it."""
    tolerant = []
    for path in production_files(app):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ExceptHandler) and node.type is not None:
                caught = {getattr(n, "id", None) for n in ast.walk(node.type)}
                if caught & {"ModuleNotFoundError", "ImportError", "LookupError"}:
                    tolerant.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert tolerant == []
