import subprocess
import sys

from ntm.paths import ROOT


def test_importing_ntm_does_not_import_streamlit():
    modules = [p.stem for p in (ROOT / "ntm").glob("*.py") if p.stem != "__init__"]
    code = (
        "import sys, importlib\n"
        f"for m in {modules!r}:\n    importlib.import_module('ntm.' + m)\n"
        "print('streamlit' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"
