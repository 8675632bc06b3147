"""The commune registry: every administrative unit of Lạng Sơn with its validity period.

Two geographies, two tables with the same columns:

- `load_registry()`: the units before 1 July 2025 (11 districts, their communes, wards and
  towns; valid to 30 June 2025). Codes are unique; every existing caller uses this table.
- `load_new_units()`: the 65 units from 1 July 2025 (Resolution 1672/NQ-UBTVQH15: 61 xã,
  4 phường; valid from 1 July 2025). No district: `district_code` is empty and
  `former_district_code` names the old district most of their old units belonged to.

`load_all_units()` stacks both. A new unit keeps the GSO code of one of its old units, so in the
stacked table `code` is not unique: a unit is (code, valid_from). The crosswalk
(`load_crosswalk()`) says which old units each new unit was formed from.
"""

from datetime import date
from functools import lru_cache

import pandas as pd

from ntm.paths import CROSSWALK, NEW_UNITS, REGISTRY

RURAL_TYPE = "Xã"
# The 2021-2025 programme is assessed on the district structure in force until 30 June 2025;
# from 1 July 2025 districts were abolished (1672/NQ-UBTVQH15).
LAST_DISTRICT_STRUCTURE_DAY = date(2025, 6, 30)
FIRST_COMMUNE_STRUCTURE_DAY = date(2025, 7, 1)

_DTYPES = {
    "code": "str",
    "name": "str",
    "short_name": "str",
    "type": "str",
    "district_code": "str",
    "district_name": "str",
    "district_type": "str",
    "lat": "float64",
    "lon": "float64",
    "valid_from": "str",
    "valid_to": "str",
    "successor_code": "str",
    "provisional": "bool",
    "source": "str",
}
_NEW_DTYPES = {**_DTYPES, "former_district_code": "str", "former_district_name": "str"}
_CROSSWALK_DTYPES = {"new_code": "str", "new_name": "str", "old_code": "str", "old_name": "str", "part": "str"}


def _read_units(path, dtypes) -> pd.DataFrame:
    registry = pd.read_csv(path, dtype=dtypes, keep_default_na=False)
    for column in ("valid_from", "valid_to"):
        registry[column] = pd.to_datetime(registry[column].replace("", None)).dt.date
    return registry


def load_registry(path=REGISTRY) -> pd.DataFrame:
    """The units before 1 July 2025 (one row per GSO code)."""
    return _read_units(path, _DTYPES)


def load_new_units(path=NEW_UNITS) -> pd.DataFrame:
    """The 65 units from 1 July 2025: the registry's columns (empty district_code, district_name,
    district_type) plus former_district_code and former_district_name; lat/lon is a point inside
    the unit's polygon (its representative point)."""
    return _read_units(path, _NEW_DTYPES)


def load_all_units(path=REGISTRY, new_path=NEW_UNITS) -> pd.DataFrame:
    """Both geographies stacked, each row with its validity; former_district_code is empty for the
    old units. `code` is not unique here (new units keep an old unit's code): select by date with
    `in_force`, or use `new_units`."""
    old = load_registry(path).assign(former_district_code="", former_district_name="")
    return pd.concat([old, load_new_units(new_path)], ignore_index=True)


def load_crosswalk(path=CROSSWALK) -> pd.DataFrame:
    """new_code, new_name, old_code, old_name, part ("full" or "partial"), source: one row per
    (new unit, old unit) pair; an old commune split between new units has a "partial" row under each."""
    return pd.read_csv(path, dtype=_CROSSWALK_DTYPES, keep_default_na=False)


def assessment_day(year: int) -> date:
    """The day whose units count for a year's assessment: 31 December, or the last day of the
    district structure for 2025."""
    if year == LAST_DISTRICT_STRUCTURE_DAY.year:
        return LAST_DISTRICT_STRUCTURE_DAY
    return date(year, 12, 31)


def in_force(registry: pd.DataFrame, day: date) -> pd.Series:
    starts = registry["valid_from"].map(lambda d: d is None or pd.isna(d) or d <= day)
    ends = registry["valid_to"].map(lambda d: d is None or pd.isna(d) or d >= day)
    return starts & ends


def rural_communes(registry: pd.DataFrame, year: int | None = None) -> pd.DataFrame:
    """Rural communes (xã), the only units that take part in NTM; those in force in `year`."""
    rural = registry[registry["type"] == RURAL_TYPE]
    if year is not None:
        rural = rural[in_force(rural, assessment_day(year))]
    return rural


def districts(registry: pd.DataFrame) -> pd.DataFrame:
    """District code, full name and short name, in GSO code order."""
    table = registry.drop_duplicates("district_code")[["district_code", "district_name", "district_type"]]
    short = table["district_name"].str.replace(r"^(Huyện|Thành phố|Thị xã)\s+", "", regex=True)
    return table.assign(district_short=short).sort_values("district_code", ignore_index=True)


def district_names(registry: pd.DataFrame) -> dict[str, str]:
    """{district code: short name} ("Đình Lập", "Lạng Sơn"), in GSO code order."""
    table = districts(registry)
    return dict(zip(table["district_code"], table["district_short"]))


# --- the two geographies: new units, what they were formed from, old districts -------------------


@lru_cache(maxsize=1)
def _bundled() -> tuple[pd.DataFrame, pd.DataFrame]:
    return load_crosswalk(), load_registry()


