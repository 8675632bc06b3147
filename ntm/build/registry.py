"""Build data/registry.csv from the `vietnamadminunits` package (MIT licence).

Run: python -m ntm.build.registry

The package's `admin_units_legacy` table holds the pre-July-2025 units with GSO codes and
centroids. The six communes dissolved on 1 December 2024 (Resolution 1246/NQ-UBTVQH15) are not
in it; they are added with provisional codes and their successors' centroids.
"""

import sqlite3
from pathlib import Path

import pandas as pd

from ntm.paths import REGISTRY

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


def main() -> None:
    registry = build_registry()
    registry.to_csv(REGISTRY, index=False)
    print(f"wrote {REGISTRY} with {len(registry)} units")


if __name__ == "__main__":
    main()
