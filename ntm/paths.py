"""Where the bundled files live."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
GEO = ROOT / "geo"
SHARED = ROOT.parent / "shared"

REGISTRY = DATA / "registry.csv"  # units before 1 July 2025 (districts and their communes)
NEW_UNITS = DATA / "registry_2025-07.csv"  # the 65 units from 1 July 2025 (no districts)
CROSSWALK = DATA / "units_2025-07_crosswalk.csv"  # which old units each new unit was formed from
COMMUNES_2025 = GEO / "lang_son_communes_2025-07.geojson"  # boundaries of the 65 new units
CRITERIA = DATA / "criteria.csv"
TARGETS = DATA / "targets.csv"
PUBLISHED = DATA / "published.csv"
DEMO_DIR = DATA / "demo_illustrative"
CRITERIA_SETS = DATA / "criteria_sets.csv"  # the phases: years, lineage, bands, decision
CRITERIA_LEVELS = DATA / "criteria_levels.csv"  # the levels of each phase
COMMUNE_GROUPS = DATA / "commune_groups_2026.csv"  # the group (1-3) of each new commune for 2026-2030
