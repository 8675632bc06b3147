"""Front-end files the map needs, served by Streamlit from ./static (server.enableStaticServing), so
the map works on a closed network. Leaflet comes from the XStatic-Leaflet package (PyPI).

    .venv/bin/python -m ntm.geo.assets
"""

import shutil
from pathlib import Path

import xstatic.pkg.leaflet as xstatic_leaflet

from ntm.paths import ROOT

LEAFLET_DIR = ROOT / "static" / "vendor" / "leaflet"
LEAFLET_URL = "/app/static/vendor/leaflet"
FILES = ("leaflet.js", "leaflet.css")


def installed(target: Path = LEAFLET_DIR) -> bool:
    return all((target / name).is_file() for name in FILES)


def install(target: Path = LEAFLET_DIR) -> Path:
    """Copy Leaflet's script, style sheet and images from the installed package into `target`."""
    source = Path(xstatic_leaflet.BASE_DIR)
    target.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        shutil.copyfile(source / name, target / name)
    shutil.copytree(source / "images", target / "images", dirs_exist_ok=True)
    return target


def main() -> None:
    print(f"Leaflet {xstatic_leaflet.VERSION} -> {install()}")


if __name__ == "__main__":
    main()
