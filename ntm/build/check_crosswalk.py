"""Check the bundled crosswalk (data/units_2025-07_crosswalk.csv, from dvhcvn/20250701) against the
`vietnamadminunits` package: every old unit's address converted to the 2025 unit.

    .venv/bin/python -m ntm.build.check_crosswalk

Addresses carry no street, so the package never looks a place up on the network: for a commune it
lists as divided it answers with its default new unit. Do not use the package's
convert_address_column(..., inplace=True): in 1.0.4 it returns an empty frame.
"""

import json
from pathlib import Path

import pandas as pd

from ntm.registry import load_crosswalk, load_registry

PROVINCE = "Tỉnh Lạng Sơn"
PROVINCE_KEY = "tinhlangson"


def old_address(name: str, district_name: str) -> str:
    return f"{name}, {district_name}, {PROVINCE}"


def compare_with_vietnamadminunits(
    crosswalk: pd.DataFrame | None = None, registry: pd.DataFrame | None = None, spelling: str = "registry"
) -> pd.DataFrame:
    """One row per old unit of the crosswalk: old_code, old_name, address (as converted; the old
    unit's name as the registry spells it, or as the crosswalk does with spelling="crosswalk"), the
    crosswalk's new_codes and new_names (several for a split commune), the package's package_code,
    package_name and parsed_old_code (the old unit it understood), and the verdicts same_unit
    (package code among the crosswalk's), same_name (that unit's name is spelt alike) and
    old_understood (the package read the address as this old unit)."""
    from vietnamadminunits import convert_address

    crosswalk = load_crosswalk() if crosswalk is None else crosswalk
    registry = load_registry() if registry is None else registry
    places = registry.set_index("code")
    rows = []
    for old_code, group in crosswalk.groupby("old_code", sort=True):
        name = places.loc[old_code, "name"] if spelling == "registry" else group["old_name"].iloc[0]
        district = places.loc[old_code, "district_name"]
        address = old_address(name, district)
        unit = convert_address(address)
        expected = dict(zip(group["new_code"], group["new_name"]))
        rows.append(
            {
                "old_code": old_code,
                "old_name": name,
                "address": address,
                "new_codes": sorted(expected),
                "new_names": [expected[c] for c in sorted(expected)],
                "package_code": unit.ward_code,
                "package_name": unit.ward,
                "parsed_old_code": unit.OldAdminUnit.ward_code,
                "same_unit": unit.ward_code in expected,
                "same_name": expected.get(unit.ward_code) == unit.ward,
                "old_understood": unit.OldAdminUnit.ward_code == old_code,
            }
        )
    return pd.DataFrame(rows)


def package_divided_communes() -> dict[str, list[str]]:
    """The package's own list of Lạng Sơn's old communes divided between new units (its
    converter_2025.json): "district key / commune key" -> new unit keys, default first."""
    import vietnamadminunits

    path = Path(vietnamadminunits.__file__).parent / "data" / "converter_2025.json"
    divided = json.loads(path.read_text(encoding="utf-8"))["DICT_PROVINCE_WARD_DIVIDED"].get(PROVINCE_KEY, {})
    result = {}
    for key, wards in sorted(divided.items()):
        _, district, commune = key.split("_")
        ordered = sorted(wards, key=lambda w: not w["isDefaultNewWard"])
        result[f"{district} / {commune}"] = [w["newWardKey"] for w in ordered]
    return result


def summary(table: pd.DataFrame, spelling: str = "registry") -> list[str]:
    lines = [
        f"{len(table)} old units converted with vietnamadminunits.convert_address (names as the {spelling} spells them)"
    ]
    lines.append(f"package unit among the crosswalk's new units: {int(table['same_unit'].sum())}")
    lines.append(f"same name as well: {int(table['same_name'].sum())}")
    lines.append(f"address read as the right old unit: {int(table['old_understood'].sum())}")
    for row in table[~(table["same_unit"] & table["same_name"] & table["old_understood"])].itertuples():
        lines.append(
            f"DIFFERS {row.old_code} {row.old_name}: package {row.package_code} {row.package_name}, "
            f"crosswalk {', '.join(row.new_codes)}"
        )
    return lines


def split_notes(table: pd.DataFrame) -> list[str]:
    lines = []
    for row in table[table["new_codes"].str.len() > 1].itertuples():
        lines.append(
            f"split in the crosswalk: {row.old_name} -> {', '.join(row.new_names)}; package answers {row.package_name}"
        )
    for key, wards in package_divided_communes().items():
        lines.append(f"divided in the package's data: {key} -> {', '.join(wards)} (default first)")
    return lines


def main() -> None:
    tables = {spelling: compare_with_vietnamadminunits(spelling=spelling) for spelling in ("registry", "crosswalk")}
    for spelling, table in tables.items():
        print("\n".join(summary(table, spelling)))
    print("\n".join(split_notes(tables["registry"])))


if __name__ == "__main__":
    main()
