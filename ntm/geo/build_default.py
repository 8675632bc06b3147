"""Build the bundled former-district shapes (geo/lang_son_districts_approx.geojson), reproducibly.

Each of the 65 units from 1 July 2025 (geo/lang_son_communes_2025-07.geojson, real shapes) is
counted in its former district: the old district most of its old units belonged to
(ntm.registry.former_districts). The shapes of each district's new units are joined, then
simplified together so neighbours keep one shared border, until the file fits SIZE_BUDGET bytes.

The union follows the old district borders except around the four new units formed from old
communes of two districts (Đông Kinh, Kỳ Lừa, Khánh Khê, Tân Đoàn): there the whole new unit goes
to one district. Features carry `approximate` (true for the districts concerned) and `straddling`
(those units' names), and the map says so.

    .venv/bin/python -m ntm.geo.build_default
"""

import geopandas as gpd

from ntm.geo.boundaries import DEFAULT_BOUNDARIES, dissolve_to_former_districts
from ntm.paths import COMMUNES_2025
from ntm.registry import load_new_units, load_registry

SIZE_BUDGET = 10_000  # bytes of the written file (the Voronoi schematic it replaces was 8.3 KB)
TOLERANCES_DEG = (0.002, 0.004, 0.006, 0.008, 0.010, 0.012, 0.015, 0.020, 0.030)
PRECISION_DEG = 1e-4


def _text(frame: gpd.GeoDataFrame) -> str:
    return frame.to_json(drop_id=True, indent=None)


def former_district_shapes(registry=None, new_units=None, budget: int = SIZE_BUDGET) -> gpd.GeoDataFrame:
    """district_code, district_name, approximate, straddling, geometry (EPSG:4326), one row per
    former district in code order, simplified to fit `budget` bytes of GeoJSON."""
    registry = load_registry() if registry is None else registry
    new_units = load_new_units() if new_units is None else new_units
    communes = gpd.read_file(COMMUNES_2025)[["code", "geometry"]]
    districts = dissolve_to_former_districts(communes, new_units)
    names = registry.drop_duplicates("district_code").set_index("district_code")["district_name"]
    districts.insert(1, "district_name", districts["district_code"].map(names))
    districts = districts[["district_code", "district_name", "approximate", "straddling", "geometry"]]
    for tolerance in TOLERANCES_DEG:
        simplified = districts.set_geometry(districts.geometry.simplify_coverage(tolerance))
        rounded = simplified.set_geometry(simplified.geometry.set_precision(PRECISION_DEG, mode="pointwise"))
        if rounded.geometry.is_valid.all() and len(_text(rounded).encode()) <= budget:
            return rounded
    raise ValueError(f"no tolerance up to {TOLERANCES_DEG[-1]} fits {budget} bytes with valid shapes")


def main() -> None:
    frame = former_district_shapes()
    DEFAULT_BOUNDARIES.write_text(_text(frame), encoding="utf-8")
    print(f"{DEFAULT_BOUNDARIES}: {len(frame)} districts, {DEFAULT_BOUNDARIES.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
