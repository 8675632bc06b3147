"""Build data/registry.csv from the `vietnamadminunits` package (MIT licence), and
data/registry_2025-07.csv (the 65 units from 1 July 2025) from the bundled crosswalk and shapes.

Run: python -m ntm.build.registry

The package's `admin_units_legacy` table holds the pre-July-2025 units with GSO codes and
centroids. The six communes dissolved on 1 December 2024 (Resolution 1246/NQ-UBTVQH15) are not
in it; they are added with provisional codes and their successors' centroids.

The new units come from data/units_2025-07_crosswalk.csv (dvhcvn/20250701, MIT; bundled once from
../shared with `python -m ntm.build.registry --crosswalk PATH`): names, types, the old units they
were formed from, hence their former district; their point is the representative point of their
polygon in geo/lang_son_communes_2025-07.geojson.
"""

import argparse
import sqlite3
from pathlib import Path

import pandas as pd

from ntm.paths import COMMUNES_2025, CROSSWALK, NEW_UNITS, REGISTRY

LANG_SON_PROVINCE_CODE = "20"
DISTRICT_STRUCTURE_END = "2025-06-30"  # Resolution 1672/NQ-UBTVQH15: districts abolished 1 Jul 2025
SOURCE = "vietnamadminunits 1.0.4 (MIT), table admin_units_legacy"

# Facts from the resolution 1246/NQ-UBTVQH15 (see shared/reference/admin_changes.csv).
DISSOLVED_2024 = [
    # provisional code, name, district code, successor GSO code
    ("P18001", "Vĩnh Tiến", "180", "05998"),
    ("P18002", "Đại Đồng", "180", "06040"),
    ("P18401", "Đồng Giáp", "184", "06286"),
    ("P18402", "Tràng Các", "184", "06286"),
    ("P18801", "Tĩnh Bắc", "188", "06559"),
    ("P18601", "Sơn Hà", "186", "06385"),
]
DISSOLVED_DATE_END = "2024-11-30"

COLUMNS = [
    "code",
    "name",
    "short_name",
    "type",
    "district_code",
    "district_name",
    "district_type",
    "lat",
    "lon",
    "valid_from",
    "valid_to",
    "successor_code",
    "provisional",
    "source",
]


def _package_db() -> Path:
    import vietnamadminunits

    return Path(vietnamadminunits.__file__).parent / "data" / "dataset.db"


def read_legacy_units() -> pd.DataFrame:
    with sqlite3.connect(_package_db()) as conn:
        raw = pd.read_sql(
            "SELECT wardCode, ward, wardShort, wardType, districtCode, district, districtType,"
            " wardLat, wardLon FROM admin_units_legacy WHERE provinceCode = ?",
            conn,
            params=(LANG_SON_PROVINCE_CODE,),
        )
    units = raw.rename(
        columns={
            "wardCode": "code",
            "ward": "name",
            "wardShort": "short_name",
            "wardType": "type",
            "districtCode": "district_code",
            "district": "district_name",
            "districtType": "district_type",
            "wardLat": "lat",
            "wardLon": "lon",
        }
    )
    units["valid_from"] = ""
    units["valid_to"] = DISTRICT_STRUCTURE_END
    units["successor_code"] = ""
    units["provisional"] = False
    units["source"] = SOURCE
    return units


def dissolved_units(current: pd.DataFrame) -> pd.DataFrame:
    by_code = current.set_index("code")
    rows = []
    for code, short, district, successor in DISSOLVED_2024:
        succ = by_code.loc[successor]
        rows.append(
            {
                "code": code,
                "name": f"Xã {short}",
                "short_name": short,
                "type": "Xã",
                "district_code": district,
                "district_name": succ["district_name"],
                "district_type": succ["district_type"],
                "lat": succ["lat"],
                "lon": succ["lon"],
                "valid_from": "",
                "valid_to": DISSOLVED_DATE_END,
                "successor_code": successor,
                "provisional": True,
                "source": "1246/NQ-UBTVQH15; provisional code (GSO code not published), centroid of the successor",
            }
        )
    return pd.DataFrame(rows)


