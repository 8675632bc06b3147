"""Where the bundled files live."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
GEO = ROOT / "geo"
SHARED = ROOT.parent / "shared"

REGISTRY = DATA / "registry.csv"
CRITERIA = DATA / "criteria.csv"
TARGETS = DATA / "targets.csv"
PUBLISHED = DATA / "published.csv"
DEMO_DIR = DATA / "demo_illustrative"
