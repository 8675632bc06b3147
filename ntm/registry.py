"""The commune registry: every administrative unit of Lạng Sơn with its validity period."""

from datetime import date

import pandas as pd

from ntm.paths import REGISTRY

RURAL_TYPE = "Xã"
# The 2021-2025 programme is assessed on the district structure in force until 30 June 2025;
# from 1 July 2025 districts were abolished (1672/NQ-UBTVQH15).
LAST_DISTRICT_STRUCTURE_DAY = date(2025, 6, 30)

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


def load_registry(path=REGISTRY) -> pd.DataFrame:
    registry = pd.read_csv(path, dtype=_DTYPES, keep_default_na=False)
    for column in ("valid_from", "valid_to"):
        registry[column] = pd.to_datetime(registry[column].replace("", None)).dt.date
    return registry


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