def build_registry() -> pd.DataFrame:
    current = read_legacy_units()
    registry = pd.concat([current, dissolved_units(current)], ignore_index=True)
    registry["lat"] = registry["lat"].round(6)
    registry["lon"] = registry["lon"].round(6)
    return registry[COLUMNS].sort_values(["district_code", "code"], ignore_index=True)


NEW_STRUCTURE_START = "2025-07-01"
CROSSWALK_SOURCE = "github.com/dvhcvn/20250701 mapping/merges.json (MIT); Resolution 1672/NQ-UBTVQH15"
NEW_UNITS_SOURCE = (
    "units_2025-07_crosswalk.csv (dvhcvn, MIT); point: representative point of the unit's polygon in "
    "lang_son_communes_2025-07.geojson (thanglequoc/vietnamese-provinces-database, MIT)"
)
NEW_COLUMNS = [*COLUMNS, "former_district_code", "former_district_name"]


def bundle_crosswalk(source: Path) -> pd.DataFrame:
    """The shared crosswalk (new_code, new_name, old_code, old_name, part) with a source column, as
    bundled in data/units_2025-07_crosswalk.csv; names kept as published."""
    crosswalk = pd.read_csv(source, dtype=str, keep_default_na=False)
    expected = ["new_code", "new_name", "old_code", "old_name", "part"]
    if list(crosswalk.columns) != expected:
        raise ValueError(f"{source.name}: columns {list(crosswalk.columns)}, expected {expected}")
    return crosswalk.assign(source=CROSSWALK_SOURCE)


def build_new_units(registry: pd.DataFrame | None = None) -> pd.DataFrame:
    """The 65 units from 1 July 2025, one row each, in the registry's columns plus the former district."""
    import geopandas as gpd

    from ntm.registry import former_districts, load_crosswalk

    crosswalk = load_crosswalk()
    registry = build_registry() if registry is None else registry
    former = former_districts(crosswalk, registry)
    district_names = registry.drop_duplicates("district_code").set_index("district_code")["district_name"]
    units = crosswalk.drop_duplicates("new_code")[["new_code", "new_name"]].rename(
        columns={"new_code": "code", "new_name": "name"}
    )
    split = units["name"].str.extract(r"^(Xã|Phường)\s+(.+)$")
    if split.isna().any().any():
        raise ValueError(f"unexpected unit types: {list(units.loc[split[0].isna(), 'name'])}")
    shapes = gpd.read_file(COMMUNES_2025).set_index("code")
    if set(shapes.index) != set(units["code"]):
        raise ValueError(f"{COMMUNES_2025.name} and {CROSSWALK.name} list different units")
    points = shapes.geometry.representative_point()
    units = units.assign(
        short_name=split[1].to_numpy(),
        type=split[0].to_numpy(),
        district_code="",
        district_name="",
        district_type="",
        lat=units["code"].map(points.y).round(6),
        lon=units["code"].map(points.x).round(6),
        valid_from=NEW_STRUCTURE_START,
        valid_to="",
        successor_code="",
        provisional=False,
        source=NEW_UNITS_SOURCE,
        former_district_code=units["code"].map(former),
    )
    units["former_district_name"] = units["former_district_code"].map(district_names)
    return units[NEW_COLUMNS].sort_values("code", ignore_index=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m ntm.build.registry", description=__doc__.splitlines()[0])
    parser.add_argument("--crosswalk", type=Path, help="bundle this crosswalk CSV first (from ../shared/reference)")
    args = parser.parse_args(argv)
    if args.crosswalk:
        crosswalk = bundle_crosswalk(args.crosswalk)
        crosswalk.to_csv(CROSSWALK, index=False)
        print(f"wrote {CROSSWALK} with {len(crosswalk)} rows")
    registry = build_registry()
    registry.to_csv(REGISTRY, index=False)
    print(f"wrote {REGISTRY} with {len(registry)} units")
    units = build_new_units(registry)
    units.to_csv(NEW_UNITS, index=False)
    print(f"wrote {NEW_UNITS} with {len(units)} units")


if __name__ == "__main__":
    main()
