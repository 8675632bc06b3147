"""The package's shape: only ntm/ui (with pages/ and app.py) imports Streamlit, the core loads no
heavy optional library, and pages/ holds only pages."""

import ast
import json
import subprocess
import sys

import pytest

from ntm.paths import ROOT

CORE = ("registry", "criteria", "dataset", "metrics", "targets", "i18n", "formatting", "text", "paths")
HEAVY = ("sqlalchemy", "openpyxl", "pptx", "fpdf", "matplotlib")
NOT_IMPORTABLE_ALONE = {"ntm.__main__", "ntm.bench.__main__"}  # run a command when imported


def ntm_modules(exclude_ui: bool = True) -> list[str]:
    names = []
    for path in sorted((ROOT / "ntm").rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        if (exclude_ui and name.startswith("ntm.ui")) or name in NOT_IMPORTABLE_ALONE:
            continue
        names.append(name)
    return names


def loaded_after_import(modules: list[str], watched: tuple[str, ...]) -> dict[str, list[str]]:
    """{module: the watched libraries that importing it loaded}: the modules imported one after another
    in one fresh interpreter, the watched libraries it had not loaded before each import charged to that
    module (a module importing another that loads Streamlit is charged with it, as it does load it)."""
    code = (
        "import sys, importlib, json\n"
        f"modules, watched = sys.argv[1:], {list(watched)!r}\n"
        "loaded = {}\n"
        "for module in modules:\n"
        "    before = [w for w in watched if w in sys.modules]\n"
        "    importlib.import_module(module)\n"
        "    loaded[module] = [w for w in watched if w in sys.modules and w not in before]\n"
        "print(json.dumps(loaded))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *modules], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return json.loads(result.stdout.splitlines()[-1])


def test_no_ntm_module_outside_ui_imports_streamlit():
    loaded = loaded_after_import(ntm_modules(), ("streamlit",))
    assert len(loaded) > 40
    assert {module: libs for module, libs in loaded.items() if libs} == {}


def test_the_core_loads_no_heavy_library():
    present = [name for name in CORE if (ROOT / "ntm" / f"{name}.py").exists()]
    loaded = loaded_after_import([f"ntm.{name}" for name in present], HEAVY + ("streamlit", "geopandas"))
    assert {module: libs for module, libs in loaded.items() if libs} == {}


@pytest.mark.parametrize("folder", ["pages"])
def test_pages_folder_holds_only_pages(folder):
    """Every module in pages/ is a page that app.py's navigation names (besides the package file)."""
    app = (ROOT / "app.py").read_text()
    for path in (ROOT / folder).glob("*.py"):
        if path.name != "__init__.py":
            assert f'"pages/{path.name}"' in app, f"{path.name} is in pages/ but is not a page"


def test_only_ui_pages_and_app_mention_streamlit_in_their_imports():
    """A static check to go with the import check: no `import streamlit` anywhere else in ntm/, apart
    from the benchmarks, which drive the app through Streamlit's AppTest inside their functions."""
    offenders = []
    for path in (ROOT / "ntm").rglob("*.py"):
        if path.relative_to(ROOT / "ntm").parts[0] in ("ui", "bench"):
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "streamlit" or n.startswith("streamlit.") for n in names):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