def _tables(crosswalk: pd.DataFrame | None, registry: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    bundled_crosswalk, bundled_registry = _bundled()
    crosswalk = bundled_crosswalk if crosswalk is None else crosswalk
    registry = bundled_registry if registry is None else registry
    # Old units only (a stacked table holds new units under the same codes).
    return crosswalk, registry[~registry["valid_from"].map(_from_new_structure)]


def _from_new_structure(day) -> bool:
    """A valid_from (date, ISO text as in the CSV, empty or missing) on or after 1 July 2025."""
    if isinstance(day, str):
        day = date.fromisoformat(day) if day else None
    return day is not None and not pd.isna(day) and day >= FIRST_COMMUNE_STRUCTURE_DAY


def new_units(registry: pd.DataFrame | None = None) -> pd.DataFrame:
    """The units valid from 1 July 2025 in `registry` (a table from `load_all_units`), or the
    bundled table of new units when `registry` is None."""
    if registry is None:
        return load_new_units()
    return registry[registry["valid_from"].map(_from_new_structure)]


def formed_from(registry_or_crosswalk: pd.DataFrame | None, new_code: str) -> pd.DataFrame:
    """The old units a new unit was formed from, in GSO code order: old_code, old_name (the
    registry's spelling), old_type, district_code, district_name (their old district), part
    ("full": the whole old unit; "partial": part of a commune split between new units).

    Pass a crosswalk (columns new_code, old_code, part, …) or a registry (old or stacked; the bundled
    crosswalk is then used), or None for the bundled tables. KeyError for an unknown new code."""
    table = registry_or_crosswalk
    is_crosswalk = table is not None and "new_code" in table.columns
    crosswalk, old = _tables(table if is_crosswalk else None, None if is_crosswalk else table)
    rows = crosswalk[crosswalk["new_code"] == new_code]
    if rows.empty:
        raise KeyError(f"{new_code} is not the code of a unit formed on 1 July 2025")
    places = old.drop_duplicates("code").set_index("code")
    result = pd.DataFrame(
        {
            "old_code": rows["old_code"].to_numpy(),
            "old_name": [places["name"].get(c, n) for c, n in zip(rows["old_code"], rows["old_name"])],
            "old_type": [places["type"].get(c, "") for c in rows["old_code"]],
            "district_code": [places["district_code"].get(c, "") for c in rows["old_code"]],
            "district_name": [places["district_name"].get(c, "") for c in rows["old_code"]],
            "part": rows["part"].to_numpy(),
        }
    )
    return result.sort_values("old_code", ignore_index=True)


def former_districts(crosswalk: pd.DataFrame | None = None, registry: pd.DataFrame | None = None) -> pd.Series:
    """For every new unit (index: new code, in code order), the old district most of its old units
    belonged to. Each old unit counts once, whether it came whole or in part. A tie goes to the
    district of the old unit whose GSO code the new unit kept (every new unit of Lạng Sơn kept the
    code of one of its old units); if that unit is not among the tied districts, or is not known,
    to the smallest district code. Lạng Sơn has no tie on 1 July 2025: four new units have old
    units in two districts (Đông Kinh, Kỳ Lừa, Khánh Khê, Tân Đoàn) and each has a clear majority."""
    crosswalk, old = _tables(crosswalk, registry)
    district_of = old.drop_duplicates("code").set_index("code")["district_code"]
    result = {}
    for new_code, rows in crosswalk.groupby("new_code", sort=True):
        votes = rows.drop_duplicates("old_code")["old_code"].map(district_of).dropna().value_counts()
        if votes.empty:
            raise KeyError(f"no old unit of {new_code} is in the registry")
        tied = sorted(votes.index[votes == votes.max()])
        kept = district_of.get(new_code)
        result[new_code] = kept if kept in tied else tied[0]
    return pd.Series(result, name="former_district_code", dtype="str")


def former_district_of(
    new_code: str, crosswalk: pd.DataFrame | None = None, registry: pd.DataFrame | None = None
) -> str:
    """The old district (GSO code) most of the new unit's old units belonged to; see
    `former_districts` for how ties are broken. KeyError for an unknown new code."""
    table = (
        _former_districts_bundled() if crosswalk is None and registry is None else former_districts(crosswalk, registry)
    )
    if new_code not in table.index:
        raise KeyError(f"{new_code} is not the code of a unit formed on 1 July 2025")
    return table[new_code]


@lru_cache(maxsize=1)
def _former_districts_bundled() -> pd.Series:
    return former_districts()


def straddling_units(crosswalk: pd.DataFrame | None = None, registry: pd.DataFrame | None = None) -> list[str]:
    """Codes of the new units whose old units lay in more than one old district: where a union of
    new units by `former_districts` departs from the old district borders."""
    crosswalk, old = _tables(crosswalk, registry)
    district_of = old.drop_duplicates("code").set_index("code")["district_code"]
    spread = crosswalk.assign(district=crosswalk["old_code"].map(district_of)).groupby("new_code")["district"].nunique()
    return sorted(spread.index[spread > 1])


def successor_of(
    old_code: str, crosswalk: pd.DataFrame | None = None, registry: pd.DataFrame | None = None
) -> list[str]:
    """Codes of the new unit(s) an old unit became part of on 1 July 2025, in code order: one, or
    several for a commune split between new units (Bính Xá, Kiên Mộc). A commune dissolved on
    1 December 2024 (provisional code P…) follows its successor. KeyError for an unknown code."""
    crosswalk, old = _tables(crosswalk, registry)
    seen = set()
    while old_code not in set(crosswalk["old_code"]):
        successor = old.loc[old["code"] == old_code, "successor_code"]
        if successor.empty or not successor.iloc[0] or old_code in seen:
            raise KeyError(f"{old_code} is not the code of a unit in force before 1 July 2025")
        seen.add(old_code)
        old_code = successor.iloc[0]
    return sorted(crosswalk.loc[crosswalk["old_code"] == old_code, "new_code"].unique())
