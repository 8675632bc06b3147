"""Build the bundled schematic district boundaries, reproducibly, from the registry alone.

Each unit's centroid in data/registry.csv (units in force on 30 June 2025) gets its Voronoi cell;
cells are dissolved by district and clipped to a buffered concave hull of all centroids. The shapes
are approximate: the map says so and explains how to load official ones (NTM_BOUNDARIES).

    .venv/bin/python -m ntm.geo.build_default
"""

import geopandas as gpd
import shapely

from ntm.geo.boundaries import DEFAULT_BOUNDARIES
from ntm.registry import LAST_DISTRICT_STRUCTURE_DAY, in_force, load_registry

METRIC_CRS = 32648  # UTM zone 48N, metres
HULL_RATIO = 0.35
HULL_BUFFER_M = 6000
PRECISION_DEG = 1e-4


def schematic_districts(registry) -> gpd.GeoDataFrame:
    units = registry[in_force(registry, LAST_DISTRICT_STRUCTURE_DAY)].drop_duplicates(["lat", "lon"])
    points = gpd.GeoDataFrame(
        units[["district_code", "district_name"]], geometry=gpd.points_from_xy(units["lon"], units["lat"]), crs=4326
    ).to_crs(METRIC_CRS)
    multipoint = shapely.MultiPoint(list(points.geometry))
    outline = shapely.concave_hull(multipoint, ratio=HULL_RATIO).buffer(HULL_BUFFER_M).simplify(500)
    cells = shapely.voronoi_polygons(multipoint, extend_to=outline.buffer(HULL_BUFFER_M), ordered=True)
    points = points.set_geometry(list(cells.geoms))
    districts = points.dissolve(by="district_code", aggfunc="first", as_index=False)
    districts = districts.set_geometry(districts.geometry.intersection(outline))
    districts = districts.to_crs(4326)
    districts = districts.set_geometry(districts.geometry.simplify_coverage(0.002))
    rounded = districts.geometry.set_precision(PRECISION_DEG, mode="pointwise")
    return districts.set_geometry(rounded)[["district_code", "district_name", "geometry"]]


def main() -> None:
    frame = schematic_districts(load_registry())
    DEFAULT_BOUNDARIES.write_text(frame.to_json(drop_id=True, indent=None), encoding="utf-8")
    print(f"{DEFAULT_BOUNDARIES}: {len(frame)} districts, {DEFAULT_BOUNDARIES.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
